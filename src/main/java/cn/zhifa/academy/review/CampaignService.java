package cn.zhifa.academy.review;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.matters.MatterDirectory;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.UnprocessableException;

/**
 * Campaigns (案卷评查活动): creation with the units under review and the reviewers, case files
 * entered as metadata, the recorded and repeatable random sampling with reviewer assignment,
 * and finishing (which hands the findings to the targeted training). Scoped by organisation
 * through {@link ReviewAccess}; every change is audited.
 */
@ApplicationScoped
public class CampaignService {

    @Inject
    MatterDirectory matters;

    @Inject
    ReviewAccess access;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory people;

    @Inject
    OrgScope scope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    TargetedTraining training;

    private final SecureRandom seeds = new SecureRandom();

    public record CampaignInput(String name, String kind, Integer year, Long owningUnitId, LocalDate periodStart,
            LocalDate periodEnd, Long standardId, Integer sampleSize, List<Long> unitIds, List<String> reviewers) {
    }

    /**
     * A case file as entered. {@code matterCode} names a matter of the 赋权事项 catalogue; a town
     * that holds matters must choose one it holds (the readiness view counts findings by it).
     * {@code matter} is the name of a matter outside the catalogue, for units that are not towns
     * (or towns the catalogue gives nothing).
     */
    public record CaseFileInput(Long unitId, String caseNo, String matter, String decisionType, LocalDate decisionDate,
            List<String> officers, String matterCode) {

        public CaseFileInput(Long unitId, String caseNo, String matter, String decisionType, LocalDate decisionDate,
                List<String> officers) {
            this(unitId, caseNo, matter, decisionType, decisionDate, officers, null);
        }
    }

    // ---- campaigns ---------------------------------------------------------------------

