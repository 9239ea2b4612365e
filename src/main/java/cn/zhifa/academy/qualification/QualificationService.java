package cn.zhifa.academy.qualification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.notification.NotificationService;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.records.ExamCandidateRequested;

/**
 * The lifecycle of qualifications (资格): automatic issue when the rule is met, manual issue
 * with a reason, 暂扣 and restore, 注销, expiry by date, renewal window and renewal. Every
 * change writes a {@link QualificationEvent} and an audit event in the same transaction and
 * tells the holder and their administrators. Dates are explicit ({@code today}) so the jobs
 * and tests decide what "today" is.
 */
@ApplicationScoped
@Transactional
public class QualificationService {

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory directory;

    private static final Logger LOG = Logger.getLogger(QualificationService.class);
    static final String SYSTEM = "system";

    @Inject
    QualificationConfig config;

    @Inject
    QualificationRules rules;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    @Inject
    Event<ExamCandidateRequested> candidates;

    @Inject
    cn.zhifa.academy.curriculum.RenewalTraining renewalTraining;

    // ---- automatic issue and renewal ----------------------------------------------------

    /**
     * Issues, re-issues or renews whatever the person has earned by {@code today}. Idempotent:
     * nothing changes when the rules give nothing new. Suspended and cancelled qualifications
     * are left to administrators.
     */
    public List<Qualification> evaluate(long personId, LocalDate today) {
        PersonSummary p = directory.find(personId).orElse(null);
        List<Qualification> changed = new ArrayList<>();
        if (p == null || p.status() != EmploymentStatus.ACTIVE) {
            return changed;
        }
        for (QualificationType t : QualificationType.<QualificationType> list("active = true ORDER BY id")) {
            if (!t.categoryList().contains(p.category().name())) {
                continue;
            }
            for (Qualification q : Qualification.<Qualification> list("typeId = ?1 AND personId = ?2", t.id, p.id())) {
                if (q.state == QualificationState.VALID || q.state == QualificationState.EXPIRED) {
                    Optional<String> basis = rules.renewal(t, q, p, today);
                    if (basis.isPresent()) {
                        renew(t, q, basis.get(), Qualification.IssueMode.AUTO, today, SYSTEM);
                        changed.add(q);
                    }
                }
            }
            for (QualificationRules.Earned e : rules.earned(t, p, today)) {
                Optional<Qualification> existing = Qualification.of(t.id, p.id(), e.domainCode());
                if (existing.isEmpty()) {
                    changed.add(issue(t, p, e.domainCode(), e.basis(), Qualification.IssueMode.AUTO, today, SYSTEM));
                } else if (existing.get().state == QualificationState.EXPIRED && !e.examDate()
                        .isBefore(existing.get().expiresOn.minusMonths(t.renewalWindow(config)))) {
                    // passed the qualification exams again after the lapse: a new cycle
                    renew(t, existing.get(), e.basis(), Qualification.IssueMode.AUTO, today, SYSTEM);
                    changed.add(existing.get());
                }
            }
        }
        return changed;
    }

    Qualification issue(QualificationType t, PersonSummary p, String domainCode, String basis, Qualification.IssueMode mode,
            LocalDate today, String actor) {
        Qualification q = new Qualification();
        q.typeId = t.id;
        q.personId = p.id();
        q.domainCode = domainCode;
        q.number = freshNumber(t, today);
        q.state = QualificationState.VALID;
        q.stateSince = today;
        q.issuedOn = today;
        q.expiresOn = expiry(t, today);
        q.cycle = 1;
        q.issueMode = mode;
        q.basis = basis;
        q.persist();
        history(q, QualificationEvent.Action.ISSUED, null, basis, today, actor);
        audit.recordAs(actor, "qualification.issued", "qualification", q.id, AuditLog.detail("number", q.number,
                "type", t.code, "person", p.id(), "domain", domainCode, "mode", mode.name(), "basis", basis,
                "expiresOn", q.expiresOn.toString()));
        tell(q, t, "issued", "notif_issued", fmt(q.expiresOn));
        return q;
    }

