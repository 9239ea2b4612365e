package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.curriculum.CurriculumConfig;
import cn.zhifa.academy.curriculum.LearningDirectory;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleScope;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.provider.ProviderDirectory;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.records.ExamRecords;

/**
 * Runs evaluations of both uses: opens one for a subject and cycle, keeps the pulled items in
 * step with the records (exam score, hours, qualified share, complaints), takes the entered
 * scores, and confirms — which grades, locks and, for a flagged band held for the configured
 * consecutive cycles, raises a flag on the person (谁使用、谁管理、谁负责: the administrators of
 * the person's unit or of the provider's commissioning unit run them).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvaluationService {

    /** @deprecated the zone is configurable (academy.time-zone): use {@link Now#zone()}. */
    @Deprecated
    static final java.time.ZoneId ZONE = Now.DEFAULT_ZONE_ID;
    static final List<ExamPurpose> DEFAULT_PURPOSES = EvaluationPulls.DEFAULT_PURPOSES;

    @Inject
    SchemeService schemes;

    @Inject
    ProviderDirectory providerDirectory;

    @Inject
    OrgDirectory org;

    @Inject
    PeopleDirectory people;

    @Inject
    OrgScope orgScope;

    @Inject
    PeopleScope peopleScope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    ExamRecords exams;

    @Inject
    LearningDirectory learning;

    @Inject
    CurriculumConfig curriculum;

    @Inject
    StaffQualificationRate qualifiedShare;

    /**
     * One item of an evaluation. {@code notApplicable}: a pulled item without data, left out;
     * {@code effectiveWeight}: the weight after re-normalising over the applicable items (equal
     * to {@code weight} when every item applies; null for an item that does not apply).
     */
    public record ScoreView(long itemId, String code, String name, BigDecimal weight, BigDecimal maxScore,
            ItemSource source, BigDecimal score, BigDecimal points, String note, boolean editable,
            boolean notApplicable, BigDecimal effectiveWeight) {
        public String weightText() {
            return plain(weight);
        }

        public boolean reweighted() {
            return effectiveWeight != null && effectiveWeight.compareTo(weight) != 0;
        }

        public String effectiveWeightText() {
            return effectiveWeight == null ? "" : plain(effectiveWeight.setScale(2, RoundingMode.HALF_UP));
        }

        public String maxText() {
            return plain(maxScore);
        }

        public String scoreText() {
            return score == null ? "" : plain(score);
        }
    }

    public record EvaluationView(long id, long schemeId, String schemeCode, int schemeVersion, String schemeName,
            SubjectKind subjectKind, Long personId, String personName, String employeeNo, Long providerId,
            String providerName, long unitId, String unit, String cycleLabel, LocalDate periodStart, LocalDate periodEnd,
            Evaluation.Status status, BigDecimal baseScore, BigDecimal adjustment, BigDecimal total, String band,
            String consequence, String createdBy, String confirmedBy, Instant confirmedAt, List<ScoreView> items,
            List<FlagView> flags, boolean canEdit, boolean flagApplies) {
        public boolean confirmed() {
            return status == Evaluation.Status.CONFIRMED;
        }

        /** Items left out as 不适用 (their weights were spread over the others). */
        public List<ScoreView> notApplicableItems() {
            return items.stream().filter(ScoreView::notApplicable).toList();
        }

        /** Items still without a score: the evaluation cannot be confirmed yet. */
        public List<ScoreView> unscoredItems() {
            return items.stream().filter(i -> !i.notApplicable() && i.score() == null).toList();
        }

        public String confirmedAtText() {
            return confirmedAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(confirmedAt.atZone(Now.zone()));
        }
    }

    public record FlagView(long id, long personId, String personName, String employeeNo, String unit, String reason,
            Instant raisedAt, long evaluationId) {
    }

    public record OpenInput(Long schemeId, Long personId, Long providerId, String cycle) {
    }

    // ---- scope -------------------------------------------------------------------------

    public boolean canSee(Evaluation e) {
        if (user.isSysadmin() || user.isAdmin()) {
            return orgScope.canActOnUnit(e.unitId);
        }
        if (user.isProviderManager() && e.providerId != null) {
            return e.providerId.equals(user.getProviderId());
        }
        return false;
    }

    public boolean canEdit(Evaluation e) {
        return (user.isSysadmin() || user.isAdmin()) && orgScope.canActOnUnit(e.unitId);
    }

    public Evaluation require(long id) {
        return Evaluation.<Evaluation> findByIdOptional(id).filter(this::canSee)
                .orElseThrow(() -> new NotFoundException("evaluation.not_found", id));
    }

    private Evaluation requireEditable(long id) {
        Evaluation e = require(id);
        if (!canEdit(e)) {
            throw new ForbiddenException("evaluation.forbidden_unit");
        }
        if (e.isConfirmed()) {
            throw ConflictException.on("status", "evaluation.locked");
        }
        return e;
    }

    /** Evaluations of a kind in the caller's scope, newest cycle first. */
    public List<Evaluation> list(SubjectKind kind, Long personId, Long providerId, int limit) {
        StringBuilder q = new StringBuilder("FROM Evaluation e WHERE e.subjectKind = :kind");
        Map<String, Object> p = new HashMap<>();
        p.put("kind", kind);
        OrgScope.UnitFilter f = orgScope.unitFilter();
        if (f instanceof OrgScope.Subtree s) {
            OrgScope.Condition c = s.onUnit("e.unitId", ":path");
            q.append(" AND ").append(c.text());
            p.putAll(c.params());
        } else if (!(f instanceof OrgScope.All)) {
            if (user.isProviderManager() && user.getProviderId() != null) {
                q.append(" AND e.providerId = :own");
                p.put("own", user.getProviderId());
            } else {
                return List.of();
            }
        }
        if (personId != null) {
            q.append(" AND e.personId = :person");
            p.put("person", personId);
        }
        if (providerId != null) {
            q.append(" AND e.providerId = :provider");
            p.put("provider", providerId);
        }
        q.append(" ORDER BY e.periodStart DESC, e.id DESC");
        var query = Evaluation.getEntityManager().createQuery(q.toString(), Evaluation.class).setMaxResults(limit);
        p.forEach(query::setParameter);
        return query.getResultList();
    }

    // ---- commands ----------------------------------------------------------------------

    @Transactional
    public Evaluation open(OpenInput in) {
        if (in.schemeId() == null) {
            throw InvalidException.field("schemeId", "evaluation.scheme_required");
        }
        EvalScheme s = schemes.find(in.schemeId()).orElseThrow(() -> InvalidException.field("schemeId", "evaluation.scheme_unknown"));
        if (s.status != EvalScheme.Status.ACTIVE) {
            throw InvalidException.field("schemeId", "evaluation.scheme_retired");
        }
        Cycle.Period period = s.cycle.parse(in.cycle());
        if (period.start().isAfter(Now.today())) {
            throw InvalidException.field("cycle", "evaluation.cycle_not_started", period.label());
        }
        Evaluation e = new Evaluation();
        e.schemeId = s.id;
        e.subjectKind = s.subjectKind;
        if (s.subjectKind == SubjectKind.AUXILIARY) {
            if (in.personId() == null) {
                throw InvalidException.field("personId", "evaluation.person_required");
            }
            PeopleDirectory.PersonSummary p = people.find(in.personId()).filter(peopleScope::canSee)
                    .orElseThrow(() -> InvalidException.field("personId", "evaluation.person_unknown"));
            if (!peopleScope.canManage(p)) {
                throw new ForbiddenException("evaluation.person_outside_scope");
            }
            if (p.category() != PersonCategory.AUXILIARY) {
                throw InvalidException.field("personId", "evaluation.person_not_auxiliary");
            }
            if (Evaluation.count("schemeId = ?1 AND personId = ?2 AND cycleLabel = ?3", s.id, p.id(), period.label()) > 0) {
                throw ConflictException.on("cycle", "evaluation.person_cycle_taken", period.label());
            }
            e.personId = p.id();
            e.unitId = p.unitId();
        } else {
            if (in.providerId() == null) {
                throw InvalidException.field("providerId", "evaluation.provider_required");
            }
            ProviderDirectory.ProviderSummary pr = providerDirectory.find(in.providerId())
                    .orElseThrow(() -> InvalidException.field("providerId", "evaluation.provider_unknown"));
            if (!(user.isSysadmin() || user.isAdmin() && orgScope.canActOnUnit(pr.commissioningUnitId()))) {
                throw new ForbiddenException("evaluation.provider_outside_scope");
            }
            if (Evaluation.count("schemeId = ?1 AND providerId = ?2 AND cycleLabel = ?3", s.id, pr.id(), period.label()) > 0) {
                throw ConflictException.on("cycle", "evaluation.provider_cycle_taken", period.label());
            }
            e.providerId = pr.id();
            e.unitId = pr.commissioningUnitId();
        }
        e.cycleLabel = period.label();
        e.periodStart = period.start();
        e.periodEnd = period.end();
        e.createdBy = actor();
        e.persist();
        for (SchemeItem it : s.items()) {
            EvaluationScore sc = new EvaluationScore();
            sc.evaluationId = e.id;
            sc.itemId = it.id;
            sc.persist();
        }
        recompute(e);
        audit.record("evaluation.opened", "evaluation", e.id, AuditLog.detail("scheme", s.code + " v" + s.versionNo,
                "subject", e.personId != null ? "person:" + e.personId : "provider:" + e.providerId, "cycle", e.cycleLabel));
        return e;
    }

    /** Saves one entered item score (the page saves each item as it is entered). */
    @Transactional
    public Evaluation enter(long id, String itemCode, BigDecimal score, String note) {
        Evaluation e = requireEditable(id);
        SchemeItem it = SchemeItem.<SchemeItem> find("schemeId = ?1 AND code = ?2", e.schemeId, itemCode)
                .firstResultOptional().orElseThrow(() -> InvalidException.field("item", "evaluation.item_unknown", itemCode));
        if (!isManual(it, e)) {
            throw InvalidException.field("item", "evaluation.item_pulled", it.name);
        }
        if (score == null) {
            throw InvalidException.field("score", "evaluation.score_required", it.name);
        }
        if (score.signum() < 0 || score.compareTo(it.maxScore) > 0) {
            throw InvalidException.field("score", "evaluation.score_range", it.name, plain(it.maxScore));
        }
        EvaluationScore sc = score(e.id, it.id);
        BigDecimal before = sc.score;
        sc.score = score.setScale(2, RoundingMode.HALF_UP);
        sc.note = note == null || note.isBlank() ? null : note.trim();
        sc.enteredBy = actor();
        sc.enteredAt = Now.instant();
        recompute(e);
        audit.record("evaluation.score_entered", "evaluation", e.id,
                AuditLog.detail("item", it.code, "before", before, "after", sc.score));
        return e;
    }

    /** Grades and locks the evaluation; raises a flag when a flagged band is held long enough. */
    @Transactional
    public Evaluation confirm(long id) {
        Evaluation e = requireEditable(id);
        recompute(e);
        Map<Long, SchemeItem> items = SchemeItem.<SchemeItem> list("schemeId", e.schemeId).stream()
                .collect(Collectors.toMap(i -> i.id, i -> i));
        for (EvaluationScore sc : scores(e.id)) {
            if (sc.score == null && !sc.notApplicable) {
                SchemeItem it = items.get(sc.itemId);
                throw InvalidException.field("items." + it.code, "evaluation.item_unscored", it.name);
            }
        }
        e.status = Evaluation.Status.CONFIRMED;
        e.confirmedBy = actor();
        e.confirmedAt = Now.instant();
        audit.record("evaluation.confirmed", "evaluation", e.id, AuditLog.detail("total", e.total, "band", e.band,
                "base", e.baseScore, "adjustment", e.adjustment, "cycle", e.cycleLabel));
        if (e.personId != null) {
            raiseFlagIfDue(e);
        }
        return e;
    }

    void raiseFlagIfDue(Evaluation e) {
        GradeBand band = GradeBand.<GradeBand> find("schemeId = ?1 AND label = ?2", e.schemeId, e.band).firstResult();
        if (band == null || band.flagConsecutive == null) {
            return;
        }
        List<String> cycles = new ArrayList<>();
        int run = run(e, band, cycles);
        if (run < band.flagConsecutive) {
            return;
        }
        EvalFlag f = new EvalFlag();
        f.personId = e.personId;
        f.evaluationId = e.id;
        EvalMessages m = stored();
        String held = String.join(m.cycle_sep(), cycles);
        f.reason = band.consequence.isBlank() ? m.flag_reason(run, band.label, held)
                : m.flag_reason_consequence(run, band.label, held, band.consequence);
        f.persist();
        audit.record("evaluation.flag_raised", "person", e.personId,
                AuditLog.detail("evaluation", e.id, "reason", f.reason));
    }

    /**
     * Whether this evaluation's band (with its consequence, e.g. "连续两次不合格：启动辞退审查")
     * applies to this person: bands without a consecutive rule always; a flagged band only when
     * the run of adjacent earlier cycles in that band reaches the count (so never on a first
     * assessment). For a confirmed evaluation: whether it raised a flag.
     */
    boolean flagApplies(Evaluation e, GradeBand band) {
        if (band == null || band.flagConsecutive == null) {
            return true;
        }
        if (e.personId == null) {
            return false;
        }
        if (e.isConfirmed()) {
            return EvalFlag.count("evaluationId", e.id) > 0;
        }
        return run(e, band, new ArrayList<>()) >= band.flagConsecutive;
    }

    /** Length of the run of adjacent cycles in {@code band} ending with {@code e}; fills the cycle labels (EvaluationFlags). */
    int run(Evaluation e, GradeBand band, List<String> cycles) {
        EvalScheme s = EvalScheme.findById(e.schemeId);
        List<Evaluation> earlier = Evaluation.getEntityManager().createQuery(
                "SELECT e FROM Evaluation e WHERE e.personId = :p AND e.status = :c AND e.periodStart < :start "
                        + "AND e.schemeId IN (SELECT s.id FROM EvalScheme s WHERE s.code = :code) ORDER BY e.periodStart DESC",
                Evaluation.class).setParameter("p", e.personId).setParameter("c", Evaluation.Status.CONFIRMED)
                .setParameter("start", e.periodStart).setParameter("code", s.code).setMaxResults(band.flagConsecutive)
                .getResultList();
        List<String> held = EvaluationFlags.run(e.cycleLabel, e.periodStart, band.label, band.flagConsecutive, earlier
                .stream().map(x -> new EvaluationFlags.Held(x.periodStart, x.periodEnd, x.band, x.cycleLabel)).toList());
        cycles.addAll(held);
        return held.size();
    }

    @Transactional
    public void clearFlag(long flagId, String reason) {
        EvalFlag f = EvalFlag.<EvalFlag> findByIdOptional(flagId)
                .orElseThrow(() -> new NotFoundException("evaluation.flag_not_found", flagId));
        PeopleDirectory.PersonSummary p = people.find(f.personId).orElse(null);
        if (p == null || !peopleScope.canManage(p)) {
            throw new NotFoundException("evaluation.flag_not_found", flagId);
        }
        if (cn.zhifa.academy.platform.web.TextRules.blank(reason)) {
            throw InvalidException.field("reason", "evaluation.flag_reason_required");
        }
        if (f.clearedAt != null) {
            throw ConflictException.on("id", "evaluation.flag_cleared");
        }
        f.clearedAt = Now.instant();
        f.clearedBy = actor();
        f.clearReason = reason.trim();
        audit.record("evaluation.flag_cleared", "person", f.personId, AuditLog.detail("flag", f.id, "reason", f.clearReason));
    }

    // ---- grading -----------------------------------------------------------------------

    boolean isManual(SchemeItem it, Evaluation e) {
        return it.source == ItemSource.MANUAL
                || it.source == ItemSource.QUALIFIED_SHARE && qualifiedShare.share(e.providerId).isEmpty();
    }

    EvaluationScore score(long evaluationId, long itemId) {
        return EvaluationScore.<EvaluationScore> find("evaluationId = ?1 AND itemId = ?2", evaluationId, itemId).firstResult();
    }

    List<EvaluationScore> scores(long evaluationId) {
        return EvaluationScore.list("evaluationId", evaluationId);
    }

    /** Refreshes the pulled items and the total and band of an open evaluation. */
    void recompute(Evaluation e) {
        if (e.isConfirmed()) {
            return;
        }
        List<SchemeItem> items = SchemeItem.list("schemeId = ?1 ORDER BY position", e.schemeId);
        boolean hasComplaintsItem = items.stream().anyMatch(i -> i.source == ItemSource.COMPLAINTS);
        List<EvaluationScoring.Line> lines = new ArrayList<>();
        for (SchemeItem it : items) {
            EvaluationScore sc = score(e.id, it.id);
            if (!isManual(it, e)) {
                pull(e, it, sc);
            }
            lines.add(new EvaluationScoring.Line(it.weight, it.maxScore, sc.score, sc.notApplicable));
        }
        e.adjustment = e.providerId == null ? BigDecimal.ZERO : creditAdjustment(e, hasComplaintsItem);
        Optional<BigDecimal> base = EvaluationScoring.base(lines);
        if (base.isPresent()) {
            e.baseScore = base.get().setScale(2, RoundingMode.HALF_UP);
            e.total = EvaluationScoring.total(base.get(), e.adjustment);
            e.band = GradeBand.<GradeBand> list("schemeId = ?1 ORDER BY position", e.schemeId).stream()
                    .filter(b -> b.contains(e.total)).map(b -> b.label).findFirst().orElse(null);
        } else {
            e.baseScore = null;
            e.total = null;
            e.band = null;
        }
    }

    static BigDecimal points(SchemeItem it, BigDecimal score) {
        return EvaluationScoring.points(it.weight, it.maxScore, score);
    }

    private BigDecimal creditAdjustment(Evaluation e, boolean hasComplaintsItem) {
        var q = CreditEvent.getEntityManager().createQuery(
                "SELECT COALESCE(SUM(c.points), 0) FROM CreditEvent c WHERE c.providerId = :p AND c.occurredOn >= :s "
                        + "AND c.occurredOn < :e" + (hasComplaintsItem ? " AND c.kind <> :complaint" : ""),
                BigDecimal.class)
                .setParameter("p", e.providerId).setParameter("s", e.periodStart).setParameter("e", e.periodEnd);
        if (hasComplaintsItem) {
            q.setParameter("complaint", CreditEventKind.COMPLAINT);
        }
        BigDecimal sum = q.getSingleResult();
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /** Takes a pulled item from the records (EvaluationPulls scores it and writes its note). */
    private void pull(Evaluation e, SchemeItem it, EvaluationScore sc) {
        EvaluationPulls.Notes notes = EvaluationPulls.notes(stored());
        EvaluationPulls.Pulled pulled;
        switch (it.source) {
            case EXAM_SCORE: {
                Instant to = e.periodEnd.atStartOfDay(Now.zone()).toInstant();
                Instant from = e.periodEnd.minusYears(1).atStartOfDay(Now.zone()).toInstant();
                Optional<ExamRecords.Kept> best = exams.best(e.personId, EvaluationPulls.purposes(it.param), null, from, to);
                pulled = EvaluationPulls.exam(it.maxScore, best.map(ExamRecords.Kept::examTitle).orElse(null),
                        best.map(ExamRecords.Kept::score).orElse(null),
                        best.map(r -> r.finishedAt().atZone(Now.zone()).toLocalDate()).orElse(null), notes);
                break;
            }
            case TRAINING_HOURS: {
                BigDecimal target = it.param == null ? BigDecimal.valueOf(curriculum.annualHoursTarget())
                        : new BigDecimal(it.param);
                int year = e.periodStart.getYear();
                pulled = EvaluationPulls.hours(it.maxScore, year, learning.hours(e.personId, year), target, notes);
                break;
            }
            case QUALIFIED_SHARE:
                pulled = EvaluationPulls.qualifiedShare(it.maxScore, qualifiedShare.share(e.providerId), notes);
                break;
            case COMPLAINTS: {
                BigDecimal per = it.param == null ? BigDecimal.valueOf(5) : new BigDecimal(it.param);
                long n = CreditEvent.count("providerId = ?1 AND kind = ?2 AND occurredOn >= ?3 AND occurredOn < ?4",
                        e.providerId, CreditEventKind.COMPLAINT, e.periodStart, e.periodEnd);
                pulled = EvaluationPulls.complaints(it.maxScore, per, n, notes);
                break;
            }
            default:
                return;
        }
        sc.notApplicable = pulled.notApplicable();
        sc.score = pulled.score();
        sc.note = pulled.note();
    }

    // ---- views -------------------------------------------------------------------------

    public EvaluationView view(Evaluation e) {
        recompute(e); // open evaluations show the records as they are now (not persisted outside a tx)
        EvalScheme s = EvalScheme.findById(e.schemeId);
        Map<Long, EvaluationScore> scores = scores(e.id).stream().collect(Collectors.toMap(x -> x.itemId, x -> x));
        List<SchemeItem> schemeItems = s.items();
        List<EvaluationScoring.Line> lines = schemeItems.stream().map(it -> {
            EvaluationScore sc = scores.get(it.id);
            return new EvaluationScoring.Line(it.weight, it.maxScore, sc == null ? null : sc.score,
                    sc != null && sc.notApplicable);
        }).toList();
        List<BigDecimal> effective = EvaluationScoring.effectiveWeights(lines);
        List<ScoreView> items = new ArrayList<>();
        for (int i = 0; i < schemeItems.size(); i++) {
            SchemeItem it = schemeItems.get(i);
            EvaluationScoring.Line l = lines.get(i);
            EvaluationScore sc = scores.get(it.id);
            items.add(new ScoreView(it.id, it.code, it.name, it.weight, it.maxScore, it.source, l.score(),
                    EvaluationScoring.shownPoints(l, effective.get(i)), sc == null ? null : sc.note,
                    !e.isConfirmed() && isManual(it, e), l.notApplicable(), effective.get(i)));
        }
        String personName = null;
        String employeeNo = null;
        List<FlagView> flags = List.of();
        if (e.personId != null) {
            PeopleDirectory.PersonSummary p = people.find(e.personId).orElseThrow();
            personName = p.name();
            employeeNo = p.employeeNo();
            flags = flags(EvalFlag.openOf(p.id()));
        }
        String providerName = e.providerId == null ? null : providerDirectory.find(e.providerId).map(ProviderDirectory.ProviderSummary::name).orElse(null);
        String unitName = org.unit(e.unitId).map(OrgDirectory.Unit::name).orElse("");
        GradeBand band = e.band == null ? null
                : GradeBand.<GradeBand> find("schemeId = ?1 AND label = ?2", e.schemeId, e.band).firstResult();
        // a consequence such as "连续两次不合格：启动辞退审查" only where it applies to this person
        boolean flagApplies = band != null && flagApplies(e, band);
        String consequence = band == null || !flagApplies || band.consequence == null || band.consequence.isBlank() ? null
                : band.consequence;
        return new EvaluationView(e.id, s.id, s.code, s.versionNo, s.name, e.subjectKind, e.personId, personName, employeeNo,
                e.providerId, providerName, e.unitId, unitName, e.cycleLabel, e.periodStart, e.periodEnd,
                e.status, e.baseScore, e.adjustment, e.total, e.band, consequence, e.createdBy, e.confirmedBy,
                e.confirmedAt, items, flags, canEdit(e) && !e.isConfirmed(),
                flagApplies && band.flagConsecutive != null);
    }

    public List<FlagView> flags(List<EvalFlag> flags) {
        if (flags.isEmpty()) {
            return List.of();
        }
        Map<Long, PeopleDirectory.PersonSummary> byId = people.find(flags.stream().map(f -> f.personId).toList());
        Map<Long, String> units = org.unitNames();
        return flags.stream().map(f -> {
            PeopleDirectory.PersonSummary p = byId.get(f.personId);
            return new FlagView(f.id, f.personId, p.name(), p.employeeNo(), units.get(p.unitId()), f.reason, f.raisedAt,
                    f.evaluationId);
        }).toList();
    }

    /** Open flags on people in the caller's scope. */
    public List<FlagView> openFlags() {
        PeopleScope.Condition c = peopleScope.condition();
        var q = EvalFlag.getEntityManager().createQuery("SELECT f FROM EvalFlag f WHERE f.clearedAt IS NULL AND f.personId IN "
                + "(SELECT p.id FROM Person p WHERE " + c.hql() + ") ORDER BY f.raisedAt DESC", EvalFlag.class);
        c.params().forEach(q::setParameter);
        return flags(q.setMaxResults(500).getResultList());
    }

    /** Notes and flag reasons are stored as written, in Chinese (the records' language), whoever reads them later. */
    static EvalMessages stored() {
        return io.quarkus.qute.i18n.MessageBundles.get(EvalMessages.class);
    }

    private String actor() {
        String u = user.getUsername();
        return u == null ? "system" : u;
    }

    static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }
}
