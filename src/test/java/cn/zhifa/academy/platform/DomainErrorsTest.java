package cn.zhifa.academy.platform;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * Issue 18 item 2: services throw domain errors by message key; the API answers them as
 * problem+json in the reader's language, and a form post that breaks a rule goes back to its
 * page with the message shown once (post, redirect, get).
 */
@QuarkusTest
class DomainErrorsTest {

    @Inject
    TestAccounts accounts;

    @Test
    void theApiSpeaksChineseByDefault() {
        Api unlinked = Api.as(accounts.create("err-zh", Roles.LEARNER, "SFS").username, PASSWORD);
        unlinked.get().when().get("/api/v1/learning/me").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"), "title", is("Forbidden"), "status", is(403),
                        "detail", is("此账号未关联人员档案，无法参加学习。"));
    }

    @Test
    void theApiSpeaksEnglishToTheEnglishUi() {
        Api unlinked = Api.as(accounts.create("err-en", Roles.LEARNER, "SFS").username, PASSWORD);
        unlinked.get().cookie("academy-lang", "en").when().get("/api/v1/learning/me").then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", is("Forbidden"),
                        "detail", is("This account is not linked to a person record, so it cannot take courses."));
    }

    @Test
    void aFieldErrorNamesTheFieldInTheReadersLanguage() {
        Api admin = Api.as(accounts.create("err-field", Roles.ADMIN, "SFS").username, PASSWORD);
        long unit = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS").orElseThrow().id);
        String body = """
                {"year": 2026, "title": "错误语言测试", "owningUnitId": %d, "courseCodes": ["NO-SUCH-COURSE-X"],
                 "requiredHours": 2, "dueDate": "2026-12-31"}""".formatted(unit);
        admin.post().contentType("application/json").body(body).when().post("/api/v1/plans").then().statusCode(400)
                .body("type", endsWith("/bad-request"), "detail", is("课程不存在：NO-SUCH-COURSE-X"),
                        "errors[0].field", is("courseCodes"), "errors[0].message", is("课程不存在：NO-SUCH-COURSE-X"));
        admin.post().cookie("academy-lang", "en").contentType("application/json").body(body).when().post("/api/v1/plans")
                .then().statusCode(400)
                .body("detail", is("No such course: NO-SUCH-COURSE-X"), "errors[0].field", is("courseCodes"),
                        "errors[0].message", is("No such course: NO-SUCH-COURSE-X"));
    }

    @Test
    void aFormPostThatBreaksARuleGoesBackWithAFlashShownOnce() {
        Account a = accounts.create("err-flash", Roles.ADMIN, "SFS");
        Api admin = Api.as(a.username, PASSWORD);
        String plans = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/plans";
        Response posted = admin.post().redirects().follow(false).header("Referer", plans + "?from=form")
                .formParam("title", "缺少课程的计划").when().post("/plans");
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.getHeader("Location")).endsWith("/plans?from=form");
        Cookie flash = posted.getDetailedCookie("academy-flash");
        assertThat(flash).isNotNull();
        assertThat(flash.getValue()).doesNotContain("请填写"); // a key, never text

        Response shown = admin.get().cookie("academy-flash", flash.getValue()).when().get("/plans");
        assertThat(Jsoup.parse(shown.asString()).select("#flash").text())
                .isEqualTo("请填写年度、名称、学时、截止日期并至少选择一门课程");
        assertThat(shown.getDetailedCookie("academy-flash").getMaxAge()).isZero(); // shown once

        Response english = admin.get().cookie("academy-lang", "en").cookie("academy-flash", flash.getValue()).when()
                .get("/plans");
        assertThat(Jsoup.parse(english.asString()).select("#flash").text())
                .isEqualTo("Enter the year, title, hours and due date, and choose at least one course");

        // no flash, no message
        assertThat(Jsoup.parse(admin.get().when().get("/plans").asString()).select("#flash")).isEmpty();
    }

    @Test
    void withoutItsPageAFormErrorIsTheErrorPageWithTheMessage() {
        Api admin = Api.as(accounts.create("err-page", Roles.ADMIN, "SFS").username, PASSWORD);
        // no Referer, or another site's: no redirect
        for (String referer : new String[] { null, "https://evil.example/plans" }) {
            var request = admin.post().redirects().follow(false).formParam("title", "缺少课程的计划");
            if (referer != null) {
                request.header("Referer", referer);
            }
            Response r = request.when().post("/plans");
            assertThat(r.statusCode()).as(String.valueOf(referer)).isEqualTo(400);
            assertThat(r.getDetailedCookie("academy-flash")).isNull();
            assertThat(r.asString()).contains("请填写年度、名称、学时、截止日期并至少选择一门课程");
        }
    }

    @Test
    void aForgedFlashShowsNothing() {
        Api admin = Api.as(accounts.create("err-forged", Roles.ADMIN, "SFS").username, PASSWORD);
        String forged = java.util.Base64.getUrlEncoder().encodeToString("<b>任意文字</b>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Response r = admin.get().cookie("academy-flash", forged).when().get("/plans");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.asString()).select("#flash")).isEmpty();
        assertThat(r.getDetailedCookie("academy-flash").getMaxAge()).isZero();
    }
}
