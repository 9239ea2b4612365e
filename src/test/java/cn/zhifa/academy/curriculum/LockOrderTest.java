package cn.zhifa.academy.curriculum;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * One lock order (AdvisoryLocks: feature locks first, the audit chain lock last): a plan change
 * (audit event + plan sync) and a people change (audit event, then the plan sync it triggers,
 * which records its own event) run at the same moment, 100 times, and neither deadlocks. Before
 * the fix the plan change took the audit lock and then the plan-sync lock, the sync the other
 * way round, and PostgreSQL aborted one of them.
 */
@QuarkusTest
class LockOrderTest {

    static final int ROUNDS = 100;

    @Inject
    TestAccounts accounts;

    @Inject
    MeterRegistry metrics;

    @Inject
    PlanSync sync;

    @Test
    void aPlanChangeAndAPeopleChangeNeverDeadlock() throws Exception {
        long jb = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-LJ-WJ").orElseThrow().id);
        Account a = accounts.create("lock-admin", Roles.ADMIN, "SFS-LJ");
        Api admin = Api.as(a.username, PASSWORD);
        Map<String, Object> plan = PlanTest.plan(jb, List.of("OFFICER"));
        long planId = admin.post().contentType("application/json").body(plan).when().post("/api/v1/plans").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        Person someone = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "unitId = ?1 AND category = ?2 AND status = 'ACTIVE' ORDER BY id DESC", jb, PersonCategory.OFFICER)
                .firstResult());
        Map<String, Object> person = new HashMap<>();
        person.put("name", someone.name);
        person.put("employeeNo", someone.employeeNo);
        person.put("grade", someone.grade.name());
        person.put("unitId", someone.unitId);
        person.put("departmentId", someone.departmentId);
        double failuresBefore = syncFailures();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // each round moves the person in or out of the audience, so the sync it triggers
                // changes assignments and records an event (takes the audit lock) while the plan
                // change records its event and syncs
                person.put("category", round % 2 == 0 ? "AUXILIARY" : "OFFICER");
                plan.put("requiredHours", 40 + round % 2);
                RequestSpecification planChange = admin.post().contentType("application/json").body(new HashMap<>(plan));
                RequestSpecification peopleChange = admin.post().contentType("application/json")
                        .body(new HashMap<>(person));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Integer> p1 = pool.submit(() -> {
                    together.await();
                    return planChange.when().put("/api/v1/plans/" + planId).statusCode();
                });
                Future<Integer> p2 = pool.submit(() -> {
                    together.await();
                    return peopleChange.when().put("/api/v1/people/" + someone.id).statusCode();
                });
                assertThat(p1.get(60, TimeUnit.SECONDS)).as("plan change, round %s", round).isEqualTo(200);
                assertThat(p2.get(60, TimeUnit.SECONDS)).as("people change, round %s", round).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // the people change answers 200 before its sync runs (in the background, retried): count failures
        sync.awaitQueued(); // people changes sync in the background: wait for the queued runs
        assertThat(syncFailures()).isEqualTo(failuresBefore);
        // and the last state is what both changes asked for
        PlanAssignment last = QuarkusTransaction.requiringNew()
                .call(() -> PlanAssignment.<PlanAssignment> find("planId = ?1 AND personId = ?2", planId, someone.id)
                        .firstResult());
        // the last round made them an officer (odd) or auxiliary staff (even)
        assertThat(last.status).isEqualTo((ROUNDS - 1) % 2 == 1 ? PlanAssignment.Status.OPEN : PlanAssignment.Status.CLOSED);
    }

    private double syncFailures() {
        var c = metrics.find("academy.plan.sync.failures").counter();
        return c == null ? 0 : c.count();
    }
}
