package cn.zhifa.academy.exam;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.ScopeData;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Exams obey the organisation scope (issue 12, item 2): a district administrator names only
 * people and providers of their own subtree in audiences and overrides, is told which row is
 * out of scope, and never sees a name from outside it; and trainers (item 18) manage only the
 * exams they created.
 */
@QuarkusTest
class ExamScopeTest {

    @Inject
    TestAccounts accounts;

    Api as(String prefix, String role, String unit) {
        return Api.as(accounts.create(prefix, role, unit).username, PASSWORD);
    }

    Api candidate(Person p) {
        return Api.as(accounts.create("sc-cand", Roles.LEARNER, null, null, p.id).username, PASSWORD);
    }

    static long provider(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Provider.<Provider> find("name", name).firstResult().id);
    }

    static List<String> messages(Response r) {
        return r.jsonPath().getList("errors.message", String.class);
    }

    @Test
    void aDistrictAdminCannotNameOtherDistrictsInAudiencesOrOverrides() {
        Api lj = as("sc-lj", Roles.ADMIN, "SFS-LJ");
        Person mine = ScopeData.person("SFS-LJ-JB", "辖内");
        Person qs = ScopeData.person("SFS-QS-QS", "辖外");
        long blueprint = ScopeData.blueprint(lj);

        Map<String, Object> body = ScopeData.exam(blueprint, List.of(mine.employeeNo, qs.employeeNo, "NO-SUCH-1"));
        Response refused = lj.post().contentType("application/json").body(body).when().post("/api/v1/exams");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        // the offending rows are named; out of scope and unknown read alike, and no name is disclosed
        assertThat(messages(refused)).contains("第 2 行 工号 " + qs.employeeNo + " 不存在或不在您的管理范围内",
                "第 3 行 工号 NO-SUCH-1 不存在或不在您的管理范围内");
        assertThat(refused.asString()).doesNotContain(qs.name);

        Map<String, Object> withProvider = ScopeData.exam(blueprint, List.of(mine.employeeNo));
        long yunxi = provider("云溪县绿源环境检测有限公司");
        long linjiang = provider("临江区城联市容管理服务有限公司");
        withProvider.put("providerIds", List.of(linjiang, yunxi));
        Response providerRefused = lj.post().contentType("application/json").body(withProvider).when().post("/api/v1/exams");
        assertThat(providerRefused.statusCode()).isEqualTo(400);
        assertThat(messages(providerRefused)).containsExactly("第 2 行 第三方机构 " + yunxi + " 不存在或不在您的管理范围内");
        String code = (String) withProvider.get("code");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Exam.findByCode(code))).isEmpty();

        // in scope: accepted, with the own district's provider
        withProvider.put("providerIds", List.of(linjiang));
        long id = lj.post().contentType("application/json").body(withProvider).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        // changing the audience to include the other district is refused too
        Map<String, Object> update = ScopeData.exam(blueprint, List.of(qs.employeeNo));
        update.put("code", code);
        Response updateRefused = lj.post().contentType("application/json").body(update).when().put("/api/v1/exams/" + id);
        assertThat(updateRefused.statusCode()).isEqualTo(400);
        assertThat(messages(updateRefused)).containsExactly("第 1 行 工号 " + qs.employeeNo + " 不存在或不在您的管理范围内");

        // a person override outside the scope: refused through the API and the page, nothing written
        Response override = lj.post().contentType("application/json")
                .body(Map.of("employeeNo", qs.employeeNo, "extraMinutes", 10, "reason", "视力障碍")).when()
                .post("/api/v1/exams/" + id + "/overrides");
        assertThat(override.statusCode()).isEqualTo(400);
        assertThat(messages(override)).containsExactly("工号 " + qs.employeeNo + " 不存在或不在您的管理范围内");
        Response page = ExamAdminPagesTest.form(lj, "/exam-admin/exams/" + id).formParam("employeeNo", qs.employeeNo)
                .formParam("extraMinutes", "10").formParam("reason", "视力障碍").when()
                .post("/exam-admin/exams/" + id + "/overrides");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(page.asString()).select("#override-errors").text())
                .contains("工号 " + qs.employeeNo + " 不存在或不在您的管理范围内");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ExamOverride.count("examId", id))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ExamAudience.count("examId = ?1 AND kind = ?2 AND value = ?3",
                id, ExamAudience.Kind.PERSON, String.valueOf(qs.id)))).isZero();

        // the own district's person is fine
        lj.post().contentType("application/json")
                .body(Map.of("employeeNo", mine.employeeNo, "extraMinutes", 10, "reason", "视力障碍")).when()
                .post("/api/v1/exams/" + id + "/overrides").then().statusCode(200);
    }

    @Test
    void peopleOutsideTheScopeAreNeverNamedInAnExamsAudienceResultsOrMonitor() {
        Api lj = as("sc-lj2", Roles.ADMIN, "SFS-LJ");
        Person mine = ScopeData.person("SFS-LJ-WJ", "辖内");
        Person qs = ScopeData.person("SFS-QS-SM", "辖外");
        long id = ScopeData.publishedExam(lj, List.of(mine.employeeNo));
        // a candidate from another district on the list, as a renewal request or older data leaves it
        QuarkusTransaction.requiringNew().run(() -> new ExamAudience(id, ExamAudience.Kind.PERSON, String.valueOf(qs.id),
                null).persist());
        ScopeData.start(candidate(mine), id);
        ScopeData.start(candidate(qs), id);

        String view = lj.get().when().get("/api/v1/exams/" + id).then().statusCode(200).extract().asString();
        assertThat(view).contains(mine.name).doesNotContain(qs.name).doesNotContain(qs.employeeNo);
        assertThat(JsonPath.from(view).getList("audience.label", String.class)).contains("（不在您的管理范围内）");
        String results = lj.get().when().get("/api/v1/exams/" + id + "/results").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(results).getList("employeeNo", String.class)).containsExactly(mine.employeeNo);
        assertThat(results).doesNotContain(qs.name);
        String monitor = lj.get().when().get("/api/v1/exams/" + id + "/monitor").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(monitor).getList("running.employeeNo", String.class)).containsExactly(mine.employeeNo);
        assertThat(JsonPath.from(monitor).getLong("started")).isEqualTo(2);
        for (String p : List.of("/exam-admin/exams/" + id, "/exam-admin/exams/" + id + "/results",
                "/exam-admin/exams/" + id + "/monitor")) {
            Document d = Jsoup.parse(lj.get().when().get(p).then().statusCode(200).extract().asString());
            assertThat(d.text()).as(p).doesNotContain(qs.name).doesNotContain(qs.employeeNo);
        }

        // no change for a manager whose scope covers both: the city administrator sees both
        Api city = as("sc-city", Roles.ADMIN, "SFS");
        assertThat(city.get().when().get("/api/v1/exams/" + id + "/results").then().statusCode(200).extract().jsonPath()
                .getList("employeeNo", String.class)).containsExactlyInAnyOrder(mine.employeeNo, qs.employeeNo);
        assertThat(city.get().when().get("/api/v1/exams/" + id).then().statusCode(200).extract().asString()).contains(qs.name);
    }

    @Test
    void trainersManageOnlyTheExamsTheyCreated() {
        Api admin = as("sc-admin", Roles.ADMIN, "SFS");
        Api trainer = as("sc-trainer", Roles.TRAINER, "SFS");
        Person p = ScopeData.person("SFS-LJ-JB", "考生");
        long adminsExam = ScopeData.publishedExam(admin, List.of(p.employeeNo));
        ScopeData.start(candidate(p), adminsExam);

        // somebody else's exam: not listed, and its results, monitor, overrides and pages are not found
        assertThat(trainer.get().when().get("/api/v1/exams").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)).doesNotContain(adminsExam);
        for (String path : List.of("/api/v1/exams/" + adminsExam, "/api/v1/exams/" + adminsExam + "/results",
                "/api/v1/exams/" + adminsExam + "/monitor", "/api/v1/exams/" + adminsExam + "/results.xlsx",
                "/exam-admin/exams/" + adminsExam, "/exam-admin/exams/" + adminsExam + "/results")) {
            trainer.get().when().get(path).then().statusCode(404);
        }
        trainer.post().contentType("application/json").body(Map.of("employeeNo", p.employeeNo, "extraMinutes", 5,
                "reason", "延时")).when().post("/api/v1/exams/" + adminsExam + "/overrides").then().statusCode(404);
        assertThat(trainer.get().queryParam("exam", adminsExam).when().get("/api/v1/grading").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();

        // their own exam: the whole of it, as before
        long own = ScopeData.publishedExam(trainer, List.of(p.employeeNo));
        assertThat(trainer.get().when().get("/api/v1/exams").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)).contains(own).doesNotContain(adminsExam);
        trainer.get().when().get("/api/v1/exams/" + own + "/results").then().statusCode(200);
        trainer.get().when().get("/exam-admin/exams/" + own + "/results").then().statusCode(200);
        // and the administrator in scope manages both
        admin.get().when().get("/api/v1/exams/" + own + "/results").then().statusCode(200);
        admin.get().when().get("/api/v1/exams/" + adminsExam + "/results").then().statusCode(200);
    }
}
