package cn.zhifa.academy.curriculum;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.PeopleChanged;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps plan assignments in step with the registry: whoever matches a plan's audience rule
 * (category × grade × org level × domain × unit subtree, 在岗 only) has an open assignment;
 * whoever stops matching has theirs closed, never deleted. Runs after every plan change (in
 * the plan's transaction), in the background after every committed change of people (issue
 * 16: a roster commit no longer waits for it; changes arriving while a sync runs are folded
 * into one more run), and nightly; a PostgreSQL advisory lock makes concurrent runs on several
 * nodes wait for each other instead of racing.
 */
@ApplicationScoped
public class PlanSync {

    private static final Logger LOG = Logger.getLogger(PlanSync.class);
    private static final long LOCK = 0x506c616e53L; // "PlanS"

    @Inject
    EntityManager em;

    @Inject
    OrgDirectory org;

    @Inject
    AuditLog audit;

    @Inject
    MeterRegistry metrics;

    /** Counts of one plan's sync. */
    public record Result(int opened, int closed) {
    }

    /** One background thread: syncs run one after another, never in the request that changed people. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plan-sync");
        t.setDaemon(true);
        return t;
    });

    /** A run is queued and has not started yet: further changes need no run of their own. */
    private final AtomicBoolean queued = new AtomicBoolean();

    void onPeopleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeopleChanged event) {
        if (queued.compareAndSet(false, true)) {
            background.execute(this::backgroundSync);
        }
    }

    private void backgroundSync() {
        queued.set(false);
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(this::syncAll);
                return;
            } catch (RuntimeException e) {
                // counted so that a failure (e.g. a lock-order deadlock) is seen, not only logged
                metrics.counter("academy.plan.sync.failures").increment();
                if (attempt == 3) {
                    // the people change has committed; the nightly run repairs the assignments.
                    // Counted so that a failure (e.g. a lock-order deadlock) is seen, not only logged.
                    metrics.counter("academy.plan.sync.failures").increment();
                    LOG.errorf(e, "plan audience sync after a change of people failed 3 times; the nightly run catches up");
                } else {
                    LOG.warnf("plan audience sync failed (attempt %d), retrying: %s", attempt, e.toString());
                    try {
                        Thread.sleep(500L * attempt);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Waits until the syncs queued so far have run (the executor runs one task at a time). */
    void awaitQueued() throws Exception {
        background.submit(() -> {
        }).get(2, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        background.shutdown();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(cron = "${academy.learning.plan-sync-cron}", identity = "plan-sync")
    void nightly() {
        QuarkusTransaction.requiringNew().run(this::syncAll);
    }

    /** Syncs every active plan; must run inside a transaction. */
    public void syncAll() {
        lock();
        for (TrainingPlan p : TrainingPlan.<TrainingPlan> list("status", TrainingPlan.Status.ACTIVE)) {
            sync(p);
        }
    }

    /** Syncs one plan; must run inside a transaction. */
    public Result sync(TrainingPlan plan) {
        lock();
        if (plan.namedOnly) {
            return new Result(0, 0);
        }
        Set<Long> audience = new HashSet<>(audience(plan));
        Map<Long, PlanAssignment> existing = new HashMap<>();
        PlanAssignment.<PlanAssignment> list("planId", plan.id).forEach(a -> existing.put(a.personId, a));
        int opened = 0;
        int closed = 0;
        for (Long person : audience) {
            PlanAssignment a = existing.get(person);
            if (a == null) {
                a = new PlanAssignment();
                a.planId = plan.id;
                a.personId = person;
                a.persist();
                opened++;
            } else if (a.status == PlanAssignment.Status.CLOSED) {
                a.status = PlanAssignment.Status.OPEN;
                a.closedAt = null;
                a.closeReason = null;
                opened++;
            }
        }
        for (PlanAssignment a : existing.values()) {
            if (a.status == PlanAssignment.Status.OPEN && a.pinnedReason == null && !audience.contains(a.personId)) {
                a.status = PlanAssignment.Status.CLOSED;
                a.closedAt = Now.instant();
                a.closeReason = CurriculumText.records().record_no_longer_audience();
                closed++;
            }
        }
        if (opened + closed > 0) {
            audit.recordAs("system", "plan.assignments_synced", "training_plan", plan.id,
                    AuditLog.detail("opened", opened, "closed", closed, "audience", audience.size()));
            LOG.debugf("plan %s: %s assignments opened, %s closed", plan.id, (Object) opened, (Object) closed);
        }
        return new Result(opened, closed);
    }

    /** Ids of the people the plan applies to now. */
    List<Long> audience(TrainingPlan plan) {
        String rootPath = org.unit(plan.audienceUnitId != null ? plan.audienceUnitId : plan.owningUnitId).orElseThrow()
                .path();
        StringBuilder q = new StringBuilder("SELECT p.id FROM Person p, OrgUnit u WHERE u.id = p.unitId "
                + "AND " + OrgScope.pathWithin("u.path", ":path") + " AND p.status = :active");
        Map<String, Object> params = new HashMap<>();
        params.put("path", OrgScope.subtreePattern(rootPath));
        params.put("active", EmploymentStatus.ACTIVE);
        if (!plan.categoryList().isEmpty()) {
            q.append(" AND CAST(p.category AS String) IN :categories");
            params.put("categories", plan.categoryList());
        }
        if (!plan.gradeList().isEmpty()) {
            q.append(" AND CAST(p.grade AS String) IN :grades");
            params.put("grades", plan.gradeList());
        }
        if (!plan.levelList().isEmpty()) {
            q.append(" AND CAST(u.level AS String) IN :levels");
            params.put("levels", plan.levelList());
        }
        if (!plan.domainIdList().isEmpty()) {
            q.append(" AND EXISTS (SELECT 1 FROM p.domainIds d WHERE d IN :domains)");
            params.put("domains", plan.domainIdList());
        }
        var query = em.createQuery(q.toString(), Long.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private void lock() {
        cn.zhifa.academy.platform.AdvisoryLocks.lock(em, LOCK);
    }
}