    /** A new cycle of the same qualification and number: renewal in the window, or re-issue after expiry. */
    void renew(QualificationType t, Qualification q, String basis, Qualification.IssueMode mode, LocalDate today,
            String actor) {
        QualificationState from = q.state;
        LocalDate before = q.expiresOn;
        boolean inTime = q.state == QualificationState.VALID && !q.expiresOn.isBefore(today);
        q.cycle++;
        q.issuedOn = today;
        q.expiresOn = inTime ? q.expiresOn.plusYears(t.validity(config)) : expiry(t, today);
        q.state = QualificationState.VALID;
        q.stateSince = today;
        q.stateReason = null;
        q.issueMode = mode;
        q.basis = basis;
        QualificationEvent.Action action = inTime ? QualificationEvent.Action.RENEWED : QualificationEvent.Action.REISSUED;
        QualificationEvent ev = history(q, action, from, basis, today, actor);
        audit.recordAs(actor, inTime ? "qualification.renewed" : "qualification.reissued", "qualification", q.id,
                AuditLog.detail("number", q.number, "cycle", q.cycle, "fromState", from.name(), "previousExpiry",
                        before.toString(), "expiresOn", q.expiresOn.toString(), "basis", basis, "event", ev.id));
        tell(q, t, "renewed-" + q.cycle, "notif_renewed", fmt(q.expiresOn));
    }

    // ---- administrators -----------------------------------------------------------------

    /** Issues by hand (with a reason); re-issues an expired or cancelled qualification as a new cycle. */
    public Qualification issueManually(long personId, String typeCode, String domainCode, String reason, LocalDate today,
            String actor) {
        requireReason(reason);
        PersonSummary p = directory.find(personId).orElse(null);
        QualificationType t = QualificationType.byCode(typeCode == null ? "" : typeCode)
                .orElseThrow(() -> InvalidException.field("typeCode", "qualification.type_unknown", typeCode));
        if (p == null) {
            throw new NotFoundException("person.not_found", personId);
        }
        if (!t.categoryList().contains(p.category().name())) {
            throw InvalidException.field("typeCode", "qualification.type_not_for_category");
        }
        String domain = t.perDomain ? domainCode : t.domainCode;
        if (domain == null || orgDirectory.domain(domain).isEmpty()
                || (t.perDomain && "TY".equals(domain))) {
            throw InvalidException.field("domainCode", "qualification.domain_required");
        }
        String basis = QualText.record().record_issued_by_admin(reason.trim());
        Optional<Qualification> existing = Qualification.of(t.id, p.id(), domain);
        if (existing.isPresent()) {
            Qualification q = existing.get();
            if (q.state == QualificationState.VALID || q.state == QualificationState.SUSPENDED) {
                throw ConflictException.on("typeCode", "qualification.held_already", q.number);
            }
            renew(t, q, basis, Qualification.IssueMode.MANUAL, today, actor);
            return q;
        }
        return issue(t, p, domain, basis, Qualification.IssueMode.MANUAL, today, actor);
    }

    /** 暂扣. */
    public Qualification suspend(long id, String reason, LocalDate today, String actor) {
        requireReason(reason);
        Qualification q = require(id);
        expectState(q, QualificationState.VALID);
        change(q, QualificationState.SUSPENDED, QualificationEvent.Action.SUSPENDED, reason, today, actor,
                "qualification.suspended", "notif_suspended");
        return q;
    }

    /** Lifts a 暂扣; refused once the expiry date has passed. */
    public Qualification restore(long id, String reason, LocalDate today, String actor) {
        requireReason(reason);
        Qualification q = require(id);
        expectState(q, QualificationState.SUSPENDED);
        if (q.expiresOn.isBefore(today)) {
            throw ConflictException.on("state", "qualification.expired_cannot_restore");
        }
        change(q, QualificationState.VALID, QualificationEvent.Action.RESTORED, reason, today, actor,
                "qualification.restored", "notif_restored");
        return q;
    }

    /** 注销. */
    public Qualification cancel(long id, String reason, LocalDate today, String actor) {
        requireReason(reason);
        Qualification q = require(id);
        if (q.state == QualificationState.CANCELLED) {
            throw ConflictException.on("state", "qualification.revoked");
        }
        change(q, QualificationState.CANCELLED, QualificationEvent.Action.CANCELLED, reason, today, actor,
                "qualification.cancelled", "notif_cancelled");
        return q;
    }

