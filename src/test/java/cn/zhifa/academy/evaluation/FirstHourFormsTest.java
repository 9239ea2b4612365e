package cn.zhifa.academy.evaluation;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Issue 13 items 12 and 15: the plan form grouped and with courses by title; the assessment
 * started by name and with "2026年"; the blueprint's saved message; pages without codes,
 * developer words or two end dates for one suspension.
 */
@QuarkusTest
class FirstHourFormsTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EvalFixtures fx;

    private static Document page(Api who, String path) {
        return Jsoup.parse(who.get().when().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void cyclesAreReadAsPeopleWriteThem() {
        assertThat(Cycle.ANNUAL.normalise("2026年")).isEqualTo("2026");
        assertThat(Cycle.ANNUAL.normalise(" 2026年度 ")).isEqualTo("2026");
        assertThat(Cycle.ANNUAL.normalise("２０２６")).isEqualTo("2026");
        assertThat(Cycle.ANNUAL.parse("2026年").label()).isEqualTo("2026");
        assertThat(Cycle.QUARTERLY.normalise("2026年第三季度")).isEqualTo("2026-Q3");
        assertThat(Cycle.QUARTERLY.normalise("2026q3")).isEqualTo("2026-Q3");
        assertThat(Cycle.QUARTERLY.normalise("2026年第4季度")).isEqualTo("2026-Q4");
        assertThat(Cycle.MONTHLY.normalise("2026年7月")).isEqualTo("2026-07");
        assertThat(Cycle.MONTHLY.normalise("2026/7")).isEqualTo("2026-07");
        assertThat(Cycle.MONTHLY.normalise("2026-11")).isEqualTo("2026-11");
        assertThat(Cycle.ANNUAL.normalise("明年")).isEqualTo("明年");
    }

    @Test
    void anAssessmentIsStartedByNameAndWith2026Nian() {
        Account a = accounts.create("evalname", Roles.ADMIN, "SFS-LJ");
        String session = TestAccounts.login(a.username, PASSWORD);
        Api admin = new Api(session);
        long schemeId = admin.post().contentType("application/json")
                .body(EvalFixtures.scheme("T-" + UUID.randomUUID().toString().substring(0, 8), SubjectKind.AUXILIARY,
                        fx.unit("SFS-LJ")))
                .when().post("/api/v1/evaluation/schemes").then().statusCode(201).extract().jsonPath().getLong("id");
        Person p = fx.person("SFS-LJ-JB", PersonCategory.AUXILIARY);
        Response index = admin.get().when().get("/evaluations");
        Document form = Jsoup.parse(index.asString());
        assertThat(form.select("label[for=employeeNo]").text()).contains("姓名");
        assertThat(form.select("#employeeNo").attr("list")).isEqualTo("person-suggestions");
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(index);
        Response opened = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie("academy-session", session)
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field()).formParam("schemeId", schemeId)
                .formParam("employeeNo", p.name).formParam("cycle", "2025年").when().post("/evaluations/open");
        assertThat(opened.statusCode()).as(opened.asString()).isEqualTo(303);
        Evaluation e = QuarkusTransaction.requiringNew().call(() -> Evaluation.<Evaluation> find("personId", p.id).firstResult());
        assertThat(e.cycleLabel).isEqualTo("2025");

        // two people of one name: both are listed, nothing is opened
        Person twin = fx.person("SFS-LJ-JB", PersonCategory.AUXILIARY);
        QuarkusTransaction.requiringNew().run(() -> Person.update("name = ?1 WHERE id = ?2", p.name, twin.id));
        Response ambiguous = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie("academy-session", session)
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field()).formParam("schemeId", schemeId)
                .formParam("employeeNo", p.name).formParam("cycle", "2026年").when().post("/evaluations/open");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(ambiguous.asString()).select("#eval-error").text()).contains(p.employeeNo)
                .contains(twin.employeeNo).contains("工号");
        // somebody outside the administrator's district is not found by name
        Person far = fx.person("SFS-QS-SM", PersonCategory.AUXILIARY);
        Response outside = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie("academy-session", session)
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field()).formParam("schemeId", schemeId)
                .formParam("employeeNo", far.name).formParam("cycle", "2026").when().post("/evaluations/open");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(outside.asString()).select("#eval-error").text()).contains("没有找到");
    }

    @Test
    void thePlanFormGroupsTargetingAndOffersCoursesByTitle() {
        Account a = accounts.create("planform", Roles.ADMIN, "SFS");
        Document form = page(Api.as(a.username, PASSWORD), "/plans");
        assertThat(form.select("#aud-categories > legend").text()).isEqualTo("人员类别");
        assertThat(form.select("#aud-grades > legend").text()).contains("分级");
        assertThat(form.select("#aud-levels > legend").text()).isEqualTo("单位层级");
        assertThat(form.select("#aud-domains > legend").text()).isEqualTo("执法领域");
        assertThat(form.select("#aud-categories input[name=categories]")).isNotEmpty();
        assertThat(form.select("#aud-levels input[name=levels]")).hasSize(3);
        assertThat(form.select("#course-search").attr("data-filter")).isEqualTo("#course-picks");
        // courses by title, the code beside it
        assertThat(form.select("#course-picks label").text()).contains("行政处罚程序与陈述申辩听证权利");
        assertThat(form.select("#course-picks label[data-text*=行政处罚程序] input").attr("value")).isNotBlank();
    }

    @Test
    void theBlueprintSavedMessageSaysWhatWasSaved() {
        Account a = accounts.create("bpmsg", Roles.ADMIN, "SFS");
        Api admin = Api.as(a.username, PASSWORD);
        String name = "组卷 " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> single = Map.of("type", "单选", "count", 5, "points", 2);
        Map<String, Object> judge = Map.of("type", "判断", "count", 4, "points", 1);
        long id = admin.post().contentType("application/json")
                .body(Map.of("name", name, "passMark", 8, "sections", List.of(single, judge))).when()
                .post("/api/v1/blueprints").then().statusCode(201).extract().jsonPath().getLong("id");
        String done = page(admin, "/exam-admin/blueprints/" + id + "?done=created").select("#done").text();
        assertThat(done).contains(name).contains("2 个部分").contains("9 题").contains("14").contains("8")
                .doesNotContain("考试已保存为草稿");
    }

    @Test
    void pagesShowNamesNotCodesAndOneEndDate() {
        Account a = accounts.create("words", Roles.ADMIN, "SFS");
        Api admin = Api.as(a.username, PASSWORD);
        // the demo provider on the suspension list until (exclusive) 2028-03-01: its last day is 2028-02-29
        Long suspended = QuarkusTransaction.requiringNew().call(() -> Blacklisting.<Blacklisting> find(
                "endsOn = ?1 AND liftedAt IS NULL", java.time.LocalDate.of(2028, 3, 1)).firstResultOptional()
                .map(b -> b.providerId).orElse(null));
        assertThat(suspended).as("demo suspension").isNotNull();
        Document list = page(admin, "/providers");
        assertThat(list.select("#blacklist-" + suspended).text()).contains("2028-02-29");
        assertThat(list.select("#status-" + suspended)).as("no 合作中 beside a suspension").isEmpty();
        Document credit = page(admin, "/evaluations/providers/" + suspended);
        assertThat(credit.text()).contains("2028-02-29").doesNotContain("2028-03-01").doesNotContain("不含结束日");
        Document provider = page(admin, "/providers/" + suspended);
        assertThat(provider.select("#provider-status").text()).doesNotContain("合作中").contains("2028-02-29");
        assertThat(provider.text()).doesNotContain("2028-03-01");
        String providerName = QuarkusTransaction.requiringNew().call(() -> Provider.<Provider> findById(suspended).name);
        assertThat(list.text()).contains(providerName);

        // the question bank names the domain
        Account t = accounts.create("wordsbank", Roles.TRAINER, "SFS");
        Document bank = page(Api.as(t.username, PASSWORD), "/exam-admin/questions");
        assertThat(bank.text()).contains("通用").doesNotContain(" · TY · ");
    }

    @Test
    void builtInBandsAreEnglishOnEnglishPages() {
        Account a = accounts.create("words-en", Roles.ADMIN, "SFS");
        Api admin = Api.as(a.username, PASSWORD);
        String zh = admin.get().when().get("/evaluations").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assumptions.assumeTrue(zh.contains("合格"), "demo assessments with bands");
        Document en = Jsoup.parse(admin.get().cookie("academy-lang", "en").when().get("/evaluations").then().statusCode(200)
                .extract().asString());
        String bands = String.join(" ", en.select("table td:nth-child(5)").eachText());
        assertThat(bands).doesNotContain("合格").doesNotContain("优秀").containsAnyOf("Pass", "Fail", "Excellent", "Basic pass");
    }
}
