package cn.zhifa.academy.evaluation;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** 辅助人员责任制考核: scheme validation, grading with pulled inputs, locking, audit and the two-不合格 flag. */
@QuarkusTest
class AuxiliaryAssessmentTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EvalFixtures fx;

    Api admin(String unit) {
        Account a = accounts.create("eval", Roles.ADMIN, unit);
        return Api.as(a.username, PASSWORD);
    }

    static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    @Test
    void schemesThatCannotGradeConsistentlyAreRefusedNamingTheField() {
        Api admin = admin("SFS-LJ");
        long lj = fx.unit("SFS-LJ");

        Map<String, Object> weights = EvalFixtures.scheme(code(), SubjectKind.AUXILIARY, lj);
        ((List<Map<String, Object>>) weights.get("items")).get(0).put("weight", 45);
        admin.post().contentType("application/json").body(weights).when().post("/api/v1/evaluation/schemes").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("items"))
                .body("detail", containsString("100"));

        Map<String, Object> gap = EvalFixtures.scheme(code(), SubjectKind.AUXILIARY, lj);
        ((List<Map<String, Object>>) gap.get("bands")).get(1).put("minScore", 80); // 合格 80–90, 基本合格 60–75: gap
        admin.post().contentType("application/json").body(gap).when().post("/api/v1/evaluation/schemes").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("bands"));

        Map<String, Object> overlap = EvalFixtures.scheme(code(), SubjectKind.AUXILIARY, lj);
        ((List<Map<String, Object>>) overlap.get("bands")).get(3).put("maxScore", 65);
        admin.post().contentType("application/json").body(overlap).when().post("/api/v1/evaluation/schemes").then()
                .statusCode(400).body("errors.field", hasItem("bands"));

        Map<String, Object> max = EvalFixtures.scheme(code(), SubjectKind.AUXILIARY, lj);
        ((List<Map<String, Object>>) max.get("items")).get(0).put("maxScore", 0);
        admin.post().contentType("application/json").body(max).when().post("/api/v1/evaluation/schemes").then()
                .statusCode(400).body("errors.field", hasItem("items[0].maxScore"));

        // a district admin cannot own a scheme at the city
        admin.post().contentType("application/json").body(EvalFixtures.scheme(code(), SubjectKind.AUXILIARY, fx.unit("SFS")))
                .when().post("/api/v1/evaluation/schemes").then().statusCode(403);
    }

    @Test
    void gradingPullsTheExamScoreAndHoursLocksOnConfirmAndFlagsTwoConsecutiveFails() {
        Api admin = admin("SFS-LJ");
        long lj = fx.unit("SFS-LJ");
        long schemeId = admin.post().contentType("application/json")
                .body(EvalFixtures.scheme(code(), SubjectKind.AUXILIARY, lj)).when().post("/api/v1/evaluation/schemes")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Person p = fx.person("SFS-LJ-JB", PersonCategory.AUXILIARY);
        long examId = 7_000_000L + (long) (Math.random() * 1_000_000);
        fx.examResult(p.id, examId, ExamPurpose.AUXILIARY, 80, LocalDate.of(2025, 6, 1));
        fx.examResult(p.id, examId + 1, ExamPurpose.COURSE_QUIZ, 100, LocalDate.of(2025, 6, 2)); // wrong purpose: ignored
        fx.hours(p.id, 2025, 30);

        JsonPath e = admin.post().contentType("application/json")
                .body(Map.of("schemeId", schemeId, "personId", p.id, "cycle", "2025")).when()
                .post("/api/v1/evaluation/assessments").then().statusCode(201).extract().jsonPath();
        long id = e.getLong("id");
        assertThat(e.getDouble("items.find { it.code == 'EXAM' }.score")).isEqualTo(80.0);
        assertThat(e.getString("items.find { it.code == 'EXAM' }.note")).contains("80");
        assertThat(e.getDouble("items.find { it.code == 'HOURS' }.score")).isEqualTo(7.5); // 30 of 40 hours × max 10
        assertThat(e.getBoolean("items.find { it.code == 'EXAM' }.editable")).isFalse();
        assertThat(e.getString("total")).isNull();

        // out of range, pulled item, and not yet complete
        admin.post().contentType("application/json").body(Map.of("score", 101)).when()
                .put("/api/v1/evaluation/assessments/" + id + "/scores/WORK").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("score"));
        admin.post().contentType("application/json").body(Map.of("score", 50)).when()
                .put("/api/v1/evaluation/assessments/" + id + "/scores/EXAM").then().statusCode(400)
                .body("errors[0].field", equalTo("item"));
        admin.post().when().post("/api/v1/evaluation/assessments/" + id + "/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("items.WORK"));

        // 50 × 0.5 + 80 × 0.3 + 7.5/10 × 20 = 25 + 24 + 15 = 64 → 基本合格
        admin.post().contentType("application/json").body(Map.of("score", 50)).when()
                .put("/api/v1/evaluation/assessments/" + id + "/scores/WORK").then().statusCode(200)
                .body("total", equalTo(64.0f)).body("band", equalTo("基本合格"));
        JsonPath confirmed = admin.post().when().post("/api/v1/evaluation/assessments/" + id + "/confirm").then()
                .statusCode(200).extract().jsonPath();
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.getString("band")).isEqualTo("基本合格");

        // locked: no more edits, and a later exam result does not change it
        admin.post().contentType("application/json").body(Map.of("score", 90)).when()
                .put("/api/v1/evaluation/assessments/" + id + "/scores/WORK").then().statusCode(409)
                .contentType("application/problem+json");
        fx.examResult(p.id, examId, ExamPurpose.AUXILIARY, 100, LocalDate.of(2025, 6, 1));
        admin.get().when().get("/api/v1/evaluation/assessments/" + id).then().body("total", equalTo(64.0f));
        long audits = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = ?1 AND entityId = ?2", "evaluation.confirmed", String.valueOf(id)));
        assertThat(audits).isEqualTo(1);

        // two consecutive 不合格 (2023, 2024) → a flag; a single one (2022 alone, not adjacent) does not
        long y23 = openAndGrade(admin, schemeId, p.id, "2023", 10);
        assertThat(flags(p.id)).isZero();
        long y24 = openAndGrade(admin, schemeId, p.id, "2024", 10);
        assertThat(admin.get().when().get("/api/v1/evaluation/assessments/" + y24).then().extract().jsonPath()
                .getString("band")).isEqualTo("不合格");
        assertThat(flags(p.id)).isEqualTo(1);
        assertThat(y23).isNotEqualTo(y24);
        admin.get().when().get("/api/v1/evaluation/flags").then().statusCode(200).body("personId", hasItem(p.id.intValue()));
        admin.get().when().get("/people/" + p.id).then().statusCode(200).body(containsString("id=\"person-flag\""))
                .body(containsString("连续 2 个周期“不合格”"));
        admin.get().when().get("/evaluations/flags").then().statusCode(200).body(containsString(p.name));
        long flagAudits = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = ?1 AND entityId = ?2", "evaluation.flag_raised", String.valueOf(p.id)));
        assertThat(flagAudits).isEqualTo(1);

        // another district's admin sees neither the assessment nor the flag
        Api other = admin("SFS-QS");
        other.get().when().get("/api/v1/evaluation/assessments/" + id).then().statusCode(404);
        other.get().when().get("/api/v1/evaluation/flags").then().statusCode(200).body("personId.findAll { it == " + p.id + " }.size()", equalTo(0));
    }

    private long openAndGrade(Api admin, long schemeId, long personId, String cycle, int work) {
        long id = admin.post().contentType("application/json")
                .body(Map.of("schemeId", schemeId, "personId", personId, "cycle", cycle)).when()
                .post("/api/v1/evaluation/assessments").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.post().contentType("application/json").body(Map.of("score", work)).when()
                .put("/api/v1/evaluation/assessments/" + id + "/scores/WORK").then().statusCode(200);
        admin.post().when().post("/api/v1/evaluation/assessments/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private long flags(long personId) {
        return QuarkusTransaction.requiringNew().call(() -> EvalFlag.count("personId", personId));
    }

    @Test
    void aSchemeInUseIsFrozenAndAChangeBecomesANewVersion() {
        Api admin = admin("SFS-LJ");
        long lj = fx.unit("SFS-LJ");
        String code = code();
        Map<String, Object> body = EvalFixtures.scheme(code, SubjectKind.AUXILIARY, lj);
        long schemeId = admin.post().contentType("application/json").body(body).when().post("/api/v1/evaluation/schemes")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        // unused: changes in place
        body.put("name", "改名");
        admin.post().contentType("application/json").body(body).when().put("/api/v1/evaluation/schemes/" + schemeId).then()
                .statusCode(200).body("id", equalTo((int) schemeId)).body("versionNo", equalTo(1));
        Person p = fx.person("SFS-LJ-WJ", PersonCategory.AUXILIARY);
        admin.post().contentType("application/json").body(Map.of("schemeId", schemeId, "personId", p.id, "cycle", "2025"))
                .when().post("/api/v1/evaluation/assessments").then().statusCode(201);
        // used: a new version, the old one retired
        body.put("name", "第二版");
        JsonPath v2 = admin.post().contentType("application/json").body(body).when()
                .put("/api/v1/evaluation/schemes/" + schemeId).then().statusCode(200).extract().jsonPath();
        assertThat(v2.getLong("id")).isNotEqualTo(schemeId);
        assertThat(v2.getInt("versionNo")).isEqualTo(2);
        admin.get().when().get("/api/v1/evaluation/schemes/" + schemeId).then().body("status", equalTo("RETIRED"))
                .body("name", equalTo("改名"));
        // officers are not assessed with the auxiliary scheme; a bad cycle label is refused
        Person officer = fx.person("SFS-LJ-WJ", PersonCategory.OFFICER);
        admin.post().contentType("application/json")
                .body(Map.of("schemeId", v2.getLong("id"), "personId", officer.id, "cycle", "2025")).when()
                .post("/api/v1/evaluation/assessments").then().statusCode(400).body("errors[0].field", equalTo("personId"));
        admin.post().contentType("application/json")
                .body(Map.of("schemeId", v2.getLong("id"), "personId", p.id, "cycle", "2025-Q9")).when()
                .post("/api/v1/evaluation/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cycle"));
    }

    @Test
    void theAssessmentPageSavesItemsAndConfirms() {
        Account a = accounts.create("evalpage", Roles.ADMIN, "SFS-LJ");
        String session = TestAccounts.login(a.username, PASSWORD);
        Api admin = new Api(session);
        long schemeId = admin.post().contentType("application/json")
                .body(EvalFixtures.scheme(code(), SubjectKind.AUXILIARY, fx.unit("SFS-LJ"))).when()
                .post("/api/v1/evaluation/schemes").then().statusCode(201).extract().jsonPath().getLong("id");
        Person p = fx.person("SFS-LJ-JB", PersonCategory.AUXILIARY);
        var index = admin.get().when().get("/evaluations");
        index.then().statusCode(200).body(containsString("id=\"open-form\""));
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(index);
        var opened = io.restassured.RestAssured.given().redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field())
                .formParam("schemeId", schemeId).formParam("employeeNo", p.employeeNo).formParam("cycle", "2025")
                .when().post("/evaluations/open");
        assertThat(opened.statusCode()).isEqualTo(303);
        String location = opened.getHeader("Location");
        var detail = admin.get().when().get(location);
        detail.then().statusCode(200).body(containsString("id=\"score-WORK\"")).body(containsString(p.name));
        TestAccounts.Csrf c2 = TestAccounts.csrfFrom(detail);
        String path = java.net.URI.create(location).getPath();
        io.restassured.RestAssured.given().redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", c2.cookie()).formParam("csrf-token", c2.field()).formParam("item", "WORK")
                .formParam("score", "120").when().post(path + "/scores").then().statusCode(400)
                .body(containsString("0–100"));
        io.restassured.RestAssured.given().redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", c2.cookie()).formParam("csrf-token", c2.field()).formParam("item", "WORK")
                .formParam("score", "90").when().post(path + "/scores").then().statusCode(303);
        io.restassured.RestAssured.given().redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", c2.cookie()).formParam("csrf-token", c2.field()).when().post(path + "/confirm")
                .then().statusCode(303);
        admin.get().when().get(path).then().statusCode(200).body(containsString("已确认"))
                .body(org.hamcrest.Matchers.not(containsString("id=\"confirm\"")));
    }
}
