package cn.zhifa.academy.caselibrary;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The review workflow over the API: four eyes, transitions, audit, search membership, versions. */
@QuarkusTest
class CaseWorkflowTest {

    @Inject
    TestAccounts accounts;

    Api author;
    Api colleague;
    Api admin;
    Api learner;
    String authorName;
    String colleagueName;

    @BeforeEach
    void setUp() {
        authorName = accounts.create("author", Roles.TRAINER, null).username;
        author = Api.as(authorName, PASSWORD);
        colleagueName = accounts.create("reviewer", Roles.TRAINER, null).username;
        colleague = Api.as(colleagueName, PASSWORD);
        admin = Api.as(accounts.create("cadmin", Roles.ADMIN, "SFS").username, PASSWORD);
        learner = Api.as(accounts.create("reader", Roles.LEARNER, null).username, PASSWORD);
    }

    static ValidatableResponse post(Api who, String path, Object body) {
        var spec = who.post();
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.when().post(path).then();
    }

    static ValidatableResponse create(Api who, Map<String, Object> input) {
        return post(who, "/api/v1/cases", input);
    }

    static long hits(Api who, String q) {
        return who.get().queryParam("q", q).when().get("/api/v1/cases").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    static List<String> auditActions(String code) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "entityType = ?1 AND entityId = ?2 ORDER BY id", "typical_case", code).stream().map(e -> e.action + ":" + e.actor)
                .toList());
    }

    @Test
    void theAuthorCannotApproveOrSendBackTheirOwnCase() {
        String code = CaseFixtures.code();
        create(author, CaseFixtures.input(code, "风筝")).statusCode(201).body("status", equalTo("DRAFT"))
                .body("versionNo", equalTo(1)).body("author", equalTo(authorName));
        post(author, "/api/v1/cases/" + code + "/submit", null).statusCode(200).body("status", equalTo("IN_REVIEW"));

        post(author, "/api/v1/cases/" + code + "/approve", Map.of("comment", "自己审自己")).statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("四眼原则"));
        post(author, "/api/v1/cases/" + code + "/send-back", Map.of("comment", "x")).statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        author.get().when().get("/api/v1/cases/" + code + "/open").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("reviewer", equalTo(null));

        post(colleague, "/api/v1/cases/" + code + "/approve", Map.of("comment", "同意")).statusCode(200)
                .body("status", equalTo("APPROVED")).body("reviewer", equalTo(colleagueName))
                .body("reviewComment", equalTo("同意"));
        assertThat(auditActions(code)).containsExactly("case.created:" + authorName, "case.submitted:" + authorName,
                "case.approved:" + colleagueName);
    }

    @Test
    void theDatabaseItselfRefusesAReviewerWhoIsTheAuthor() {
        String code = CaseFixtures.code();
        create(author, CaseFixtures.input(code, "灯笼")).statusCode(201);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> QuarkusTransaction.requiringNew()
                .run(() -> CaseVersion.update("reviewer = author WHERE caseId = (SELECT c.id FROM TypicalCase c WHERE c.code = ?1)",
                        code)));
        assertThat(refused).isNotNull();
    }

    @Test
    void aCaseGoesThroughEveryTransitionAndWithdrawnCasesLeaveSearch() {
        String code = CaseFixtures.code();
        create(author, CaseFixtures.input(code, "砚台")).statusCode(201)
                .header("Location", containsString("/api/v1/cases/" + code + "/versions/1"));
        // a draft is invisible to readers and to search
        learner.get().when().get("/api/v1/cases/" + code).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        learner.get().when().get("/api/v1/cases/" + code + "/versions/1").then().statusCode(404);
        assertThat(hits(learner, "砚台")).isZero();

        // only the author edits the draft
        Map<String, Object> changed = CaseFixtures.input(code, "砚台");
        changed.put("title", "砚台案例标题已修改（测试案例）");
        author.post().contentType(ContentType.JSON).body(changed).when().put("/api/v1/cases/" + code + "/draft").then()
                .statusCode(200).body("title", equalTo("砚台案例标题已修改（测试案例）"));
        colleague.post().contentType(ContentType.JSON).body(changed).when().put("/api/v1/cases/" + code + "/draft").then()
                .statusCode(403);
        // publishing before review is refused
        post(author, "/api/v1/cases/" + code + "/publish", null).statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("草稿"));

        post(author, "/api/v1/cases/" + code + "/submit", null).statusCode(200);
        author.post().contentType(ContentType.JSON).body(changed).when().put("/api/v1/cases/" + code + "/draft").then()
                .statusCode(409);
        post(colleague, "/api/v1/cases/" + code + "/send-back", Map.of("comment", " ")).statusCode(400);
        post(colleague, "/api/v1/cases/" + code + "/send-back", Map.of("comment", "请补充裁量理由")).statusCode(200)
                .body("status", equalTo("DRAFT")).body("reviewComment", equalTo("请补充裁量理由"));
        post(author, "/api/v1/cases/" + code + "/submit", null).statusCode(200);
        post(admin, "/api/v1/cases/" + code + "/approve", Map.of()).statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(hits(learner, "砚台")).as("approved is not yet published").isZero();

        post(author, "/api/v1/cases/" + code + "/publish", null).statusCode(200).body("status", equalTo("PUBLISHED"));
        learner.get().when().get("/api/v1/cases/" + code).then().statusCode(200).body("versionNo", equalTo(1))
                .body("sections.find { it.key == 'facts' }.html", containsString("砚台"));
        assertThat(hits(learner, "砚台")).as("published cases are found").isEqualTo(1);

        post(author, "/api/v1/cases/" + code + "/withdraw", Map.of("comment", "")).statusCode(400);
        post(colleague, "/api/v1/cases/" + code + "/withdraw", Map.of("comment", "案情需核实")).statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawReason", equalTo("案情需核实"));
        assertThat(hits(learner, "砚台")).as("withdrawn cases leave search").isZero();
        assertThat(hits(learner, code)).as("not even by code").isZero();
        learner.get().when().get("/api/v1/cases/" + code).then().statusCode(404);
        learner.get().when().get("/api/v1/cases/" + code + "/versions/1").then().statusCode(404);
        author.get().when().get("/api/v1/cases/" + code + "/versions/1").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        post(author, "/api/v1/cases/" + code + "/withdraw", Map.of("comment", "再撤一次")).statusCode(409);

        assertThat(auditActions(code)).extracting(a -> a.substring(0, a.indexOf(':'))).containsExactly("case.created",
                "case.draft_updated", "case.submitted", "case.sent_back", "case.submitted", "case.approved",
                "case.published", "case.withdrawn");
        assertThat(auditActions(code).get(7)).isEqualTo("case.withdrawn:" + colleagueName);
    }

    /** create → submit → approve (by the colleague) → publish. */
    void publish(Map<String, Object> input) {
        String code = (String) input.get("code");
        create(author, input).statusCode(201);
        post(author, "/api/v1/cases/" + code + "/submit", null).statusCode(200);
        post(colleague, "/api/v1/cases/" + code + "/approve", Map.of()).statusCode(200);
        post(author, "/api/v1/cases/" + code + "/publish", null).statusCode(200);
    }

    @Test
    void aRevisionBecomesANewVersionAndTheOldOneStaysReadable() {
        String code = CaseFixtures.code();
        publish(CaseFixtures.input(code, "毛笔"));

        // anyone with the authoring role may revise; the reviser is the new version's author
        admin.post().when().post("/api/v1/cases/" + code + "/revise").then().statusCode(201)
                .body("versionNo", equalTo(2)).body("status", equalTo("DRAFT"));
        post(author, "/api/v1/cases/" + code + "/revise", null).statusCode(409).body("detail", containsString("第 2 版"));
        learner.get().when().get("/api/v1/cases/" + code).then().statusCode(200).body("versionNo", equalTo(1));

        Map<String, Object> v2 = CaseFixtures.input(code, "宣纸");
        admin.post().contentType(ContentType.JSON).body(v2).when().put("/api/v1/cases/" + code + "/draft").then()
                .statusCode(200);
        post(admin, "/api/v1/cases/" + code + "/submit", null).statusCode(200);
        // the author of version 1 did not write version 2, so may review it
        post(author, "/api/v1/cases/" + code + "/approve", Map.of()).statusCode(200);
        post(admin, "/api/v1/cases/" + code + "/publish", null).statusCode(200).body("versionNo", equalTo(2));

        learner.get().when().get("/api/v1/cases/" + code).then().statusCode(200).body("versionNo", equalTo(2))
                .body("title", containsString("宣纸"));
        learner.get().when().get("/api/v1/cases/" + code + "/versions/1").then().statusCode(200)
                .body("status", equalTo("SUPERSEDED")).body("title", containsString("毛笔"))
                .body("publishedVersionNo", equalTo(2));
        learner.get().when().get("/api/v1/cases/" + code + "/versions").then().statusCode(200)
                .body("versionNo", equalTo(List.of(2, 1))).body("status", equalTo(List.of("PUBLISHED", "SUPERSEDED")));
        assertThat(hits(learner, "宣纸")).isEqualTo(1);
        assertThat(hits(learner, "毛笔")).as("the index holds the published version only").isZero();
        given().when().get("/cases/" + code + "/v/1").then().statusCode(200); // a page: redirected to login
        assertThat(auditActions(code)).anyMatch(a -> a.startsWith("case.revised:"))
                .filteredOn(a -> a.startsWith("case.published")).hasSize(2);
    }

    @Test
    void invalidInputIsAProblemWithEveryField() {
        Map<String, Object> bad = CaseFixtures.input("TY-2099-1", "风筝");
        bad.remove("title");
        bad.put("domain", "城管");
        bad.put("legalBasis", List.of(Map.of("law", "行政处罚法", "article", 87)));
        bad.put("sections", Map.of("facts", "只有基本案情"));
        create(author, bad).statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", org.hamcrest.Matchers.hasItems("code", "title", "domain", "legalBasis[1].article",
                        "sections.mistakes"))
                .body("errors.find { it.field == 'legalBasis[1].article' }.message", containsString("行政处罚法只有 86 条"));

        String code = CaseFixtures.code();
        create(author, CaseFixtures.input(code, "风筝")).statusCode(201);
        create(colleague, CaseFixtures.input(code, "风筝")).statusCode(409).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void rolesAndScope() {
        given().when().get("/api/v1/cases").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        learner.get().when().get("/api/v1/cases").then().statusCode(200);
        create(learner, CaseFixtures.input(CaseFixtures.code(), "风筝")).statusCode(403).contentType(Problem.MEDIA_TYPE);
        post(learner, "/api/v1/cases/import", null).statusCode(403);
        post(learner, "/api/v1/cases/SJ-2025-001/withdraw", Map.of("comment", "x")).statusCode(403);
        post(learner, "/api/v1/cases/SJ-2025-001/revise", null).statusCode(403);
        learner.get().when().get("/api/v1/cases/work").then().statusCode(403);
        learner.get().when().get("/api/v1/cases/SJ-2025-001/open").then().statusCode(403);
        // administrators write and review, but importing the curated folder is for trainers and system administrators
        post(admin, "/api/v1/cases/import", null).statusCode(403);
        Api provider = Api.as(accounts.create("pm", Roles.PROVIDER_MANAGER, null).username, PASSWORD);
        provider.get().when().get("/api/v1/cases/SJ-2025-001").then().statusCode(200);
        create(provider, CaseFixtures.input(CaseFixtures.code(), "风筝")).statusCode(403);

        String code = CaseFixtures.code();
        create(author, CaseFixtures.input(code, "风筝")).statusCode(201);
        post(author, "/api/v1/cases/" + code + "/submit", null).statusCode(200);
        colleague.get().queryParam("status", "IN_REVIEW").when().get("/api/v1/cases/work").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItem(code));
        author.get().queryParam("status", "IN_REVIEW").queryParam("mine", true).when().get("/api/v1/cases/work").then()
                .statusCode(200).body("code", equalTo(List.of(code)));
    }
}
