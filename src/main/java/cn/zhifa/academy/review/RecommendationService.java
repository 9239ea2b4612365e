package cn.zhifa.academy.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.notification.NotificationService;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Supervision recommendations (执法监督建议书): issued from a campaign to a unit with findings
 * attached and a deadline; the unit answers with its rectification and evidence files; the
 * issuing side accepts it or returns it for another answer. Waiting past the deadline is
 * overdue: flagged on the home page and reminded daily by notification.
 */
@ApplicationScoped
public class RecommendationService {

    private static final Logger LOG = Logger.getLogger(RecommendationService.class);

    @Inject
    ReviewAccess access;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Inject
    MediaService media;

    public record IssueInput(Long unitId, String body, LocalDate deadline, List<Long> findingIds) {
    }

    public record View(long id, long campaignId, String campaign, long unitId, String unit, String number, String body,
            LocalDate deadline, Recommendation.Status status, boolean overdue, String issuedBy, String response,
            String respondedBy, String decisionNote, List<ScoringService.FindingView> findings,
            List<ScoringService.Attachment> evidence, boolean answerable, boolean decidable) {
    }

    static LocalDate today() {
        return Now.today();
    }

    public boolean sees(Recommendation r) {
        ReviewCampaign c = ReviewCampaign.findById(r.campaignId);
        return access.manages(c) || access.unitSide(c, r.unitId);
    }

    public Recommendation require(long id) {
        return Recommendation.<Recommendation> findByIdOptional(id).filter(this::sees).orElseThrow(ReviewAccess::notFound);
    }

