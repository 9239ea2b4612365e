package cn.zhifa.academy.exam;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.ScopeData;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 18 for the exam engine: its refusals are domain errors by key, in Chinese by default
 * (the same words as before) and in English for the English interface, with their statuses
 * and specific titles; the management pages show them without a catch of their own.
 */
@QuarkusTest
class ExamErrorsTest {

    @Inject
    TestAccounts accounts;

    @Test
    void anAccountWithoutPersonIsRefusedInTheReadersLanguage() {
        Api unlinked = Api.as(accounts.create("xe-unlinked", Roles.LEARNER, "SFS").username, PASSWORD);
        unlinked.get().when().get("/api/v1/my/exams").then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/forbidden"), "title", is("Forbidden"),
                        "detail", is("您的账号未关联人员档案，不能参加考试"));
        unlinked.get().cookie("academy-lang", "en").when().get("/api/v1/my/exams").then().statusCode(403)
                .body("detail", is("Your account is not linked to a personnel record, so you cannot take exams"));
    }

    @Test
    void anInvalidExamKeepsItsTitleAndNamesEachFieldInBothLanguages() {
        Api admin = Api.as(accounts.create("xe-admin", Roles.ADMIN, "SFS").username, PASSWORD);
        long blueprint = ScopeData.blueprint(admin);
        Map<String, Object> body = new HashMap<>(ScopeData.exam(blueprint, List.of()));
        body.put("code", "坏 编号");
        body.put("durationMinutes", 0);
        admin.post().contentType("application/json").body(body).when().post("/api/v1/exams").then().statusCode(400)
                .body("title", is("Invalid exam"), "detail", is("编号只能使用字母、数字、- 和 _"),
                        "errors.field", hasItem("durationMinutes"), "errors.message", hasItem("考试时长应为 1–600 分钟"));
        admin.post().cookie("academy-lang", "en").contentType("application/json").body(body).when().post("/api/v1/exams")
                .then().statusCode(400)
                .body("title", is("Invalid exam"), "detail", is("The code may contain only letters, digits, - and _"),
                        "errors.message", hasItem("The duration must be 1–600 minutes"));
    }

    @Test
    void aBlueprintTheBankCannotFillNamesTheSectionsTypeInTheReadersLanguage() {
        Api admin = Api.as(accounts.create("xe-bp", Roles.ADMIN, "SFS").username, PASSWORD);
        Map<String, Object> section = Map.of("type", "TRUE_FALSE", "count", 200, "points", 1);
        Map<String, Object> b = Map.of("name", "缺题组卷", "passMark", 1, "sections", List.of(section));
        admin.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then().statusCode(422)
                .body("title", is("Blueprint cannot be filled"), "errors[0].field", is("sections[1]"));
        Response zh = admin.post().contentType("application/json").body(b).when().post("/api/v1/blueprints");
        assertThat(zh.jsonPath().getString("detail")).startsWith("第1部分（判断）需要 200 题").contains("缺");
        Response en = admin.post().cookie("academy-lang", "en").contentType("application/json").body(b).when()
                .post("/api/v1/blueprints");
        assertThat(en.jsonPath().getString("errors[0].message")).startsWith("Section 1 (true/false) needs 200 questions");
    }

    @Test
    void theExamFormShowsAnUnreadableTimeBesideItsField() {
        Api admin = Api.as(accounts.create("xe-form", Roles.ADMIN, "SFS").username, PASSWORD);
        Response r = ExamAdminPagesTest.form(admin, "/exam-admin/exams/new").formParam("code", "XE-FORM-1")
                .formParam("title", "表单错误").formParam("opensAt", "明天").post("/exam-admin/exams/new");
        assertThat(r.statusCode()).isEqualTo(400);
        Document d = Jsoup.parse(r.asString());
        assertThat(d.text()).contains("时间格式应为 年-月-日 时:分（北京时间）");
        assertThat(d.select("#code").val()).isEqualTo("XE-FORM-1");
    }
}