    /** 年审 for one year. */
    public AnnualCheck annualCheck(long id, int year, boolean passed, String note, LocalDate today, String actor) {
        Qualification q = require(id);
        if (year < q.issuedOn.getYear() - 1 || year > today.getYear()) {
            throw InvalidException.field("year", "qualification.annual_year_out_of_range");
        }
        if (!passed) {
            requireReason(note);
        }
        if (AnnualCheck.count("qualificationId = ?1 AND year = ?2", q.id, year) > 0) {
            throw ConflictException.on("year", "qualification.annual_done", year);
        }
        AnnualCheck c = new AnnualCheck();
        c.qualificationId = q.id;
        c.year = year;
        c.passed = passed;
        c.note = note == null || note.isBlank() ? null : note.trim();
        c.checkedBy = actor;
        c.persist();
        history(q, QualificationEvent.Action.ANNUAL_CHECK, q.state, annualText(passed, year, c.note), today, actor);
        audit.recordAs(actor, "qualification.annual_check", "qualification", q.id,
                AuditLog.detail("year", year, "passed", passed, "note", c.note));
        return c;
    }

    // ---- jobs ---------------------------------------------------------------------------

    /** 有效/暂扣 → 过期 for every qualification whose last valid day is before {@code today}. */
    public int expire(LocalDate today) {
        List<Qualification> due = Qualification.list("state IN ?1 AND expiresOn < ?2",
                List.of(QualificationState.VALID, QualificationState.SUSPENDED), today);
        for (Qualification q : due) {
            change(q, QualificationState.EXPIRED, QualificationEvent.Action.EXPIRED, QualText.record().record_valid_until(fmt(q.expiresOn)), today,
                    SYSTEM, "qualification.expired", "notif_expired");
        }
        return due.size();
    }

    /**
     * Opens the renewal window of every valid qualification that has reached it: records it,
     * asks the exam engine to add the holder to the renewal exam, and tells holder and admins
     * which courses and exam renew it.
     */
    public int openRenewals(LocalDate today) {
        int opened = 0;
        for (QualificationType t : QualificationType.<QualificationType> listAll()) {
            LocalDate limit = today.plusMonths(t.renewalWindow(config));
            List<Qualification> due = Qualification.list("typeId = ?1 AND state = ?2 AND expiresOn <= ?3 "
                    + "AND expiresOn >= ?4 AND (renewalCycle IS NULL OR renewalCycle <> cycle)", t.id,
                    QualificationState.VALID, limit, today);
            for (Qualification q : due) {
                q.renewalCycle = q.cycle;
                q.renewalOpenedOn = today;
                String what = renewalText(t);
                history(q, QualificationEvent.Action.RENEWAL_OPENED, q.state, what, today, SYSTEM);
                audit.recordAs(SYSTEM, "qualification.renewal_opened", "qualification", q.id, AuditLog.detail("number",
                        q.number, "cycle", q.cycle, "expiresOn", q.expiresOn.toString(), "renewalExam",
                        t.renewalExamCode, "renewalCourses", t.renewalCourses));
                if (!t.renewalCourseList().isEmpty()) {
                    renewalTraining.assign(t.name, t.renewalCourseList(), q.personId, q.expiresOn,
                            QualText.record().record_renewal_for(q.number, fmt(q.expiresOn)), SYSTEM);
                }
                if (t.renewalExamCode != null && !t.renewalExamCode.isBlank()) {
                    candidates.fire(new ExamCandidateRequested(t.renewalExamCode, q.personId,
                            QualText.record().record_renewal_for(q.number, fmt(q.expiresOn)), SYSTEM));
                }
                tellArgs(q, "renewal-" + q.cycle, "notif_renewal", t.name, fmt(q.expiresOn), what);
                opened++;
            }
        }
        return opened;
    }

    /**
     * Reminds holders and admins of valid qualifications expiring within the configured days
     * (90/60/30): one reminder per threshold and cycle, the nearest threshold only.
     */
    public int remind(LocalDate today) {
        List<Integer> days = config.reminderDays().stream().sorted().toList();
        if (days.isEmpty()) {
            return 0;
        }
        int sent = 0;
        List<Qualification> soon = Qualification.list("state = ?1 AND expiresOn >= ?2 AND expiresOn <= ?3",
                QualificationState.VALID, today, today.plusDays(days.get(days.size() - 1)));
        for (Qualification q : soon) {
            long left = java.time.temporal.ChronoUnit.DAYS.between(today, q.expiresOn);
            int threshold = days.stream().filter(d -> d >= left).findFirst().orElseThrow();
            QualificationType t = QualificationType.findById(q.typeId);
            if (tellArgs(q, "expiring-" + q.cycle + "-" + threshold, "notif_expiring", t.name, fmt(q.expiresOn),
                    String.valueOf(left)) > 0) {
                sent++;
            }
        }
        return sent;
    }

