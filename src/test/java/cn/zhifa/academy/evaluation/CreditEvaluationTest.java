package cn.zhifa.academy.evaluation;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** 第三方机构信用评价: credit events move the score and band; the blacklist blocks commissions and shows everywhere. */
@QuarkusTest
class CreditEvaluationTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EvalFixtures fx;

    Api admin(String unit) {
        Account a = accounts.create("credit", Roles.ADMIN, unit);
        return Api.as(a.username, PASSWORD);
    }

    @Test
    void creditEventsChangeTheScoreAndBand() {
        Api admin = admin("SFS-LJ");
        long schemeId = admin.post().contentType("application/json")
                .body(EvalFixtures.scheme("C-" + UUID.randomUUID().toString().substring(0, 8), SubjectKind.PROVIDER,
                        fx.unit("SFS-LJ")))
                .when().post("/api/v1/evaluation/schemes").then().statusCode(201).extract().jsonPath().getLong("id");
        Provider p = fx.provider("SFS-LJ");
        long id = admin.post().contentType("application/json")
                .body(Map.of("schemeId", schemeId, "providerId", p.id, "cycle", "2025")).when()
                .post("/api/v1/evaluation/assessments").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.post().contentType("application/json").body(Map.of("score", 71)).when()
                .put("/api/v1/evaluation/assessments/" + id + "/scores/ZGBM").then().statusCode(400)
                .body("errors[0].field", equalTo("score"));
        for (Object[] s : new Object[][] { { "ZGBM", 68 }, { "ZFXY", 9 }, { "SHPJ", 18 } }) {
            admin.post().contentType("application/json").body(Map.of("score", s[1])).when()
                    .put("/api/v1/evaluation/assessments/" + id + "/scores/" + s[0]).then().statusCode(200);
        }
        admin.get().when().get("/api/v1/evaluation/assessments/" + id).then().body("total", equalTo(95.0f))
                .body("band", equalTo("AA"));

        // a verified complaint (−6) and profiteering (−10) in the cycle: 95 − 16 = 79 → B
        admin.post().multiPart("kind", "COMPLAINT").multiPart("points", "6").multiPart("occurredOn", "2025-04-02")
                .multiPart("description", "投诉经核实", "text/plain; charset=UTF-8").multiPart("evidence", "evidence.pdf",
                        "%PDF-1.4\n%test\n".getBytes(), "application/pdf")
                .when().post("/api/v1/providers/" + p.id + "/credit/events").then().statusCode(201)
                .body("points", equalTo(-6.0f)).body("evidenceMediaId", org.hamcrest.Matchers.notNullValue());
        admin.post().multiPart("kind", "PROFITEERING").multiPart("points", "10").multiPart("occurredOn", "2025-05-02")
                .multiPart("description", "向企业收取额外费用", "text/plain; charset=UTF-8").when().post("/api/v1/providers/" + p.id + "/credit/events")
                .then().statusCode(201);
        // an event outside the cycle does not count
        admin.post().multiPart("kind", "COMPLAINT").multiPart("points", "20").multiPart("occurredOn", "2024-12-31")
                .multiPart("description", "上一周期", "text/plain; charset=UTF-8").when().post("/api/v1/providers/" + p.id + "/credit/events").then()
                .statusCode(201);
        admin.get().when().get("/api/v1/evaluation/assessments/" + id).then().body("adjustment", equalTo(-16.0f))
                .body("total", equalTo(79.0f)).body("band", equalTo("B"));
        // credit repair adds back: +2 → 81 → A
        admin.post().multiPart("kind", "REPAIR").multiPart("points", "2").multiPart("occurredOn", "2025-09-09")
                .multiPart("description", "整改到位，信用修复", "text/plain; charset=UTF-8").when().post("/api/v1/providers/" + p.id + "/credit/events").then()
                .statusCode(201);
        admin.post().when().post("/api/v1/evaluation/assessments/" + id + "/confirm").then().statusCode(200)
                .body("total", equalTo(81.0f)).body("band", equalTo("A"));
        admin.get().when().get("/api/v1/providers/" + p.id + "/credit").then().body("band", equalTo("A"));
        // the provider page renders the credit section of the provider record
        admin.get().when().get("/providers/" + p.id).then().statusCode(200).body(containsString("id=\"record-credit\""))
                .body(containsString("当前信用等次：A（81）")).body(containsString("向企业收取额外费用"));
        // the confirmed cycle is closed to new events; bad input is problem+json naming the field
        admin.post().multiPart("kind", "COMPLAINT").multiPart("points", "3").multiPart("occurredOn", "2025-10-10")
                .multiPart("description", "迟到的投诉", "text/plain; charset=UTF-8").when().post("/api/v1/providers/" + p.id + "/credit/events").then()
                .statusCode(409).contentType("application/problem+json");
        admin.post().multiPart("kind", "COMPLAINT").multiPart("points", "0").multiPart("occurredOn", "2026-01-10")
                .multiPart("description", "x", "text/plain; charset=UTF-8").when().post("/api/v1/providers/" + p.id + "/credit/events").then()
                .statusCode(400).body("errors[0].field", equalTo("points"));
        long audits = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = ?1 AND entityId = ?2", "credit.event_recorded", String.valueOf(p.id)));
        assertThat(audits).isEqualTo(4);
    }

    @Test
    void theBlacklistBlocksNewCommissionsAndShowsOnTheProviderEverywhere() {
        Account a = accounts.create("credit-bl", Roles.ADMIN, "SFS-LJ");
        String session = TestAccounts.login(a.username, PASSWORD);
        Api admin = new Api(session);
        Provider p = fx.provider("SFS-LJ");
        Map<String, Object> commission = Map.of("services", "协助巡查", "periodStart", "2026-12-01", "periodEnd", "2027-11-30");
        admin.post().contentType("application/json").body(commission).when()
                .post("/api/v1/providers/" + p.id + "/credit/commissions").then().statusCode(201);
        admin.get().when().get("/providers").then().body(not(containsString("id=\"blacklist-" + p.id + "\"")));

        admin.post().contentType("application/json").body(Map.of("reason", "信用等次 D", "startsOn", "2026-01-01", "months", 24))
                .when().post("/api/v1/providers/" + p.id + "/credit/blacklist").then().statusCode(201)
                .body("endsOn", equalTo("2028-01-01")).body("inForce", equalTo(true));
        admin.post().contentType("application/json").body(commission).when()
                .post("/api/v1/providers/" + p.id + "/credit/commissions").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("providerId"))
                .body("detail", containsString("暂停委托名单")).body("detail", not(containsString("黑名单")));
        assertThat(admin.get().when().get("/api/v1/providers/" + p.id + "/credit/commissions").then().extract().jsonPath()
                .getList("$")).hasSize(1);

        // list, detail, the credit page and a staff member's page all mark the provider
        admin.get().when().get("/providers").then().body(containsString("id=\"blacklist-" + p.id + "\""))
                .body(containsString("暂停委托名单至 2027-12-31")).body(not(containsString("黑名单")));
        admin.get().when().get("/providers/" + p.id).then().body(containsString("id=\"blacklist-notice\""));
        admin.get().when().get("/api/v1/providers/" + p.id + "/credit").then().body("blacklisted", equalTo(true));
        var page = admin.get().when().get("/evaluations/providers/" + p.id);
        page.then().body(containsString("id=\"blacklist-notice\""));

        // the page form gets the refusal as a Chinese message
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(page);
        io.restassured.RestAssured.given().config(io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")))
                .redirects().follow(false).cookie("academy-session", session).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("services", "数据录入").formParam("periodStart", "2027-01-01")
                .formParam("periodEnd", "2027-06-30").when().post("/evaluations/providers/" + p.id + "/commissions").then()
                .statusCode(409).body(containsString("id=\"credit-error\"")).body(containsString("不得新增委托"));

        // lifting ends the block (audited)
        long bid = admin.get().when().get("/api/v1/providers/" + p.id + "/credit/blacklist").then().extract().jsonPath()
                .getLong("[0].id");
        admin.post().contentType("application/json").body(Map.of("reason", "复核后提前解除")).when()
                .post("/api/v1/providers/" + p.id + "/credit/blacklist/" + bid + "/lift").then().statusCode(204);
        admin.post().contentType("application/json").body(commission).when()
                .post("/api/v1/providers/" + p.id + "/credit/commissions").then().statusCode(201);
        long audits = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "entityType = 'provider' AND entityId = ?1 AND action IN ('credit.blacklisted', 'credit.blacklist_lifted', 'credit.commissioned')",
                String.valueOf(p.id)));
        assertThat(audits).isEqualTo(4);

        // another district cannot see or blacklist it
        Api other = admin("SFS-QS");
        other.get().when().get("/api/v1/providers/" + p.id + "/credit").then().statusCode(404);
        other.post().contentType("application/json").body(Map.of("reason", "x", "startsOn", "2026-01-01", "months", 1)).when()
                .post("/api/v1/providers/" + p.id + "/credit/blacklist").then().statusCode(404);
    }

    @Test
    void theDemoHasFlaggedAndBlacklistedExamples() {
        Api sys = Api.as("sysadmin", "Demo@2026");
        sys.get().when().get("/api/v1/evaluation/flags").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        sys.get().when().get("/evaluations/providers").then().statusCode(200).body(containsString("blacklist-badge"));
    }
}
