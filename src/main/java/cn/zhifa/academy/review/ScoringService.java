package cn.zhifa.academy.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;

/**
 * Scoring (评分): a reviewer goes through the standard item by item on the file assigned to
 * them, each save applying the item's deductions with a finding text per deduction; submitting
 * totals the file (each item: its weight less its deductions, at least 0) and bands it. Then the
 * unit may contest a finding once and the campaign's manager decides. Results per file, unit
 * and officer.
 */
@ApplicationScoped
public class ScoringService {

    @Inject
    MediaService media;

    @Inject
    ReviewAccess access;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory people;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    // ---- views -------------------------------------------------------------------------

    public record DeductionView(long id, String code, String text, BigDecimal points, Long findingId, String findingText,
            String findingStatus) {
        public boolean applied() {
            return findingId != null;
        }
    }

    public record ItemView(long id, String code, ReviewCategory category, String name, BigDecimal weight,
            String knowledgePoint, String knowledgeName, boolean checked, BigDecimal score, List<DeductionView> deductions) {
    }

    public record FindingView(long id, long caseFileId, String caseNo, String unit, String item, String knowledgePoint,
            String knowledgeName, BigDecimal points, String text, ReviewFinding.Status status, String contestReason,
            String decisionNote, boolean contestable, boolean decidable) {
    }

    public record Attachment(String publicId, String filename, long size) {
        @com.fasterxml.jackson.annotation.JsonProperty("url")
        public String url() {
            return "/api/v1/media/" + publicId + "/content";
        }
    }

    public record FileView(long id, long campaignId, String campaign, ReviewCampaign.Status campaignStatus, String caseNo,
            String matter, String unit, long unitId, String decisionType, String decisionDate, List<String> officers,
            Integer sampleOrder, String reviewer, ReviewCaseFile.Status status, BigDecimal runningScore, BigDecimal total,
            String band, int checkedItems, List<ItemView> items, List<FindingView> findings,
            List<Attachment> attachments, boolean scorable, boolean submittable, boolean manager) {
    }

    @Inject
    ReviewKnowledge knowledge;

    @Transactional(Transactional.TxType.SUPPORTS)
    public FileView view(long fileId) {
        ReviewCaseFile f = access.file(fileId);
        return view(f);
    }

    FileView view(ReviewCaseFile f) {
        ReviewCampaign c = ReviewCampaign.findById(f.campaignId);
        ReviewStandard s = ReviewStandard.findById(c.standardId);
        Map<Long, ReviewFinding> byDeduction = new HashMap<>();
        ReviewFinding.<ReviewFinding> list("caseFileId = ?1 ORDER BY id", f.id).forEach(x -> byDeduction.put(x.deductionId, x));
        Set<Long> checked = checkedItems(f.id);
        List<ItemView> items = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (StandardItem it : s.items()) {
            List<DeductionView> ds = new ArrayList<>();
            BigDecimal lost = BigDecimal.ZERO;
            for (StandardDeduction d : it.deductions()) {
                ReviewFinding x = byDeduction.get(d.id);
                ds.add(new DeductionView(d.id, d.code, d.text, d.points, x == null ? null : x.id, x == null ? null : x.text,
                        x == null ? null : x.status.name()));
                if (x != null && x.counts()) {
                    lost = lost.add(x.points);
                }
            }
            BigDecimal score = it.weight.subtract(lost).max(BigDecimal.ZERO);
            running = running.add(score);
            items.add(new ItemView(it.id, it.code, it.category, it.name, it.weight, it.knowledgePoint,
                    knowledge.name(it.knowledgePoint).orElse(it.knowledgePoint), checked.contains(it.id), score, ds));
        }
        boolean scorable = c.status == ReviewCampaign.Status.REVIEWING && f.status == ReviewCaseFile.Status.SAMPLED
                && access.isReviewerOf(f);
        List<Attachment> attachments = media.ownedBy(MediaOwner.REVIEW_CASE_FILE, f.id).stream()
                .map(mo -> new Attachment(mo.publicId().toString(), mo.filename(), mo.sizeBytes())).toList();
        PersonSummary reviewer = f.reviewerPersonId == null ? null : people.find(f.reviewerPersonId).orElse(null);
        return new FileView(f.id, c.id, c.name, c.status, f.caseNo, f.matter, orgDirectory.unit(f.unitId).orElseThrow().name(),
                f.unitId, f.decisionType, f.decisionDate.toString(),
                CampaignService.officersOf(f.id).stream().map(id -> officerLabel(people.find(id).orElse(null))).toList(),
                f.sampleOrder, reviewer == null ? null : reviewer.name(), f.status, running, f.total, f.band, checked.size(),
                items, findings(c, List.of(f)), attachments, scorable, scorable && checked.size() == items.size(),
                access.manages(c));
    }

