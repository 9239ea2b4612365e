package cn.zhifa.academy.exam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.exam.bank.QuestionRules;
import cn.zhifa.academy.exam.delivery.PaperPreparation;
import cn.zhifa.academy.exam.paper.Blueprint;
import cn.zhifa.academy.exam.paper.BlueprintSection;
import cn.zhifa.academy.exam.paper.QuestionPool;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.OrgHierarchy;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.UnprocessableException;
import cn.zhifa.academy.provider.ProviderDirectory;
import cn.zhifa.academy.records.ExamCandidateRequested;
import cn.zhifa.academy.records.ExamPurpose;

/** Schedules exams: drafts, publication (freezing the pool), audience, overrides. */
@ApplicationScoped
public class ExamService {

    @Inject
    OrgDirectory orgDirectory;

    // issue 11: papers are prepared before the bell once the change committed
    @Inject
    jakarta.enterprise.event.Event<PaperPreparation.PapersNeeded> papersNeeded;

    @Inject
    PeopleDirectory people;

    @Inject
    ProviderDirectory providerDirectory;

    @Inject
    PaperPreparation preparation;

    private static final Logger LOG = Logger.getLogger(ExamService.class);

    @Inject
    AuditLog audit;

    @Inject
    ExamScope scope;

    @Inject
    QuestionPool pool;

    @Inject
    ExamConfig config;

    @Inject
    OrgHierarchy tree;

    @Inject
    EntityManager em;

    @Transactional
    public Exam create(ExamInput in, String actor) {
        Exam e = new Exam();
        e.createdBy = actor;
        e.bands = config.defaultBands();
        apply(e, in, true);
        e.persist();
        replaceAudience(e, in);
        audit.record("exam.create", "exam", e.id, AuditLog.detail("code", e.code, "title", e.title));
        return e;
    }

    @Transactional
    public Exam update(long id, ExamInput in) {
        Exam e = scope.exam(id);
        if (e.status == Exam.Status.CANCELLED) {
            throw ConflictException.on("status", "exam.cancelled_no_edit");
        }
        boolean published = e.status == Exam.Status.PUBLISHED;
        if (published && (!e.blueprintId.equals(in.blueprintId()) || !e.code.equals(in.code()))) {
            throw ConflictException.on("blueprintId", "exam.published_fixed");
        }
        apply(e, in, false);
        replaceAudience(e, in);
        if (published) {
            refreshDeadlines(e);
            papersNeeded.fire(new PaperPreparation.PapersNeeded(e.id));
        }
        audit.record("exam.update", "exam", e.id, AuditLog.detail("code", e.code, "opensAt", e.opensAt, "closesAt",
                e.closesAt, "durationMinutes", e.durationMinutes, "maxAttempts", e.maxAttempts));
        return e;
    }

