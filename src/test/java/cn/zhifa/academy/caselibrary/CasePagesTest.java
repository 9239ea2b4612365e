package cn.zhifa.academy.caselibrary;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The case pages: reading, facets, print, language, and the trainer pages driven through their forms. */
@QuarkusTest
class CasePagesTest {

    @Inject
    TestAccounts accounts;

    Api learner;
    Api trainer;
    Api reviewer;

    @BeforeEach
    void setUp() {
        learner = Api.as(accounts.create("pl", Roles.LEARNER, null).username, PASSWORD);
        trainer = Api.as(accounts.create("pt", Roles.TRAINER, null).username, PASSWORD);
        reviewer = Api.as(accounts.create("pr", Roles.ADMIN, "SFS").username, PASSWORD);
    }

    static Document page(Api who, String path) {
        // paths come encoded (from links on pages): send them as they are
        return Jsoup.parse(who.get().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().asString());
    }

    /** A form post as a browser sends it: UTF-8, with the CSRF field of the page it came from. */
    static RequestSpecification form(Api who, String pagePath) {
        Response page = who.get().when().get(pagePath);
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(page);
        return who.get().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field());
    }

    @Test
    void readersFindTheLibraryAndReadACase() {
        assertThat(page(learner, "/").select("#card-cases").attr("href")).isEqualTo("/cases");
        Document search = page(learner, "/cases");
        assertThat(search.select("#main-nav a#nav-cases").attr("href")).isEqualTo("/cases");
        assertThat(search.select("h1").text()).isEqualTo("案例库");
        assertThat(search.select("#case-hits li")).hasSize(10); // the newest, first page
        assertThat(search.select("#manage-link")).as("readers do not author").isEmpty();

        Document hits = page(learner, "/cases?q=" + enc("占道经营"));
        assertThat(hits.select("#case-hits li a.case-hit-title").first().attr("href")).isEqualTo("/cases/ZH-2024-001");
        assertThat(hits.select("#case-hits mark").eachText()).contains("占道经营");
        String domainLink = hits.select("#facet-domain a").first().attr("href");
        Document filtered = page(learner, domainLink);
        assertThat(filtered.select("#active-filters a.chip")).hasSize(1);
        assertThat(filtered.select("#facet-domain li.selected")).hasSize(1);
        String cleared = filtered.select("#active-filters a.chip").attr("href");
        assertThat(cleared).contains("q=").doesNotContain("domain=");

        Document read = page(learner, "/cases/ZH-2024-001");
        assertThat(read.select("#case-title").text()).contains("占道经营");
        for (CaseSection s : CaseSection.values()) {
            assertThat(read.select("#section-" + s.key() + " h2").text()).isEqualTo(s.heading);
            assertThat(read.select("#section-" + s.key() + " .case-text").text()).isNotBlank();
        }
        assertThat(read.select("#case-basis li").first().text()).startsWith("《中华人民共和国行政处罚法》第五条");
        assertThat(read.select("#related a.related-link")).isNotEmpty();
        assertThat(read.select("#manage-case")).isEmpty();
        assertThat(read.select("#print-link").attr("href")).isEqualTo("/cases/ZH-2024-001/print");

        Document print = page(learner, "/cases/ZH-2024-001/print");
        assertThat(print.select("#main-nav")).as("no navigation on paper").isEmpty();
        assertThat(print.select("section h2").eachText()).hasSize(7).startsWith("基本案情");

        learner.get().when().get("/cases/ZZ-2020-001").then().statusCode(404).body(containsString("不存在"));
    }

    @Test
    void lessonsThatUseACaseAreListedWhenAFeatureReportsThem() {
        Document used = page(learner, "/cases/" + StubLessonUsage.CODE);
        assertThat(used.select("#usages a.usage-link").eachText()).containsExactly("渣土车抛洒的裁量基准（测试微课）");
        assertThat(page(learner, "/cases/WH-2024-001").select("#usages").text()).contains("尚未被课程或试题使用");
        // the curriculum's real implementation: the micro-course 柔性执法与首违不罚 embeds SJ-2025-001
        assertThat(page(learner, "/cases/SJ-2025-001").select("#usages a.usage-link").eachText())
                .anySatisfy(t -> assertThat(t).contains("柔性执法与首违不罚"));
        learner.get().when().get("/api/v1/cases/" + StubLessonUsage.CODE + "/usages").then().statusCode(200)
                .body("title[0]", containsString("测试微课"));
    }

    @Test
    void theApiIsDescribed() {
        learner.get().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/cases/import"), containsString("/api/v1/cases/{code}/approve"),
                        containsString("Case library"));
    }

    @Test
    void englishReadersGetTheEnglishBundle() {
        learner.get().cookie("academy-lang", "en").queryParam("q", "渣土车").when().get("/cases").then().statusCode(200)
                .body(containsString("Case library"), containsString("case(s) found"), containsString("Administrative penalty"),
                        not(containsString("找到")));
    }

    @Test
    void learnersCannotReachTheTrainerPages() {
        learner.get().when().get("/cases/manage").then().statusCode(403).body(containsString("没有权限"));
        learner.get().when().get("/cases/manage/new").then().statusCode(403);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        trainer.get().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("code", CaseFixtures.code()).formParam("action", "save").when().post("/cases/manage/new").then()
                .statusCode(400);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aTrainerWritesAndAColleagueReviewsThroughThePages() {
        String code = CaseFixtures.code();
        Map<String, Object> in = CaseFixtures.input(code, "蝴蝶");
        // a mistake first: the form says what is wrong, in Chinese, and keeps what was typed
        String bad = form(trainer, "/cases/manage/new").formParam("code", code).formParam("title", "蝴蝶标本案（测试案例）")
                .formParam("legalBasis", "看不懂的一行").formParam("body", "## 基本案情\n\n只有一段").formParam("action", "save")
                .when().post("/cases/manage/new").then().statusCode(422).extract().asString();
        Document errors = Jsoup.parse(bad);
        assertThat(errors.select("#form-errors li").eachText()).anyMatch(t -> t.contains("法律依据第 1 行“看不懂的一行”看不懂"));
        assertThat(errors.select("#title").attr("value")).isEqualTo("蝴蝶标本案（测试案例）");

        String body = CaseContent.bodyOf(Map.of(CaseSection.FACTS, "蝴蝶的基本案情。", CaseSection.INVESTIGATION, "调查。",
                CaseSection.HANDLING, "处理。", CaseSection.DISCRETION, "裁量。", CaseSection.PROCEDURE, "程序。",
                CaseSection.SIGNIFICANCE, "意义。", CaseSection.MISTAKES, "- 易错一\n- 易错二"));
        Response saved = form(trainer, "/cases/manage/new").formParam("code", code).formParam("title", "蝴蝶标本案（测试案例）")
                .formParam("keywords", "蝴蝶、标本").formParam("domain", "通用").formParam("matter", "测试事项蝴蝶")
                .formParam("caseType", "执法监督").formParam("orgLevel", "镇街").formParam("date", "2099-02-01")
                .formParam("source", "自动化测试").formParam("tags", "测试标签")
                .formParam("legalBasis", "国家赔偿法 第二条 测试引用\n国家赔偿法 3").formParam("body", body)
                .formParam("action", "save").when().post("/cases/manage/new");
        saved.then().statusCode(303);
        assertThat(saved.getHeader("Location")).endsWith("/cases/manage/" + code + "?done=saved");
        Document manage = page(trainer, "/cases/manage/" + code + "?done=saved");
        assertThat(manage.select("#done").text()).isEqualTo("草稿已保存。");
        assertThat(manage.select("#open-status").text()).isEqualTo("草稿");
        assertThat(manage.select("#open-version li").eachText()).contains("《中华人民共和国国家赔偿法》第二条：测试引用",
                "《中华人民共和国国家赔偿法》第三条");

        // edit keeps the format, attach a document
        Document edit = page(trainer, "/cases/manage/" + code + "/edit");
        assertThat(edit.select("#legalBasis").text()).contains("国家赔偿法 第二条 测试引用");
        assertThat(edit.select("#body").text()).contains("## 易错点");
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Response page = trainer.get().when().get("/cases/manage/" + code);
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(page);
        trainer.get().redirects().follow(false).cookie("academy-csrf", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("title", "处罚决定书（样本）", "text/plain; charset=UTF-8").multiPart("file", "decision.pdf", pdf, "application/pdf")
                .when().post("/cases/manage/" + code + "/attachments").then().statusCode(303);

        form(trainer, "/cases/manage/" + code).when().post("/cases/manage/" + code + "/submit").then().statusCode(303);
        // four eyes on the page: the author gets a friendly refusal, nothing changes
        String refused = form(trainer, "/cases/manage/" + code).when().post("/cases/manage/" + code + "/approve").then()
                .statusCode(403).extract().asString();
        assertThat(Jsoup.parse(refused).select("#action-error").text()).contains("四眼原则");
        assertThat(Jsoup.parse(refused).select("#four-eyes")).hasSize(1);

        form(reviewer, "/cases/manage/" + code).formParam("comment", "可以发布").when().post("/cases/manage/" + code + "/approve")
                .then().statusCode(303);
        form(reviewer, "/cases/manage/" + code).when().post("/cases/manage/" + code + "/publish").then().statusCode(303);

        Document published = page(learner, "/cases/" + code);
        assertThat(published.select("#section-mistakes li").eachText()).containsExactly("易错一", "易错二");
        String url = published.select("#case-attachments a").attr("href");
        assertThat(published.select("#case-attachments a").text()).isEqualTo("处罚决定书（样本）");
        learner.get().when().get(url).then().statusCode(200).contentType("application/pdf");

        // withdrawing needs a reason; then the case leaves the reading pages
        String noReason = form(reviewer, "/cases/manage/" + code).formParam("comment", "").when()
                .post("/cases/manage/" + code + "/withdraw").then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(noReason).select("#action-error").text()).contains("撤回时请写明原因");
        form(reviewer, "/cases/manage/" + code).formParam("comment", "需要核实").when()
                .post("/cases/manage/" + code + "/withdraw").then().statusCode(303);
        learner.get().when().get("/cases/" + code).then().statusCode(404);
        assertThat(page(trainer, "/cases/manage/" + code).select("#withdrawn-notice").text()).contains("已撤回", "需要核实");

        // write it again as version 2
        form(trainer, "/cases/manage/" + code).when().post("/cases/manage/" + code + "/revise").then().statusCode(303);
        assertThat(page(trainer, "/cases/manage/" + code).select("#open-status").text()).isEqualTo("草稿");
        assertThat(page(trainer, "/cases/manage").select("#my-work a.work-item").eachText()).contains("蝴蝶标本案（测试案例）");
        // a draft-only case: authors are sent to its workflow page
        trainer.get().redirects().follow(false).when().get("/cases/" + code).then().statusCode(303)
                .header("Location", containsString("/cases/manage/" + code));
        // the old, withdrawn version 1 stays readable to authors
        assertThat(page(trainer, "/cases/" + code + "/v/1").select("#version-notice").text()).contains("第 1 版", "已撤回");
        assertThat(in).isNotEmpty();
    }
}