    static String officerLabel(PersonSummary p) {
        return ReviewText.now().officer_label(p.name(), p.employeeNo());
    }

    List<FindingView> findings(ReviewCampaign c, List<ReviewCaseFile> files) {
        List<FindingView> out = new ArrayList<>();
        boolean manages = access.manages(c);
        for (ReviewCaseFile f : files) {
            String unit = orgDirectory.unit(f.unitId).orElseThrow().name();
            boolean unitSide = access.unitSide(c, f.unitId);
            for (ReviewFinding x : ReviewFinding.<ReviewFinding> list("caseFileId = ?1 ORDER BY id", f.id)) {
                StandardItem it = StandardItem.findById(x.itemId);
                boolean open = c.status == ReviewCampaign.Status.REVIEWING && f.status == ReviewCaseFile.Status.SCORED;
                out.add(new FindingView(x.id, f.id, f.caseNo, unit, it.name, x.knowledgePoint,
                        knowledge.name(x.knowledgePoint).orElse(x.knowledgePoint), x.points, x.text, x.status,
                        x.contestReason, x.decisionNote,
                        open && unitSide && x.status == ReviewFinding.Status.OPEN && x.contestedAt == null,
                        open && manages && x.status == ReviewFinding.Status.CONTESTED && !access.actor().equals(x.contestedBy)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Set<Long> checkedItems(long fileId) {
        return new HashSet<>(((List<Number>) em.createNativeQuery("SELECT item_id FROM review_item_check WHERE case_file_id = ?1")
                .setParameter(1, fileId).getResultList()).stream().map(Number::longValue).toList());
    }

    /** A reviewer's files: assigned to the signed-in person, sampled campaigns first. */
    public record QueueLine(long id, String campaign, String caseNo, String matter, String unit, ReviewCaseFile.Status status,
            int checked, int items, BigDecimal total, String band) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QueueLine> myQueue() {
        Long person = user.getPersonId();
        if (person == null) {
            return List.of();
        }
        List<QueueLine> out = new ArrayList<>();
        for (ReviewCaseFile f : ReviewCaseFile.<ReviewCaseFile> list("reviewerPersonId = ?1 ORDER BY status DESC, campaignId DESC, "
                + "sampleOrder", person)) {
            ReviewCampaign c = ReviewCampaign.findById(f.campaignId);
            int items = (int) StandardItem.count("standardId", c.standardId);
            out.add(new QueueLine(f.id, c.name, f.caseNo, f.matter, orgDirectory.unit(f.unitId).orElseThrow().name(), f.status,
                    checkedItems(f.id).size(), items, f.total, f.band));
        }
        out.sort(java.util.Comparator.comparing((QueueLine q) -> q.status() == ReviewCaseFile.Status.SCORED));
        return out;
    }

    // ---- scoring -----------------------------------------------------------------------

    /**
     * Saves one item of the reviewer's file: {@code applied} maps each deduction to apply to its
     * finding text; deductions left out are taken back. The item counts as gone through.
     */
    @Transactional
    public FileView saveItem(long fileId, long itemId, Map<Long, String> applied) {
        ReviewCaseFile f = access.file(fileId);
        ReviewCampaign c = ReviewCampaign.findById(f.campaignId);
        if (!access.isReviewerOf(f)) {
            throw new ForbiddenException("review.not_reviewer");
        }
        if (c.status != ReviewCampaign.Status.REVIEWING || f.status != ReviewCaseFile.Status.SAMPLED) {
            throw ConflictException.on("status", "review.file_not_scorable");
        }
        StandardItem item = StandardItem.<StandardItem> findByIdOptional(itemId).filter(i -> i.standardId.equals(c.standardId))
                .orElseThrow(ReviewAccess::notFound);
        Map<Long, StandardDeduction> deductions = new LinkedHashMap<>();
        item.deductions().forEach(d -> deductions.put(d.id, d));
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<Long, String> e : applied.entrySet()) {
            StandardDeduction d = deductions.get(e.getKey());
            if (d == null) {
                errors.add(new FieldError("deduction", "review.deduction_unknown", String.valueOf(e.getKey())));
            } else if (e.getValue() == null || e.getValue().isBlank() || e.getValue().length() > 1000) {
                errors.add(new FieldError("text_" + d.id, "review.finding_text_required", d.text));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid scoring");
        }
        List<String> changes = new ArrayList<>();
        for (StandardDeduction d : deductions.values()) {
            ReviewFinding x = ReviewFinding.<ReviewFinding> find("caseFileId = ?1 AND deductionId = ?2", f.id, d.id)
                    .firstResultOptional().orElse(null);
            String text = applied.get(d.id);
            if (text != null) {
                if (x == null) {
                    x = new ReviewFinding();
                    x.caseFileId = f.id;
                    x.itemId = item.id;
                    x.deductionId = d.id;
                    x.points = d.points;
                    x.knowledgePoint = item.knowledgePoint;
                    x.createdBy = access.actor();
                    x.text = text.trim();
                    x.persist();
                    changes.add("+" + d.code);
                } else if (!x.text.equals(text.trim())) {
                    x.text = text.trim();
                    changes.add("~" + d.code);
                }
            } else if (x != null) {
                x.delete();
                changes.add("-" + d.code);
            }
        }
        em.createNativeQuery("INSERT INTO review_item_check (case_file_id, item_id, checked_by, checked_at) VALUES "
                + "(?1, ?2, ?3, ?4) ON CONFLICT (case_file_id, item_id) DO UPDATE SET checked_by = EXCLUDED.checked_by, "
                + "checked_at = EXCLUDED.checked_at").setParameter(1, f.id).setParameter(2, item.id)
                .setParameter(3, access.actor()).setParameter(4, Now.instant()).executeUpdate();
        em.flush();
        audit.record("review.item_scored", "review_case_file", f.id, AuditLog.detail("item", item.code, "changes", changes));
        return view(f);
    }

    /** Submits the reviewer's scores once every item has been gone through: the total and band are fixed. */
    @Transactional
    public FileView submit(long fileId) {
        ReviewCaseFile f = access.file(fileId);
        ReviewCampaign c = ReviewCampaign.findById(f.campaignId);
        if (!access.isReviewerOf(f)) {
            throw new ForbiddenException("review.not_reviewer");
        }
        if (c.status != ReviewCampaign.Status.REVIEWING || f.status != ReviewCaseFile.Status.SAMPLED) {
            throw ConflictException.on("status", "review.file_not_scorable");
        }
        int items = (int) StandardItem.count("standardId", c.standardId);
        int checked = checkedItems(f.id).size();
        if (checked < items) {
            throw ConflictException.on("items", "review.file_items_left", items - checked);
        }
        retotal(f, c);
        f.status = ReviewCaseFile.Status.SCORED;
        f.scoredAt = Now.instant();
        audit.record("review.file_scored", "review_case_file", f.id, AuditLog.detail("total", f.total, "band", f.band,
                "findings", ReviewFinding.count("caseFileId", f.id)));
        return view(f);
    }

    /** The file's total by its findings that count, and its band. */
    static void retotal(ReviewCaseFile f, ReviewCampaign c) {
        ReviewStandard s = ReviewStandard.findById(c.standardId);
        Map<Long, BigDecimal> lost = new HashMap<>();
        for (ReviewFinding x : ReviewFinding.<ReviewFinding> list("caseFileId", f.id)) {
            if (x.counts()) {
                lost.merge(x.itemId, x.points, BigDecimal::add);
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (StandardItem it : s.items()) {
            total = total.add(it.weight.subtract(lost.getOrDefault(it.id, BigDecimal.ZERO)).max(BigDecimal.ZERO));
        }
        f.total = total;
        f.band = s.band(total);
    }

    // ---- contests ----------------------------------------------------------------------

    /** The unit contests a finding of a scored file, once, with a reason. */
    @Transactional
    public FindingView contest(long findingId, String reason) {
        ReviewFinding x = ReviewFinding.<ReviewFinding> findByIdOptional(findingId).orElseThrow(ReviewAccess::notFound);
        ReviewCaseFile f = access.file(x.caseFileId);
        ReviewCampaign c = ReviewCampaign.findById(f.campaignId);
        if (!access.unitSide(c, f.unitId)) {
            throw new ForbiddenException("review.not_unit_side");
        }
        if (x.contestedAt != null || x.status != ReviewFinding.Status.OPEN) {
            throw ConflictException.on("status", "review.contest_once");
        }
        if (c.status != ReviewCampaign.Status.REVIEWING || f.status != ReviewCaseFile.Status.SCORED) {
            throw ConflictException.on("status", "review.contest_closed");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw InvalidException.field("reason", "review.contest_reason_required");
        }
        x.status = ReviewFinding.Status.CONTESTED;
        x.contestReason = reason.trim();
        x.contestedBy = access.actor();
        x.contestedAt = Now.instant();
        audit.record("review.finding_contested", "review_finding", x.id, AuditLog.detail("reason", x.contestReason));
        return findings(c, List.of(f)).stream().filter(v -> v.id() == x.id).findFirst().orElseThrow();
    }

    /** The campaign's manager upholds a contested finding or withdraws it (the file's total is recomputed). */
    @Transactional
    public FindingView decide(long findingId, boolean uphold, String note) {
        ReviewFinding x = ReviewFinding.<ReviewFinding> findByIdOptional(findingId).orElseThrow(ReviewAccess::notFound);
        ReviewCaseFile f = access.file(x.caseFileId);
        ReviewCampaign c = ReviewCampaign.findById(f.campaignId);
        if (!access.manages(c)) {
            throw new ForbiddenException("review.not_manager");
        }
        if (x.status != ReviewFinding.Status.CONTESTED) {
            throw ConflictException.on("status", "review.decide_not_contested");
        }
        if (access.actor().equals(x.contestedBy)) {
            throw new ForbiddenException("review.decide_own_contest");
        }
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw InvalidException.field("note", "review.decide_note_required");
        }
        x.status = uphold ? ReviewFinding.Status.UPHELD : ReviewFinding.Status.WITHDRAWN;
        x.decisionNote = note.trim();
        x.decidedBy = access.actor();
        x.decidedAt = Now.instant();
        BigDecimal before = f.total;
        retotal(f, c);
        audit.record("review.contest_decided", "review_finding", x.id, AuditLog.detail("decision", x.status.name(), "note",
                x.decisionNote, "totalBefore", before, "totalAfter", f.total));
        return findings(c, List.of(f)).stream().filter(v -> v.id() == x.id).findFirst().orElseThrow();
    }

    // ---- results -----------------------------------------------------------------------

    public record Line(String key, String label, int files, BigDecimal average, String band) {
    }

    public record Results(List<Line> units, List<Line> officers) {
    }

    /** Bands per unit and per officer: the average total of the scored files they own or handled, banded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Results results(ReviewCampaign c, List<ReviewCaseFile> files) {
        ReviewStandard s = ReviewStandard.findById(c.standardId);
        Map<Long, List<BigDecimal>> units = new LinkedHashMap<>();
        Map<Long, List<BigDecimal>> officers = new LinkedHashMap<>();
        for (ReviewCaseFile f : files) {
            if (f.status != ReviewCaseFile.Status.SCORED) {
                continue;
            }
            units.computeIfAbsent(f.unitId, k -> new ArrayList<>()).add(f.total);
            for (Long p : CampaignService.officersOf(f.id)) {
                officers.computeIfAbsent(p, k -> new ArrayList<>()).add(f.total);
            }
        }
        List<Line> u = new ArrayList<>();
        units.forEach((id, totals) -> u.add(line("unit-" + id, orgDirectory.unit(id).orElseThrow().name(), totals, s)));
        List<Line> o = new ArrayList<>();
        officers.forEach((id, totals) -> o.add(line("person-" + id, officerLabel(people.find(id).orElse(null)), totals, s)));
        o.sort(java.util.Comparator.comparing(Line::average));
        return new Results(u, o);
    }

    static Line line(String key, String label, List<BigDecimal> totals, ReviewStandard s) {
        BigDecimal avg = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
        return new Line(key, label, totals.size(), avg, s.band(avg));
    }
}