    // ---- helpers ------------------------------------------------------------------------

    private void change(Qualification q, QualificationState to, QualificationEvent.Action action, String reason,
            LocalDate today, String actor, String auditAction, String msgKey) {
        QualificationState from = q.state;
        q.state = to;
        q.stateSince = today;
        q.stateReason = reason == null ? null : reason.trim();
        history(q, action, from, q.stateReason, today, actor);
        audit.recordAs(actor, auditAction, "qualification", q.id, AuditLog.detail("number", q.number, "from",
                from.name(), "to", to.name(), "reason", q.stateReason, "effectiveOn", today.toString()));
        QualificationType t = QualificationType.findById(q.typeId);
        tellArgs(q, action.name().toLowerCase() + "-" + q.cycle + "-" + today, msgKey, t.name, q.number,
                q.stateReason);
    }

    private QualificationEvent history(Qualification q, QualificationEvent.Action action, QualificationState from,
            String reason, LocalDate today, String actor) {
        QualificationEvent e = new QualificationEvent();
        e.qualificationId = q.id;
        e.cycle = q.cycle;
        e.action = action;
        e.fromState = from;
        e.toState = q.state;
        e.reason = reason == null ? null : (reason.length() > 500 ? reason.substring(0, 500) : reason);
        e.effectiveOn = today;
        e.issuedOn = q.issuedOn;
        e.expiresOn = q.expiresOn;
        e.actor = actor;
        e.persist();
        return e;
    }

    private void tell(Qualification q, QualificationType t, String what, String msgKey, String arg3) {
        tellArgs(q, what, msgKey, t.name, q.number, arg3);
    }

    private int tellArgs(Qualification q, String what, String msgKey, String a1, String a2, String a3) {
        NotificationService.Message m = new NotificationService.Message("qualification", msgKey, a1, a2, a3,
                "/qualifications/" + q.id);
        int n = 0;
        for (Long account : notifications.holderAndAdmins(q.personId)) {
            if (notifications.send(account, m, "q" + q.id + ":" + what)) {
                n++;
            }
        }
        return n;
    }

    String renewalText(QualificationType t) {
        QualMessages m = QualText.record();
        StringBuilder sb = new StringBuilder();
        if (!t.renewalCourseList().isEmpty()) {
            sb.append(m.record_renewal_courses(String.join(m.list_joiner(), t.renewalCourseList())));
        }
        if (t.requiredHours != null && t.requiredHours.signum() > 0) {
            sb.append(m.record_renewal_hours(t.requiredHours.stripTrailingZeros().toPlainString()));
        }
        if (t.renewalExamCode != null && !t.renewalExamCode.isBlank()) {
            sb.append(m.record_renewal_exam(t.renewalExamCode));
        } else {
            sb.append(m.record_qualification_exam());
        }
        return sb.toString();
    }

    /** The history note of an annual check: passed or not, the year, the note if any. */
    static String annualText(boolean passed, int year, String note) {
        QualMessages m = QualText.record();
        String text = passed ? m.record_annual_passed(String.valueOf(year)) : m.record_annual_failed(String.valueOf(year));
        return note == null ? text : m.record_with_note(text, note);
    }

    private String freshNumber(QualificationType t, LocalDate today) {
        for (int i = 0; i < 5; i++) {
            String n = CertificateNumbers.generate(t.numberPrefix, today.getYear());
            if (Qualification.byNumber(n).isEmpty()) {
                return n;
            }
            LOG.warnf("certificate number collision on %s, drawing again", n);
        }
        throw new IllegalStateException("could not draw a free certificate number");
    }

    private LocalDate expiry(QualificationType t, LocalDate from) {
        return from.plusYears(t.validity(config)).minusDays(1);
    }

    private static Qualification require(long id) {
        Qualification q = Qualification.findById(id);
        if (q == null) {
            throw new NotFoundException("qualification.not_found", id);
        }
        return q;
    }

    private static void expectState(Qualification q, QualificationState expected) {
        if (q.state != expected) {
            throw ConflictException.on("state", "qualification.state_forbids");
        }
    }

    private static void requireReason(String reason) {
        if (cn.zhifa.academy.platform.web.TextRules.blank(reason)) {
            throw InvalidException.field("reason", "qualification.reason_required");
        }
        if (reason.length() > 500) {
            throw InvalidException.field("reason", "qualification.reason_too_long", 500);
        }
    }

    static String fmt(LocalDate d) {
        return d.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
