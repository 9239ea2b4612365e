package cn.zhifa.academy.caselibrary;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Script and event-handler markup written into a case never reaches a page, in any field. */
@QuarkusTest
class CaseSanitisingTest {

    static final String EVIL = "<script>alert('x')</script><img src=x onerror=\"alert(1)\">"
            + "<a href=\"javascript:alert(2)\" onclick=\"steal()\">点</a><svg onload=alert(3)></svg>"
            + "<iframe src=\"https://evil.example\"></iframe>";

    @Inject
    TestAccounts accounts;

    /** No script, no event handler, no javascript: URL anywhere on the page; the layout itself has none. */
    static void assertSafe(String html, String where) {
        Document doc = Jsoup.parse(html);
        // the layout's own icons are inline SVG (class "icon", paths only); any other SVG is injected markup
        assertThat(doc.select("script, iframe, object, embed, svg:not(.icon), img[onerror]")).as(where).isEmpty();
        assertThat(doc.select("svg.icon *").not("path")).as(where + " icon content").isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> {
                assertThat(a.getKey()).as(where + " <" + e.tagName() + "> attribute").doesNotStartWithIgnoringCase("on");
                assertThat(a.getValue()).as(where + " " + a.getKey()).doesNotContainIgnoringCase("javascript:");
            });
        }
    }

    @Test
    void markupInEveryFieldIsEscapedOrRemovedOnEveryPage() {
        String code = CaseFixtures.code();
        Map<String, Object> in = CaseFixtures.input(code, "蝈蝈");
        in.put("title", "蝈蝈案<script>alert('t')</script>");
        in.put("keywords", List.of("蝈蝈", "<b onmouseover=alert(1)>词</b>"));
        in.put("matter", "事项<img src=x onerror=alert(1)>");
        in.put("source", "来源<script>alert(9)</script>");
        in.put("tags", List.of("<i onclick=x()>签</i>"));
        in.put("legalBasis", List.of(Map.of("law", "国家赔偿法", "article", 2, "note", "说明" + EVIL)));
        Map<String, String> sections = new LinkedHashMap<>();
        for (CaseSection s : CaseSection.values()) {
            sections.put(s.key(), "蝈蝈的" + s.heading + "\n\n" + EVIL + "\n\n[链接](javascript:alert(4)) **加粗**");
        }
        in.put("sections", sections);

        Api author = Api.as(accounts.create("san-a", Roles.TRAINER, null).username, PASSWORD);
        Api reviewer = Api.as(accounts.create("san-r", Roles.TRAINER, null).username, PASSWORD);
        author.post().contentType(ContentType.JSON).body(in).when().post("/api/v1/cases").then().statusCode(201);

        // the draft as its author and its reviewer see it
        assertSafe(author.get().when().get("/cases/manage/" + code).then().statusCode(200).extract().asString(), "manage page");
        assertSafe(author.get().when().get("/cases/manage/" + code + "/edit").then().statusCode(200).extract().asString(),
                "edit form");
        author.post().when().post("/api/v1/cases/" + code + "/submit").then().statusCode(200);
        reviewer.post().contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/cases/" + code + "/approve").then()
                .statusCode(200);
        author.post().when().post("/api/v1/cases/" + code + "/publish").then().statusCode(200);

        Api reader = Api.as(accounts.create("san-l", Roles.LEARNER, null).username, PASSWORD);
        String page = reader.get().when().get("/cases/" + code).then().statusCode(200).extract().asString();
        assertSafe(page, "reading page");
        // the text is still there, shown as text
        assertThat(Jsoup.parse(page).select("#case-title").text()).isEqualTo("蝈蝈案<script>alert('t')</script>");
        assertThat(Jsoup.parse(page).select("#section-facts").text()).contains("<script>alert('x')</script>", "加粗");
        assertThat(Jsoup.parse(page).select("#section-facts strong").text()).isEqualTo("加粗");

        assertSafe(reader.get().when().get("/cases/" + code + "/print").then().statusCode(200).extract().asString(), "print");
        String results = reader.get().queryParam("q", "蝈蝈").when().get("/cases").then().statusCode(200).extract().asString();
        assertSafe(results, "search results");
        assertThat(Jsoup.parse(results).select("#case-hits mark").eachText()).contains("蝈蝈");
        assertThat(Jsoup.parse(results).select("#case-hits").text()).contains("<script>alert('t')</script>");

        // the API gives the HTML other features embed: sanitised as well
        String html = reader.get().when().get("/api/v1/cases/" + code).then().statusCode(200).extract().jsonPath()
                .getString("sections.find { it.key == 'facts' }.html");
        assertSafe(html, "API section html");
        String hitHtml = reader.get().queryParam("q", "蝈蝈").when().get("/api/v1/cases").then().extract().jsonPath()
                .getString("items[0].titleHtml") + reader.get().queryParam("q", "蝈蝈").when().get("/api/v1/cases").then()
                        .extract().jsonPath().getString("items[0].snippetHtml");
        assertSafe(hitHtml, "API hit html");
        assertThat(hitHtml).contains("&lt;script&gt;");
    }

    @Test
    void theAuthoringPreviewIsSanitisedToo() {
        Api author = Api.as(accounts.create("san-p", Roles.TRAINER, null).username, PASSWORD);
        var form = author.get().when().get("/cases/manage/new");
        var csrf = TestAccounts.csrfFrom(form);
        String body = CaseContent.bodyOf(Map.of(CaseSection.FACTS, EVIL));
        String html = author.get().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field())
                .formParam("code", CaseFixtures.code()).formParam("title", "预览<script>x()</script>").formParam("body", body)
                .formParam("action", "preview").when().post("/cases/manage/new").then().statusCode(200).extract().asString();
        assertSafe(html, "preview");
        assertThat(Jsoup.parse(html).select("#preview").text()).contains("<script>alert('x')</script>");
    }
}