    private void apply(Exam e, ExamInput in, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        String code = in.code() == null ? "" : in.code().trim();
        if (!QuestionRules.CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "exam.code_format"));
        } else if (creating && Exam.findByCode(code).isPresent()) {
            errors.add(new FieldError("code", "exam.code_taken", code));
        }
        if (in.title() == null || in.title().isBlank() || in.title().length() > 200) {
            errors.add(new FieldError("title", "exam.title_required"));
        }
        ExamPurpose purpose = null;
        try {
            purpose = ExamPurpose.valueOf(String.valueOf(in.purpose()));
        } catch (IllegalArgumentException ex) {
            errors.add(new FieldError("purpose", "exam.purpose_required"));
        }
        Long resitOf = null;
        if (purpose == ExamPurpose.RESIT) {
            Optional<Exam> original = in.resitOfExamCode() == null ? Optional.empty()
                    : Exam.findByCode(in.resitOfExamCode().trim()).filter(scope::canManage);
            if (original.isEmpty() || original.get().purpose == ExamPurpose.RESIT
                    || (e.id != null && original.get().id.equals(e.id))) {
                errors.add(new FieldError("resitOfExamCode", "exam.resit_original_required"));
            } else {
                resitOf = original.get().id;
            }
        }
        String domain = in.domainCode() == null || in.domainCode().isBlank() ? "TY" : in.domainCode().trim();
        if (orgDirectory.domain(domain).isEmpty()) {
            errors.add(new FieldError("domainCode", "exam.domain_unknown"));
        }
        if (in.blueprintId() == null) {
            errors.add(new FieldError("blueprintId", "exam.blueprint_required"));
        } else {
            Blueprint b = Blueprint.findById(in.blueprintId());
            if (b == null || !scope.canManageUnit(b.ownerUnitId)) {
                errors.add(new FieldError("blueprintId", "exam.blueprint_not_found"));
            }
        }
        Long unit = in.ownerUnitId() != null ? in.ownerUnitId() : scope.defaultUnit();
        if (unit == null || !scope.canManageUnit(unit)) {
            errors.add(new FieldError("ownerUnitId", "exam.unit_outside_scope"));
        }
        if (in.opensAt() == null || in.closesAt() == null || !in.closesAt().isAfter(in.opensAt())) {
            errors.add(new FieldError("closesAt", "exam.window_invalid"));
        }
        if (in.durationMinutes() == null || in.durationMinutes() < 1 || in.durationMinutes() > 600) {
            errors.add(new FieldError("durationMinutes", "exam.duration_range"));
        }
        int attempts = in.maxAttempts() == null ? 1 : in.maxAttempts();
        if (attempts < 1 || attempts > 10) {
            errors.add(new FieldError("maxAttempts", "exam.attempts_range"));
        }
        GradingMethod method = GradingMethod.HIGHEST;
        if (in.gradingMethod() != null && !in.gradingMethod().isBlank()) {
            try {
                method = GradingMethod.valueOf(in.gradingMethod());
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("gradingMethod", "exam.grading_method_unknown"));
            }
        }
        ReviewPolicy review = ReviewPolicy.AFTER_CLOSE;
        if (in.reviewPolicy() != null && !in.reviewPolicy().isBlank()) {
            try {
                review = ReviewPolicy.valueOf(in.reviewPolicy());
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("reviewPolicy", "exam.review_policy_unknown"));
            }
        }
        Boolean anonymous = switch (in.anonymousGrading() == null ? "" : in.anonymousGrading().trim().toUpperCase()) {
            case "", "AUTO" -> null;
            case "ON", "TRUE" -> Boolean.TRUE;
            case "OFF", "FALSE" -> Boolean.FALSE;
            default -> {
                errors.add(new FieldError("anonymousGrading", "exam.anonymous_values"));
                yield null;
            }
        };
        String bands = in.bands() == null || in.bands().isBlank() ? e.bands : in.bands().trim();
        if (GradeBands.tryParse(bands).isEmpty()) {
            errors.add(new FieldError("bands", "exam.bands_format"));
        }
        audienceErrors(in, errors);
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid exam");
        }
        e.code = code;
        e.title = in.title().trim();
        e.description = in.description() == null ? "" : in.description().trim();
        e.purpose = purpose;
        e.resitOfExamId = resitOf;
        e.domainCode = domain;
        e.blueprintId = in.blueprintId();
        e.ownerUnitId = unit;
        e.opensAt = in.opensAt();
        e.closesAt = in.closesAt();
        e.durationMinutes = in.durationMinutes();
        e.maxAttempts = attempts;
        e.gradingMethod = method;
        e.reviewPolicy = review;
        e.bands = bands;
        e.anonymousGrading = anonymous != null ? anonymous : anonymousByDefault(purpose, resitOf);
    }

    /** 匿名阅卷 is on by default for qualification exams and their resits (issue 13). */
    public static boolean anonymousByDefault(ExamPurpose purpose, Long resitOf) {
        ExamPurpose p = purpose;
        if (p == ExamPurpose.RESIT && resitOf != null) {
            Exam original = Exam.findById(resitOf);
            p = original == null ? p : original.purpose;
        }
        return p == ExamPurpose.QUALIFICATION_GENERAL || p == ExamPurpose.QUALIFICATION_SPECIAL;
    }

    private void audienceErrors(ExamInput in, List<FieldError> errors) {
        for (String c : nonNull(in.categories())) {
            try {
                PersonCategory.valueOf(c);
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("categories", "exam.category_unknown", c));
            }
        }
        for (String g : nonNull(in.grades())) {
            try {
                Grade.valueOf(g);
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("grades", "exam.grade_unknown", g));
            }
        }
        for (Long u : nonNull(in.unitIds())) {
            if (!orgDirectory.unitExists(u) || !scope.canManageUnit(u)) {
                errors.add(new FieldError("unitIds", "exam.unit_not_in_scope", u));
            }
        }
        List<Long> providers = nonNull(in.providerIds());
        for (int i = 0; i < providers.size(); i++) {
            Long p = providers.get(i);
            if (p == null || !scope.canSee(providerDirectory.find(p).orElse(null))) {
                // the same words whether it does not exist or lies outside the scope
                errors.add(new FieldError("providerIds", "exam.provider_row_unknown", i + 1, p));
            }
        }
        java.util.Map<String, Long> known = personIds(in.employeeNos());
        List<String> nos = nonNull(in.employeeNos());
        for (int i = 0; i < nos.size(); i++) {
            String no = nos.get(i) == null ? "" : nos.get(i).trim();
            if (!known.containsKey(no)) {
                errors.add(new FieldError("employeeNos", "exam.employee_row_unknown", i + 1, no));
            }
        }
    }

    /**
     * Employee number → person id, for the people inside the manager's scope only (a number
     * outside it is treated as unknown, so no name or existence leaks), in chunks of 1,000 (one
     * query per chunk, not per person).
     */
    java.util.Map<String, Long> personIds(List<String> employeeNos) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        List<String> nos = nonNull(employeeNos).stream().filter(java.util.Objects::nonNull).map(String::trim).distinct()
                .toList();
        cn.zhifa.academy.platform.security.OrgScope.Condition inScope = scope.units("p.unitId", ":scopePath");
        for (int i = 0; i < nos.size(); i += 1000) {
            List<String> chunk = nos.subList(i, Math.min(nos.size(), i + 1000));
            inScope.bind(em.createQuery("SELECT p.employeeNo, p.id FROM Person p WHERE p.employeeNo IN :nos AND "
                    + inScope.text(), Object[].class).setParameter("nos", chunk)).getResultList()
                    .forEach(r -> out.put((String) r[0], (Long) r[1]));
        }
        return out;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    private void replaceAudience(Exam e, ExamInput in) {
        // requested candidates (e.g. renewals) are kept: their rows carry a reason
        ExamAudience.delete("examId = ?1 AND reason IS NULL", e.id);
        // what is left (requested candidates) is read once, then the new rows are persisted in batches
        java.util.Set<String> kept = new java.util.HashSet<>();
        ExamAudience.<ExamAudience> list("examId", e.id).forEach(a -> kept.add(a.kind + ":" + a.value));
        List<ExamAudience> rows = new ArrayList<>();
        nonNull(in.categories()).forEach(c -> rows.add(new ExamAudience(e.id, ExamAudience.Kind.CATEGORY, c, null)));
        nonNull(in.grades()).forEach(g -> rows.add(new ExamAudience(e.id, ExamAudience.Kind.GRADE, g, null)));
        nonNull(in.unitIds()).forEach(u -> rows.add(new ExamAudience(e.id, ExamAudience.Kind.UNIT, String.valueOf(u), null)));
        nonNull(in.providerIds())
                .forEach(p -> rows.add(new ExamAudience(e.id, ExamAudience.Kind.PROVIDER, String.valueOf(p), null)));
        personIds(in.employeeNos()).values()
                .forEach(id -> rows.add(new ExamAudience(e.id, ExamAudience.Kind.PERSON, String.valueOf(id), null)));
        for (ExamAudience a : rows) {
            if (kept.add(a.kind + ":" + a.value)) {
                a.persist();
            }
        }
    }

    private static void add(Exam e, ExamAudience.Kind kind, String value, String reason) {
        if (ExamAudience.find("examId = ?1 AND kind = ?2 AND value = ?3", e.id, kind, value).count() == 0) {
            new ExamAudience(e.id, kind, value, reason).persist();
        }
    }

    /** Freezes the pool (marking its versions used) and opens the exam to its audience. */
    @Transactional
    public Exam publish(long id) {
        Exam e = publish(scope.exam(id));
        papersNeeded.fire(new PaperPreparation.PapersNeeded(e.id));
        return e;
    }

    /** Publishes an exam the caller has already checked (also used by the demo data). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Exam publish(Exam e) {
        if (e.status != Exam.Status.DRAFT) {
            throw ConflictException.on("status", "exam.publish_draft_only");
        }
        if (ExamAudience.count("examId", e.id) == 0) {
            throw InvalidException.field("audience", "exam.audience_required");
        }
        if (!e.closesAt.isAfter(Now.instant())) {
            throw InvalidException.field("closesAt", "exam.publish_closed");
        }
        Blueprint b = Blueprint.findById(e.blueprintId);
        List<QuestionPool.Shortfall> shortfalls = pool.shortfalls(b.sections);
        if (!shortfalls.isEmpty()) {
            QuestionPool.Shortfall s = shortfalls.get(0);
            throw new UnprocessableException("exam.shortfall", s.position(), ErrorTexts.key("exam.qtype." + s.type().name()),
                    s.wanted(), s.available()).titled("Blueprint cannot be filled");
        }
        for (BlueprintSection s : b.sections) {
            List<Long> ids = pool.eligible(s);
            for (Long v : ids) {
                em.createNativeQuery("INSERT INTO exam_pool (exam_id, section_position, question_version_id) VALUES (?1, ?2, ?3)")
                        .setParameter(1, e.id).setParameter(2, s.position).setParameter(3, v).executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE question_version SET used = TRUE WHERE id IN (SELECT question_version_id FROM exam_pool WHERE exam_id = ?1) AND NOT used")
                .setParameter(1, e.id).executeUpdate();
        e.status = Exam.Status.PUBLISHED;
        e.publishedAt = Now.instant();
        audit.record("exam.publish", "exam", e.id, AuditLog.detail("code", e.code, "pool",
                ((Number) em.createNativeQuery("SELECT count(*) FROM exam_pool WHERE exam_id = ?1").setParameter(1, e.id)
                        .getSingleResult()).longValue()));
        return e;
    }

    @Transactional
    public Exam cancel(long id, String reason) {
        Exam e = scope.exam(id);
        if (cn.zhifa.academy.platform.web.TextRules.blank(reason)) {
            throw InvalidException.field("reason", "exam.cancel_reason_required");
        }
        if (ExamAttempt.count("examId = ?1 AND status <> ?2", e.id, ExamAttempt.Status.PREPARED) > 0) {
            throw ConflictException.on("status", "exam.cancel_started");
        }
        preparation.withdrawAll(e.id);
        e.status = Exam.Status.CANCELLED;
        audit.record("exam.cancel", "exam", e.id, AuditLog.detail("code", e.code, "reason", reason.trim()));
        return e;
    }

    /** Adds an override; running attempts of the people it covers get their new deadline at once. */
    @Transactional
    public ExamOverride addOverride(long examId, OverrideInput in, String actor) {
        Exam e = scope.exam(examId);
        List<FieldError> errors = new ArrayList<>();
        if (cn.zhifa.academy.platform.web.TextRules.blank(in.reason())) {
            errors.add(new FieldError("reason", "exam.override_reason_required"));
        }
        Long personId = null;
        boolean named = in.employeeNo() != null && !in.employeeNo().isBlank();
        if (named) {
            String no = in.employeeNo().trim();
            personId = personIds(List.of(no)).get(no);
            if (personId == null) {
                errors.add(new FieldError("employeeNo", "exam.employee_unknown", no));
            }
        }
        if (named == (in.unitId() != null)) {
            errors.add(new FieldError("employeeNo", "exam.override_target"));
        }
        if (in.unitId() != null && (!orgDirectory.unitExists(in.unitId()) || !scope.canManageUnit(in.unitId()))) {
            errors.add(new FieldError("unitId", "exam.override_unit_scope"));
        }
        int minutes = in.extraMinutes() == null ? 0 : in.extraMinutes();
        int attempts = in.extraAttempts() == null ? 0 : in.extraAttempts();
        if (minutes < 0 || minutes > 600 || attempts < 0 || attempts > 10) {
            errors.add(new FieldError("extraMinutes", "exam.override_extra_range"));
        }
        if ((in.opensAt() == null) != (in.closesAt() == null)
                || (in.opensAt() != null && !in.closesAt().isAfter(in.opensAt()))) {
            errors.add(new FieldError("closesAt", "exam.override_window"));
        }
        if (errors.isEmpty() && minutes == 0 && attempts == 0 && in.opensAt() == null) {
            errors.add(new FieldError("extraMinutes", "exam.override_nothing"));
        }
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid override");
        }
        ExamOverride o = new ExamOverride();
        o.examId = e.id;
        o.personId = personId;
        o.unitId = in.unitId();
        o.extraMinutes = minutes;
        o.extraAttempts = attempts;
        o.opensAt = in.opensAt();
        o.closesAt = in.closesAt();
        o.reason = in.reason().trim();
        o.createdBy = actor;
        o.persist();
        if (personId != null) {
            // a person named in an override may sit the exam even if the filters leave them out
            add(e, ExamAudience.Kind.PERSON, String.valueOf(personId), "override: " + o.reason);
            if (e.status == Exam.Status.PUBLISHED) {
                papersNeeded.fire(new PaperPreparation.PapersNeeded(e.id));
            }
        }
        int updated = refreshDeadlines(e);
        audit.record("exam.override", "exam", e.id, AuditLog.detail("override", o.id, "personId", personId, "unitId",
                o.unitId, "extraMinutes", minutes, "extraAttempts", attempts, "opensAt", o.opensAt, "closesAt",
                o.closesAt, "reason", o.reason, "runningAttemptsUpdated", updated));
        return o;
    }

    /** Recomputes the deadline of every running attempt of the exam; returns how many changed. */
    int refreshDeadlines(Exam e) {
        // locked like a submit, so an override and a submit of the same attempt never race
        List<ExamAttempt> running = ExamAttempt.<ExamAttempt> find("examId = ?1 AND status = ?2 ORDER BY id", e.id,
                ExamAttempt.Status.IN_PROGRESS).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
        int changed = 0;
        List<ExamOverride> overrides = ExamOverride.list("examId", e.id);
        for (ExamAttempt a : running) {
            PersonSummary p = people.find(a.personId).orElseThrow();
            Instant deadline = terms(e, p, overrides).deadlineFor(a.startedAt);
            if (!deadline.equals(a.deadlineAt)) {
                a.deadlineAt = deadline;
                changed++;
            }
        }
        return changed;
    }

    /** Window, minutes and attempts for the person: most generous extras; the newest window override wins. */
    public Terms terms(Exam e, PersonSummary p) {
        return terms(e, p, ExamOverride.list("examId", e.id));
    }

    private Terms terms(Exam e, PersonSummary p, List<ExamOverride> overrides) {
        String path = tree.pathOf(p.unitId()).orElse(null);
        int minutes = 0;
        int attempts = 0;
        Instant opens = e.opensAt;
        Instant closes = e.closesAt;
        List<ExamOverride> mine = overrides.stream().filter(o -> (o.personId != null && o.personId == p.id())
                || (o.unitId != null && path != null && tree.pathOf(o.unitId).map(path::startsWith).orElse(false)))
                .sorted(Comparator.comparing((ExamOverride o) -> o.createdAt).thenComparing(o -> o.id)).toList();
        for (ExamOverride o : mine) {
            minutes = Math.max(minutes, o.extraMinutes);
            attempts = Math.max(attempts, o.extraAttempts);
            if (o.opensAt != null) {
                opens = o.opensAt;
                closes = o.closesAt;
            }
        }
        return new Terms(opens, closes, e.durationMinutes + minutes, e.maxAttempts + attempts);
    }

    /** Whether the person belongs to the exam's audience (in post, and matching it). */
    public boolean eligible(Exam e, PersonSummary p) {
        if (p.status() != EmploymentStatus.ACTIVE) {
            return false;
        }
        if (ExamAudience.count("examId = ?1 AND kind = ?2 AND value = ?3", e.id, ExamAudience.Kind.PERSON,
                String.valueOf(p.id())) > 0) {
            return true;
        }
        List<ExamAudience> filters = ExamAudience.list("examId = ?1 AND kind <> ?2", e.id, ExamAudience.Kind.PERSON);
        if (filters.isEmpty()) {
            return false;
        }
        String path = tree.pathOf(p.unitId()).orElse(null);
        for (ExamAudience.Kind kind : List.of(ExamAudience.Kind.CATEGORY, ExamAudience.Kind.GRADE,
                ExamAudience.Kind.UNIT, ExamAudience.Kind.PROVIDER)) {
            List<String> values = filters.stream().filter(r -> r.kind == kind).map(r -> r.value).toList();
            if (values.isEmpty()) {
                continue;
            }
            boolean match = switch (kind) {
                case CATEGORY -> values.contains(p.category().name());
                case GRADE -> p.grade() != null && values.contains(p.grade().name());
                case UNIT -> path != null && values.stream().anyMatch(
                        u -> tree.pathOf(Long.parseLong(u)).map(path::startsWith).orElse(false));
                case PROVIDER -> p.providerId() != null && values.contains(String.valueOf(p.providerId()));
                default -> false;
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** Renewal and other requested candidates: added to the exam's list with the reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onCandidateRequested(@Observes ExamCandidateRequested r) {
        Optional<Exam> e = Exam.findByCode(r.examCode());
        if (e.isEmpty() || e.get().status == Exam.Status.CANCELLED) {
            LOG.warnf("candidate requested for unknown or cancelled exam %s (person %d): ignored", r.examCode(),
                    r.personId());
            return;
        }
        if (ExamAudience.count("examId = ?1 AND kind = ?2 AND value = ?3", e.get().id, ExamAudience.Kind.PERSON,
                String.valueOf(r.personId())) == 0) {
            new ExamAudience(e.get().id, ExamAudience.Kind.PERSON, String.valueOf(r.personId()),
                    r.reason() == null || r.reason().isBlank() ? "requested" : r.reason()).persist();
            audit.recordAs(r.requestedBy() == null ? "system" : r.requestedBy(), "exam.candidate.add", "exam",
                    e.get().id, AuditLog.detail("personId", r.personId(), "reason", r.reason()));
            if (e.get().status == Exam.Status.PUBLISHED) {
                papersNeeded.fire(new PaperPreparation.PapersNeeded(e.get().id));
            }
        }
    }
}
