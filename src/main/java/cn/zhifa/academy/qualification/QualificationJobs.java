package cn.zhifa.academy.qualification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.records.ExamResultRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The qualification jobs: expiry, renewal windows, reminders and a sweep of the issue rules
 * (for hours and courses that changed without an exam event). Runs daily; a transaction-level
 * PostgreSQL advisory lock ({@code pg_try_advisory_xact_lock}) lets one node do the work while
 * the others skip. Exam results are also evaluated as they are recorded.
 */
@ApplicationScoped
public class QualificationJobs {

    private static final Logger LOG = Logger.getLogger(QualificationJobs.class);
    private static final long LOCK = 0x5175616c4a6fL; // "QualJo"

    @Inject
    QualificationService service;

    @Inject
    QualificationConfig config;

    @Inject
    QualificationRules rules;

    @Inject
    EntityManager em;

    /** Counts of one run; {@code ran} is false when another node held the lock. */
    public record Result(boolean ran, int expired, int renewalsOpened, int reminders, int issuedOrRenewed) {
    }

    public LocalDate today() {
        return Now.today();
    }

    @Scheduled(cron = "${academy.qualification.job-cron}", identity = "qualification-daily",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Result r = run(today());
        LOG.infof("qualification job: %s", r);
    }

    /** One run for the given day; callable from tests with any date. */
    public Result run(LocalDate today) {
        record Phase1(boolean ran, int expired, int opened, int reminded, List<Long> candidates) {
        }
        Phase1 p = QuarkusTransaction.requiringNew().call(() -> {
            if (!cn.zhifa.academy.platform.AdvisoryLocks.tryLock(em, LOCK)) {
                return new Phase1(false, 0, 0, 0, List.of());
            }
            int expired = service.expire(today);
            int opened = service.openRenewals(today);
            int reminded = service.remind(today);
            return new Phase1(true, expired, opened, reminded, candidates(today));
        });
        int changed = 0;
        for (Long personId : p.candidates()) {
            changed += evaluate(personId, today);
        }
        return new Result(p.ran(), p.expired(), p.opened(), p.reminded(), changed);
    }

    /** Re-checks one person (e.g. after hours were recorded); returns how many qualifications changed. */
    public int evaluate(long personId, LocalDate today) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> service.evaluate(personId, today).size());
        } catch (RuntimeException e) {
            // a concurrent issue on another node wins the unique constraint; the next run sees it
            LOG.warnf(e, "qualification check of person %d failed", personId);
            return 0;
        }
    }

    /** After the grading transaction committed: the exam record is there, check the person's rules. */
    void onExamResult(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExamResultRecorded e) {
        if (e.passed()) {
            evaluate(e.personId(), LocalDate.ofInstant(Now.instant(), rules.zone()));
        }
    }

    /** People who may have earned something: recent passes, or holders in a renewal window. */
    @SuppressWarnings("unchecked")
    List<Long> candidates(LocalDate today) {
        Set<Long> ids = new LinkedHashSet<>();
        Instant from = today.minusMonths(config.examValidityMonths()).atStartOfDay(rules.zone()).toInstant();
        ids.addAll(em.createQuery("SELECT DISTINCT r.personId FROM ExamRecord r WHERE r.passed = true "
                + "AND r.finishedAt >= :from", Long.class).setParameter("from", from).getResultList());
        ids.addAll(em.createQuery("SELECT DISTINCT q.personId FROM Qualification q WHERE q.renewalCycle = q.cycle "
                + "OR q.state = :expired", Long.class).setParameter("expired", QualificationState.EXPIRED)
                .getResultList());
        ids.addAll(em.createQuery("SELECT DISTINCT h.personId FROM HoursEntry h WHERE h.recordedAt >= :since", Long.class)
                .setParameter("since", today.minusDays(2).atStartOfDay(rules.zone()).toInstant()).getResultList());
        return new ArrayList<>(ids);
    }
}
