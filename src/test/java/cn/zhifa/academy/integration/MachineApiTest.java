package cn.zhifa.academy.integration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.qualification.QualFixtures;
import cn.zhifa.academy.qualification.Qualification;
import cn.zhifa.academy.qualification.QualificationJobs;
import cn.zhifa.academy.qualification.QualificationService;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.records.ExamResultRecorded;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 17 item 2: machine clients, their scope and access, auditing, rate limits, signed webhooks. */
@QuarkusTest
class MachineApiTest {

    @Inject
    TestAccounts accounts;

    @Inject
    QualFixtures fx;

    @Inject
    QualificationJobs jobs;

    @Inject
    QualificationService service;

    @Inject
    Webhooks webhooks;

    @Inject
    EntityManager em;

    @Inject
    Event<ExamResultRecorded> results;

    Api sysadmin() {
        Account a = accounts.create("int-sys", Roles.SYSADMIN, null);
        return Api.as(a.username, TestAccounts.PASSWORD);
    }

    static long unit(String code) {
        return QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(code).orElseThrow().id);
    }

    static JsonPath register(Api admin, String unitCode, String access, int perMinute) {
        return admin.post().contentType("application/json")
                .body(Map.of("name", "省平台-" + access, "orgUnitId", unit(unitCode), "access", access, "perMinute", perMinute))
                .when().post("/api/v1/admin/integrations/clients").then().statusCode(200).extract().jsonPath();
    }

    static String token(JsonPath client) {
        return given().auth().preemptive().basic(client.getString("clientId"), client.getString("clientSecret"))
                .formParam("grant_type", "client_credentials").when().post("/oauth2/token").then().statusCode(200)
                .extract().jsonPath().getString("access_token");
    }

    long qualifiedPerson(String name, String unitCode) {
        long id = fx.person(name, PersonCategory.OFFICER, unitCode);
        fx.hours(id, jobs.today().getYear(), 60);
        fx.passEnforcementExams(id, "WHSC", Instant.now());
        return id;
    }

    @Test
    void aReadClientReadsItsSubtreeOnlyAndCannotWriteAndEveryCallIsAudited() {
        Api admin = sysadmin();
        JsonPath reader = register(admin, "SFS-LJ", "READ", 600);
        JsonPath writer = register(admin, "SFS-LJ", "READ_WRITE", 600);
        long inside = qualifiedPerson("机读甲", "SFS-LJ-WJ");
        long outside = qualifiedPerson("机读乙", "SFS-QS");
        String number = fx.of(inside).get(0).number;

        // the token endpoint: wrong secret refused, right secret a bearer token
        given().auth().preemptive().basic(reader.getString("clientId"), "wrong").formParam("grant_type",
                "client_credentials").when().post("/oauth2/token").then().statusCode(401)
                .body("error", org.hamcrest.Matchers.is("invalid_client"));
        String read = token(reader);
        given().when().get("/api/v1/machine/people/" + inside).then().statusCode(401)
                .contentType(containsString("application/problem+json"));

        given().auth().oauth2(read).when().get("/api/v1/machine/people/" + inside).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.is("机读甲"));
        given().auth().oauth2(read).when().get("/api/v1/machine/people/" + inside + "/qualifications").then()
                .statusCode(200).body("[0].number", org.hamcrest.Matchers.is(number))
                .body("[0].state", org.hamcrest.Matchers.is("VALID"));
        given().auth().oauth2(read).when().get("/api/v1/machine/people/" + inside + "/training-hours").then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(read).when().get("/api/v1/machine/people/" + inside + "/exam-results").then()
                .statusCode(200);
        // outside the subtree: not found, not listed
        given().auth().oauth2(read).when().get("/api/v1/machine/people/" + outside).then().statusCode(404);
        given().auth().oauth2(read).when().get("/api/v1/machine/people/" + outside + "/qualifications").then()
                .statusCode(404);
        List<String> units = given().auth().oauth2(read).queryParam("size", 500).when().get("/api/v1/machine/people")
                .then().statusCode(200).extract().jsonPath().getList("items.unitCode");
        assertThat(units).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith("SFS-LJ"));

        // read scope cannot write
        Map<String, Object> leave = Map.of("employeeNo", employeeNo(inside), "status", "ON_LEAVE", "since", "2026-06-01",
                "reason", "借调");
        given().auth().oauth2(read).contentType("application/json").body(List.of(leave)).when()
                .post("/api/v1/machine/roster/changes").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        assertThat(status(inside)).isEqualTo(EmploymentStatus.ACTIVE);

        // a read-write client of the same subtree: nothing outside, all or nothing
        String write = token(writer);
        Map<String, Object> outsider = Map.of("employeeNo", employeeNo(outside), "status", "ON_LEAVE", "since",
                "2026-06-01");
        given().auth().oauth2(write).contentType("application/json").body(List.of(leave, outsider)).when()
                .post("/api/v1/machine/roster/changes").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.is("[1].employeeNo"));
        assertThat(status(inside)).isEqualTo(EmploymentStatus.ACTIVE);
        given().auth().oauth2(write).contentType("application/json").body(List.of(leave)).when()
                .post("/api/v1/machine/roster/changes").then().statusCode(200).body("applied", org.hamcrest.Matchers.is(1));
        assertThat(status(inside)).isEqualTo(EmploymentStatus.ON_LEAVE);
        assertThat(status(outside)).isEqualTo(EmploymentStatus.ACTIVE);

        // every call audited under the client's name
        String actor = "machine:" + reader.getString("clientId");
        long reads = count("SELECT count(*) FROM audit_event WHERE actor = ?1 AND action = 'machine.read'", actor);
        long refused = count("SELECT count(*) FROM audit_event WHERE actor = ?1 AND action = 'machine.call_refused'", actor);
        assertThat(reads).isGreaterThanOrEqualTo(7);
        assertThat(refused).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE actor = ?1 AND action = 'person.status_changed'",
                "machine:" + writer.getString("clientId"))).isEqualTo(1);
    }

    @Test
    void aClientOverItsBudgetIsRefusedWith429() {
        JsonPath slow = register(sysadmin(), "SFS-LJ", "READ", 3);
        String t = token(slow);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(t).when().get("/api/v1/machine/people?size=1").then().statusCode(200);
        }
        given().auth().oauth2(t).when().get("/api/v1/machine/people?size=1").then().statusCode(429)
                .header("Retry-After", "60");
    }

    @Test
    void webhooksAreSignedRetriedAfterAFailureAndReplayable() throws Exception {
        long person = fx.person("钩子丙", PersonCategory.OFFICER, "SFS-LJ-JB");
        String marker = "\"personId\":" + person + ",";
        List<String[]> received = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int code = 200;
            if (body.contains(marker)) {
                received.add(new String[] { ex.getRequestHeaders().getFirst(Webhooks.SIGNATURE_HEADER), body });
                if (failedOnce.compareAndSet(false, true)) {
                    code = 500;
                }
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        try {
            Api admin = sysadmin();
            JsonPath client = register(admin, "SFS-LJ", "READ", 600);
            JsonPath hook = admin.post().contentType("application/json").body(Map.of("clientId", client.getString("clientId"),
                    "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "events",
                    List.of("qualification.issued", "qualification.suspended", "exam.result_recorded"))).when()
                    .post("/api/v1/admin/integrations/webhooks").then().statusCode(200).extract().jsonPath();
            String secret = hook.getString("secret");

            fx.hours(person, jobs.today().getYear(), 60);
            fx.passEnforcementExams(person, "WHSC", Instant.now());
            Qualification q = fx.of(person).get(0);
            QuarkusTransaction.requiringNew().run(() -> service.suspend(q.id, "调查中", jobs.today(), "test"));
            QuarkusTransaction.requiringNew().run(() -> results.fire(new ExamResultRecorded(person, 987654321L, "HOOK-1",
                    "钩子考试", ExamPurpose.values()[0], false, "TY", new BigDecimal("88"), "良好", true, 1, Instant.now())));
            webhooks.collect();
            List<Long> mine = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "SELECT d.id FROM WebhookDelivery d WHERE d.subscriptionId = ?1 ORDER BY d.id", Long.class)
                    .setParameter(1, hook.getLong("id")).getResultList());
            List<String> events = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "SELECT d.event FROM WebhookDelivery d WHERE d.subscriptionId = ?1 ORDER BY d.id", String.class)
                    .setParameter(1, hook.getLong("id")).getResultList());
            assertThat(events).contains("qualification.issued", "qualification.suspended", "exam.result_recorded");

            // first round: the receiver fails the first delivery, which waits for its retry
            webhooks.deliverDue();
            WebhookDelivery first = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.findById(mine.get(0)));
            assertThat(received).isNotEmpty();
            long failed = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count(
                    "subscriptionId = ?1 AND status = ?2 AND attempts = 1 AND lastStatus = 500", hook.getLong("id"),
                    WebhookDelivery.Status.PENDING));
            assertThat(failed).isEqualTo(1);
            // after the backoff the retry delivers it
            Thread.sleep(400);
            webhooks.deliverDue();
            assertThat(QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("subscriptionId = ?1 AND status = ?2",
                    hook.getLong("id"), WebhookDelivery.Status.DELIVERED))).isEqualTo(mine.size());
            assertThat(first.event).isNotBlank();

            // every request carried a valid signature of its body
            for (String[] r : received) {
                String[] parts = r[0].split(",");
                long ts = Long.parseLong(parts[0].substring(2));
                assertThat(parts[1]).isEqualTo("v1=" + Webhooks.sign(secret, ts, r[1]));
            }
            assertThat(Webhooks.sign("another secret", 1, received.get(0)[1]))
                    .isNotEqualTo(Webhooks.sign(secret, 1, received.get(0)[1]));

            // the log shows it and the replay button sends it again
            int before = received.size();
            List<Map<String, Object>> log = admin.get().when().get("/api/v1/admin/integrations/deliveries").then()
                    .statusCode(200).extract().jsonPath().getList("");
            assertThat(log).anyMatch(m -> ((Number) m.get("id")).longValue() == mine.get(0)
                    && "DELIVERED".equals(m.get("status")));
            admin.post().when().post("/api/v1/admin/integrations/deliveries/" + mine.get(0) + "/replay").then()
                    .statusCode(200).body("status", org.hamcrest.Matchers.is("PENDING"));
            webhooks.deliverDue();
            assertThat(received).hasSize(before + 1);
            assertThat(received.get(before)[1]).isEqualTo(QuarkusTransaction.requiringNew()
                    .call(() -> WebhookDelivery.<WebhookDelivery> findById(mine.get(0)).payload));
            assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'webhook.replayed' AND entity_id = ?1",
                    String.valueOf(mine.get(0)))).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    static String employeeNo(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person> findById(id).employeeNo);
    }

    static EmploymentStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person> findById(id).status);
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, param)
                .getSingleResult()).longValue());
    }
}