    @Transactional
    public Recommendation issue(long campaignId, IssueInput in) {
        ReviewCampaign c = access.managed(campaignId);
        List<FieldError> errors = new ArrayList<>();
        OrgDirectory.Unit unit = in.unitId() == null ? null : orgDirectory.unit(in.unitId()).orElse(null);
        if (unit == null || !ReviewAccess.unitsOf(c).contains(unit.id())) {
            errors.add(new FieldError("unitId", "review.file_unit_invalid"));
        }
        if (c.status == ReviewCampaign.Status.DRAFT) {
            errors.add(new FieldError("campaign", "review.rec_campaign_draft"));
        }
        if (in.body() == null || in.body().isBlank() || in.body().length() > 4000) {
            errors.add(new FieldError("body", "review.rec_body_required"));
        }
        if (in.deadline() == null || !in.deadline().isAfter(today())) {
            errors.add(new FieldError("deadline", "review.rec_deadline_future"));
        }
        Set<Long> findingIds = new LinkedHashSet<>(in.findingIds() == null ? List.of() : in.findingIds());
        for (Long fid : findingIds) {
            ReviewFinding x = fid == null ? null : ReviewFinding.findById(fid);
            ReviewCaseFile f = x == null ? null : ReviewCaseFile.findById(x.caseFileId);
            if (f == null || !f.campaignId.equals(c.id) || unit == null || !f.unitId.equals(unit.id()) || !x.counts()) {
                errors.add(new FieldError("findingIds", "review.rec_finding_invalid", String.valueOf(fid)));
            }
        }
        if (findingIds.isEmpty()) {
            errors.add(new FieldError("findingIds", "review.rec_findings_none"));
        }
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid recommendation");
        }
        Recommendation r = new Recommendation();
        r.campaignId = c.id;
        r.unitId = unit.id();
        long n = Recommendation.count("campaignId IN (SELECT x.id FROM ReviewCampaign x WHERE x.year = ?1)", c.year) + 1;
        r.number = ReviewText.records().rec_number(String.valueOf(c.year), n) + "-" + c.id;
        r.body = in.body().trim();
        r.deadline = in.deadline();
        r.issuedBy = access.actor();
        r.persist();
        for (Long fid : findingIds) {
            em.createNativeQuery("INSERT INTO review_recommendation_finding (recommendation_id, finding_id) VALUES (?1, ?2)")
                    .setParameter(1, r.id).setParameter(2, fid).executeUpdate();
        }
        audit.record("review.recommendation_issued", "review_recommendation", r.id, AuditLog.detail("number", r.number,
                "unitId", r.unitId, "deadline", r.deadline, "findings", findingIds));
        for (Long a : unitAdmins(r, c)) {
            notifications.send(a, new NotificationService.Message("review", "notif_review_recommendation", r.number,
                    unit.name(), r.deadline.toString(), "/review/recommendations/" + r.id), "review-rec-" + r.id);
        }
        return r;
    }

    /** The unit's answer: rectification text and (already stored) evidence files. */
    @Transactional
    public Recommendation answer(long id, String response, List<MediaRef> evidence) {
        Recommendation r = require(id);
        ReviewCampaign c = ReviewCampaign.findById(r.campaignId);
        if (!access.unitSide(c, r.unitId)) {
            throw new ForbiddenException("review.not_unit_side");
        }
        if (r.status != Recommendation.Status.ISSUED && r.status != Recommendation.Status.RETURNED) {
            throw ConflictException.on("status", "review.rec_not_awaiting_answer");
        }
        if (response == null || response.isBlank() || response.length() > 4000) {
            throw InvalidException.field("response", "review.rec_response_required");
        }
        for (MediaRef mo : evidence) {
            media.attach(mo, MediaOwner.REVIEW_EVIDENCE, r.id, access.actor(), "evidence");
        }
        r.response = response.trim();
        r.respondedBy = access.actor();
        r.respondedAt = Now.instant();
        r.status = Recommendation.Status.ANSWERED;
        audit.record("review.recommendation_answered", "review_recommendation", r.id, AuditLog.detail("evidence",
                evidence.stream().map(e -> e.publicId().toString()).toList(), "late", today().isAfter(r.deadline)));
        return r;
    }

    /** Stores an evidence upload (outside any transaction: the store writes its own record). */
    public MediaRef storeEvidence(Path file, String filename, String type) throws IOException {
        return media.store(file, filename, type, access.actor());
    }

    /** The issuing side accepts the answer or returns it (with a note) for another. */
    @Transactional
    public Recommendation decide(long id, boolean accept, String note) {
        Recommendation r = require(id);
        ReviewCampaign c = ReviewCampaign.findById(r.campaignId);
        if (!access.manages(c)) {
            throw new ForbiddenException("review.not_manager");
        }
        if (r.status != Recommendation.Status.ANSWERED) {
            throw ConflictException.on("status", "review.rec_not_answered");
        }
        if (!accept && (note == null || note.isBlank())) {
            throw InvalidException.field("note", "review.rec_return_note_required");
        }
        if (note != null && note.length() > 1000) {
            throw InvalidException.field("note", "review.rec_return_note_required");
        }
        r.status = accept ? Recommendation.Status.ACCEPTED : Recommendation.Status.RETURNED;
        r.decisionNote = note == null || note.isBlank() ? null : note.trim();
        r.decidedBy = access.actor();
        r.decidedAt = Now.instant();
        audit.record(accept ? "review.recommendation_accepted" : "review.recommendation_returned", "review_recommendation",
                r.id, AuditLog.detail("note", r.decisionNote));
        if (!accept) {
            for (Long a : unitAdmins(r, c)) {
                notifications.send(a, new NotificationService.Message("review", "notif_review_returned", r.number,
                        r.decisionNote, r.deadline.toString(), "/review/recommendations/" + r.id),
                        "review-rec-returned-" + r.id + "-" + r.decidedAt.toEpochMilli());
            }
        }
        return r;
    }

    /** Recommendations the user may see, overdue first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Recommendation> visible() {
        LocalDate today = today();
        List<Recommendation> out = new ArrayList<>(Recommendation.<Recommendation> list("ORDER BY deadline, id").stream()
                .filter(this::sees).toList());
        out.sort(java.util.Comparator.comparing((Recommendation r) -> !r.overdue(today)));
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View view(Recommendation r) {
        ReviewCampaign c = ReviewCampaign.findById(r.campaignId);
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) em.createNativeQuery(
                "SELECT finding_id FROM review_recommendation_finding WHERE recommendation_id = ?1 ORDER BY finding_id")
                .setParameter(1, r.id).getResultList()).stream().map(Number::longValue).toList();
        List<ReviewCaseFile> files = ids.isEmpty() ? List.of()
                : ReviewCaseFile.list("id IN (SELECT x.caseFileId FROM ReviewFinding x WHERE x.id IN ?1) ORDER BY caseNo", ids);
        List<ScoringService.FindingView> findings = scoring.findings(c, files).stream().filter(v -> ids.contains(v.id()))
                .toList();
        List<ScoringService.Attachment> evidence = media.ownedBy(MediaOwner.REVIEW_EVIDENCE, r.id).stream()
                .map(mo -> new ScoringService.Attachment(mo.publicId().toString(), mo.filename(), mo.sizeBytes())).toList();
        boolean unitSide = access.unitSide(c, r.unitId);
        return new View(r.id, c.id, c.name, r.unitId, orgDirectory.unit(r.unitId).orElseThrow().name(), r.number, r.body,
                r.deadline, r.status, r.overdue(today()), r.issuedBy, r.response, r.respondedBy, r.decisionNote, findings,
                evidence, unitSide && (r.status == Recommendation.Status.ISSUED || r.status == Recommendation.Status.RETURNED),
                access.manages(c) && r.status == Recommendation.Status.ANSWERED);
    }

    @Inject
    ScoringService scoring;

    /**
     * Administrators on the unit side: enabled admin accounts whose unit is the recommended unit
     * or above it but below the campaign's owning unit (those who answer, not those who issued).
     */
    List<Long> unitAdmins(Recommendation r, ReviewCampaign c) {
        OrgDirectory.Unit unit = orgDirectory.unit(r.unitId).orElse(null);
        OrgDirectory.Unit owner = orgDirectory.unit(c.owningUnitId).orElse(null);
        List<Long> out = new ArrayList<>();
        for (Account a : Account.<Account> list("enabled = true AND orgUnitId IS NOT NULL")) {
            if (!a.roleSet().contains(Roles.ADMIN)) {
                continue;
            }
            OrgDirectory.Unit au = orgDirectory.unit(a.orgUnitId).orElse(null);
            if (au != null && unit.path().startsWith(au.path()) && !owner.path().startsWith(au.path())) {
                out.add(a.id);
            }
        }
        return out;
    }

    /** Overdue recommendations, for reminders and the dashboard. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public static List<Recommendation> overdue() {
        return Recommendation.list("status IN ?1 AND deadline < ?2 ORDER BY deadline",
                List.of(Recommendation.Status.ISSUED, Recommendation.Status.RETURNED), today());
    }

    /** Daily: reminds the unit side of every overdue recommendation (one notification per day and account). */
    @Scheduled(cron = "${academy.review.reminder-cron}", identity = "review-overdue-reminders")
    void remindJob() {
        int n = QuarkusTransaction.requiringNew().call(this::remind);
        if (n > 0) {
            LOG.infof("reminded %d overdue supervision recommendation(s)", n);
        }
    }

    /** Sends today's reminders; returns how many notifications were new. Must run in a transaction. */
    public int remind() {
        int sent = 0;
        String day = today().toString();
        for (Recommendation r : overdue()) {
            ReviewCampaign c = ReviewCampaign.findById(r.campaignId);
            for (Long a : unitAdmins(r, c)) {
                if (notifications.send(a, new NotificationService.Message("review", "notif_review_overdue", r.number,
                        orgDirectory.unit(r.unitId).orElseThrow().name(), r.deadline.toString(),
                        "/review/recommendations/" + r.id),
                        "review-rec-overdue-" + r.id + "-" + day)) {
                    sent++;
                }
            }
        }
        if (sent > 0) {
            audit.recordAs("system", "review.recommendations_reminded", "review_recommendation", null,
                    AuditLog.detail("notifications", sent, "day", day));
        }
        return sent;
    }
}