    @Transactional
    public ReviewCampaign create(CampaignInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            errors.add(new FieldError("name", "review.campaign_name_invalid"));
        }
        ReviewCampaign.Kind kind = null;
        try {
            kind = ReviewCampaign.Kind.valueOf(String.valueOf(in.kind()).trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "review.campaign_kind_invalid"));
        }
        if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
            errors.add(new FieldError("year", "review.campaign_year_invalid"));
        }
        OrgDirectory.Unit owner = in.owningUnitId() == null ? null : orgDirectory.unit(in.owningUnitId()).orElse(null);
        if (owner == null || !(user.isSysadmin() || user.isAdmin() && scope.canActOnUnit(owner.id()))) {
            errors.add(new FieldError("owningUnitId", "review.campaign_owner_invalid"));
        }
        if (in.periodStart() == null || in.periodEnd() == null || in.periodEnd().isBefore(in.periodStart())) {
            errors.add(new FieldError("periodEnd", "review.campaign_period_invalid"));
        }
        ReviewStandard standard = in.standardId() == null ? null : ReviewStandard.findById(in.standardId());
        if (standard == null || standard.status != ReviewStandard.Status.ACTIVE) {
            errors.add(new FieldError("standardId", "review.campaign_standard_invalid"));
        }
        if (in.sampleSize() == null || in.sampleSize() < 1 || in.sampleSize() > 100) {
            errors.add(new FieldError("sampleSize", "review.campaign_sample_invalid"));
        }
        Set<Long> units = new LinkedHashSet<>(in.unitIds() == null ? List.of() : in.unitIds());
        if (units.isEmpty()) {
            errors.add(new FieldError("unitIds", "review.campaign_units_none"));
        }
        for (Long u : units) {
            OrgDirectory.Unit unit = u == null ? null : orgDirectory.unit(u).orElse(null);
            if (unit == null || owner == null || !unit.path().startsWith(owner.path())) {
                errors.add(new FieldError("unitIds", "review.campaign_unit_outside", String.valueOf(u)));
            }
        }
        List<PersonSummary> reviewers = new ArrayList<>();
        for (String no : in.reviewers() == null ? List.<String> of() : in.reviewers()) {
            PersonSummary p = no == null ? null : people.byEmployeeNo(no.trim()).orElse(null);
            OrgDirectory.Unit pu = p == null ? null : orgDirectory.unit(p.unitId()).orElse(null);
            if (p == null || p.category() != PersonCategory.LEGAL_REVIEWER || p.status() != EmploymentStatus.ACTIVE
                    || owner == null || pu == null || !pu.path().startsWith(owner.path())) {
                errors.add(new FieldError("reviewers", "review.campaign_reviewer_invalid", String.valueOf(no)));
            } else if (reviewers.stream().noneMatch(r -> r.id() == p.id())) {
                reviewers.add(p);
            }
        }
        if (reviewers.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("reviewers"))) {
            errors.add(new FieldError("reviewers", "review.campaign_reviewers_none"));
        }
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid campaign");
        }
        ReviewCampaign c = new ReviewCampaign();
        c.name = in.name().trim();
        c.kind = kind;
        c.year = in.year();
        c.owningUnitId = owner.id();
        c.periodStart = in.periodStart();
        c.periodEnd = in.periodEnd();
        c.standardId = standard.id;
        c.sampleSize = in.sampleSize();
        c.createdBy = access.actor();
        c.persist();
        for (Long u : units) {
            em.createNativeQuery("INSERT INTO review_campaign_unit (campaign_id, unit_id) VALUES (?1, ?2)")
                    .setParameter(1, c.id).setParameter(2, u).executeUpdate();
        }
        for (PersonSummary p : reviewers) {
            em.createNativeQuery("INSERT INTO review_reviewer (campaign_id, person_id) VALUES (?1, ?2)")
                    .setParameter(1, c.id).setParameter(2, p.id()).executeUpdate();
        }
        audit.record("review.campaign_created", "review_campaign", c.id, AuditLog.detail("name", c.name, "kind",
                c.kind.name(), "owningUnitId", c.owningUnitId, "units", units, "reviewers",
                reviewers.stream().map(p -> p.employeeNo()).toList(), "sampleSize", c.sampleSize, "standard", c.standardId));
        return c;
    }

    /** Campaigns the user may see, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewCampaign> visible() {
        return ReviewCampaign.<ReviewCampaign> list("ORDER BY year DESC, id DESC").stream().filter(access::seesCampaign)
                .toList();
    }

    // ---- case files --------------------------------------------------------------------

    @Transactional
    public ReviewCaseFile addCaseFile(long campaignId, CaseFileInput in) {
        ReviewCampaign c = access.managed(campaignId);
        if (c.status != ReviewCampaign.Status.DRAFT) {
            throw ConflictException.on("status", "review.campaign_not_draft");
        }
        List<FieldError> errors = new ArrayList<>();
        OrgDirectory.Unit unit = in.unitId() == null ? null : orgDirectory.unit(in.unitId()).orElse(null);
        if (unit == null || !ReviewAccess.unitsOf(c).contains(unit.id())) {
            errors.add(new FieldError("unitId", "review.file_unit_invalid"));
        }
        if (in.caseNo() == null || in.caseNo().isBlank() || in.caseNo().length() > 80) {
            errors.add(new FieldError("caseNo", "review.file_case_no_invalid"));
        } else if (ReviewCaseFile.count("campaignId = ?1 AND caseNo = ?2", c.id, in.caseNo().trim()) > 0) {
            errors.add(new FieldError("caseNo", "review.file_case_no_taken", in.caseNo().trim()));
        }
        String matterName = null;
        String matterCode = null;
        boolean town = unit != null && unit.level() == OrgLevel.TOWN;
        if (in.matterCode() != null && !in.matterCode().isBlank()) {
            MatterDirectory.Entry entry = matters.byCode(in.matterCode()).orElse(null);
            if (entry == null) {
                errors.add(new FieldError("matterCode", "review.file_matter_unknown", in.matterCode().trim()));
            } else if (town && !entry.heldBy(unit.id())) {
                errors.add(new FieldError("matterCode", "review.file_matter_not_held", unit.name(), entry.name()));
            } else {
                matterName = entry.name();
                matterCode = entry.code();
            }
        } else if (town && matters.all().stream().anyMatch(e -> e.heldBy(unit.id()))) {
            errors.add(new FieldError("matterCode", "review.file_matter_choose", unit.name()));
        } else if (in.matter() == null || in.matter().isBlank() || in.matter().length() > 200) {
            errors.add(new FieldError("matter", "review.file_matter_invalid"));
        } else {
            matterName = in.matter().trim();
        }
        if (in.decisionType() == null || in.decisionType().isBlank() || in.decisionType().length() > 60) {
            errors.add(new FieldError("decisionType", "review.file_decision_type_invalid"));
        }
        if (in.decisionDate() == null || in.decisionDate().isBefore(c.periodStart) || in.decisionDate().isAfter(c.periodEnd)) {
            errors.add(new FieldError("decisionDate", "review.file_decision_date_invalid", c.periodStart, c.periodEnd));
        }
        List<PersonSummary> officers = new ArrayList<>();
        for (String no : in.officers() == null ? List.<String> of() : in.officers()) {
            if (no == null || no.isBlank()) {
                continue;
            }
            PersonSummary p = people.byEmployeeNo(no.trim()).orElse(null);
            OrgDirectory.Unit pu = p == null ? null : orgDirectory.unit(p.unitId()).orElse(null);
            if (p == null || unit == null || pu == null || !pu.path().startsWith(unit.path())) {
                errors.add(new FieldError("officers", "review.file_officer_invalid", no.trim()));
            } else if (officers.stream().noneMatch(o -> o.id() == p.id())) {
                officers.add(p);
            }
        }
        if (officers.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("officers"))) {
            errors.add(new FieldError("officers", "review.file_officers_none"));
        }
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid case file");
        }
        ReviewCaseFile f = new ReviewCaseFile();
        f.campaignId = c.id;
        f.unitId = unit.id();
        f.caseNo = in.caseNo().trim();
        f.matter = matterName;
        f.matterCode = matterCode;
        f.decisionType = in.decisionType().trim();
        f.decisionDate = in.decisionDate();
        f.createdBy = access.actor();
        f.persist();
        for (PersonSummary p : officers) {
            em.createNativeQuery("INSERT INTO review_case_officer (case_file_id, person_id) VALUES (?1, ?2)")
                    .setParameter(1, f.id).setParameter(2, p.id()).executeUpdate();
        }
        audit.record("review.case_file_entered", "review_case_file", f.id, AuditLog.detail("campaign", c.id, "caseNo",
                f.caseNo, "unitId", f.unitId, "matter", f.matter, "matterCode", f.matterCode, "officers", officers.stream().map(p -> p.employeeNo()).toList()));
        return f;
    }

    @SuppressWarnings("unchecked")
    public static List<Long> officersOf(long fileId) {
        return ((List<Number>) ReviewCaseFile.getEntityManager()
                .createNativeQuery("SELECT person_id FROM review_case_officer WHERE case_file_id = ?1 ORDER BY person_id")
                .setParameter(1, fileId).getResultList()).stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    public static List<Long> reviewersOf(long campaignId) {
        return ((List<Number>) ReviewCaseFile.getEntityManager()
                .createNativeQuery("SELECT person_id FROM review_reviewer WHERE campaign_id = ?1 ORDER BY person_id")
                .setParameter(1, campaignId).getResultList()).stream().map(Number::longValue).toList();
    }

    // ---- sampling ----------------------------------------------------------------------

    /** The draw's inputs, as recorded in the database. */
    List<Sampling.Pick> draw(ReviewCampaign c, long seed) {
        List<Sampling.File> files = ReviewCaseFile.<ReviewCaseFile> list("campaignId", c.id).stream()
                .map(f -> new Sampling.File(f.id, f.unitId, f.caseNo)).toList();
        Map<Long, String> paths = new HashMap<>();
        for (Long u : ReviewAccess.unitsOf(c)) {
            paths.put(u, orgDirectory.unit(u).orElseThrow().path());
        }
        List<Sampling.Reviewer> reviewers = reviewersOf(c.id).stream().map(id -> {
            PersonSummary p = people.find(id).orElseThrow();
            return new Sampling.Reviewer(id, orgDirectory.unit(p.unitId()).orElseThrow().path());
        }).toList();
        return Sampling.draw(files, paths, reviewers, c.sampleSize, seed);
    }

    /**
     * Draws the sample (per unit, the campaign's sample size) with the given seed, or a fresh
     * random one, assigns every drawn file a reviewer from another unit and opens the review.
     * The seed and the result are recorded (and audited) so the draw can be repeated.
     */
    @Transactional
    public ReviewCampaign sample(long campaignId, Long seed) {
        ReviewCampaign c = access.managed(campaignId);
        if (c.status != ReviewCampaign.Status.DRAFT) {
            throw ConflictException.on("status", "review.campaign_not_draft");
        }
        if (ReviewCaseFile.count("campaignId", c.id) == 0) {
            throw InvalidException.field("files", "review.campaign_no_files");
        }
        long s = seed != null ? seed : seeds.nextLong();
        List<Sampling.Pick> picks;
        try {
            picks = draw(c, s);
        } catch (Sampling.NoReviewer e) {
            throw new UnprocessableException("review.campaign_no_reviewer_for", orgDirectory.unit(e.unitId).orElseThrow().name()).titled("No eligible reviewer");
        }
        List<String> sampled = new ArrayList<>();
        for (Sampling.Pick p : picks) {
            ReviewCaseFile f = ReviewCaseFile.findById(p.fileId());
            f.sampleOrder = p.order();
            f.reviewerPersonId = p.reviewerPersonId();
            f.status = ReviewCaseFile.Status.SAMPLED;
            sampled.add(f.caseNo);
        }
        c.sampleSeed = s;
        c.sampledAt = Now.instant();
        c.sampledBy = access.actor();
        c.status = ReviewCampaign.Status.REVIEWING;
        audit.record("review.campaign_sampled", "review_campaign", c.id,
                AuditLog.detail("seed", s, "sampled", sampled, "perUnit", c.sampleSize));
        return c;
    }

    /** Repeats the draw from the recorded seed: true when it gives exactly the recorded sample and reviewers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean verifySample(long campaignId) {
        ReviewCampaign c = access.campaign(campaignId);
        if (c.sampleSeed == null) {
            return false;
        }
        List<Sampling.Pick> again = draw(c, c.sampleSeed);
        List<ReviewCaseFile> recorded = ReviewCaseFile.list("campaignId = ?1 AND sampleOrder IS NOT NULL ORDER BY sampleOrder",
                c.id);
        if (again.size() != recorded.size()) {
            return false;
        }
        for (int i = 0; i < again.size(); i++) {
            Sampling.Pick p = again.get(i);
            ReviewCaseFile f = recorded.get(i);
            if (p.fileId() != f.id || p.order() != f.sampleOrder || p.reviewerPersonId() != f.reviewerPersonId) {
                return false;
            }
        }
        return true;
    }

    // ---- finishing ---------------------------------------------------------------------

    /**
     * Closes the review: every sampled file scored, no contest waiting for a decision. The
     * findings then assign the handling officers their targeted training.
     */
    @Transactional
    public TargetedTraining.Result finish(long campaignId) {
        ReviewCampaign c = access.managed(campaignId);
        if (c.status != ReviewCampaign.Status.REVIEWING) {
            throw ConflictException.on("status", "review.campaign_not_reviewing");
        }
        long unscored = ReviewCaseFile.count("campaignId = ?1 AND status = ?2", c.id, ReviewCaseFile.Status.SAMPLED);
        if (unscored > 0) {
            throw ConflictException.on("files", "review.campaign_unscored", unscored);
        }
        long contested = ReviewFinding.count("status = ?1 AND caseFileId IN (SELECT f.id FROM ReviewCaseFile f "
                + "WHERE f.campaignId = ?2)", ReviewFinding.Status.CONTESTED, c.id);
        if (contested > 0) {
            throw ConflictException.on("findings", "review.campaign_contests_open", contested);
        }
        c.status = ReviewCampaign.Status.FINISHED;
        c.finishedAt = Now.instant();
        c.finishedBy = access.actor();
        TargetedTraining.Result r = training.assign(c, access.actor());
        audit.record("review.campaign_finished", "review_campaign", c.id, AuditLog.detail("plans", r.plans(),
                "assignments", r.assignments(), "findingsWithoutCourse", r.withoutCourse()));
        return r;
    }
}
