package cn.zhifa.academy.matters;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Editing a matter in the browser form: CSRF, scope of the towns, the city's catalogue fields, audit. */
@QuarkusTest
class MatterEditTest {

    @Inject
    TestAccounts accounts;

    static Set<String> towns(long id) {
        return QuarkusTransaction.requiringNew().call(() -> DelegatedMatter.<DelegatedMatter> findById(id).townIds
                .stream().map(t -> OrgUnit.<OrgUnit> findById(t).code).collect(Collectors.toSet()));
    }

    /** Posts the edit form as the browser does: the page's CSRF field and cookie, the form's fields. */
    static Response postForm(String session, long id, Map<String, ?> fields, List<String> towns) {
        Response page = given().cookie("academy-session", session).when().get("/matters/" + id);
        page.then().statusCode(200);
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(page);
        var req = given().redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", csrf.cookie()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", csrf.field());
        fields.forEach(req::formParam);
        for (String t : towns) {
            req.formParam("towns", t);
        }
        return req.when().post("/matters/" + id);
    }

    @Test
    void aDistrictAdminMovesItsTownsButCannotRenameTheMatter() {
        Api city = Api.as(accounts.create("medit", Roles.ADMIN, "SFS").username, PASSWORD);
        String code = "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> form = Map.of("code", code, "name", "编辑测试事项", "domain", "综合行政执法", "legalBasis",
                "依据以地方目录为准", "highFrequency", false, "townCodes", List.of("SFS-LJ-JB", "SFS-YX-BS"), "effectiveOn",
                "2025-01-01");
        long id = city.post().contentType("application/json").body(form).when().post("/api/v1/matters").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        String district = TestAccounts.login(accounts.create("meditd", Roles.ADMIN, "SFS-LJ").username, PASSWORD);
        Map<String, Object> same = Map.of("code", code, "name", "编辑测试事项", "domain", "综合行政执法", "legalBasis",
                "依据以地方目录为准", "effectiveOn", "2025-01-01");
        // the form without CSRF is refused
        given().cookie("academy-session", district).contentType("application/x-www-form-urlencoded")
                .formParam("code", code).formParam("towns", "SFS-LJ-WJ").when().post("/matters/" + id).then()
                .statusCode(400);
        assertThat(towns(id)).containsExactlyInAnyOrder("SFS-LJ-JB", "SFS-YX-BS");

        Response moved = postForm(district, id, same, List.of("SFS-LJ-WJ"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(towns(id)).containsExactlyInAnyOrder("SFS-LJ-WJ", "SFS-YX-BS");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "action = 'matter.updated' AND entityId = ?1", String.valueOf(id)))).singleElement()
                .satisfies(e -> assertThat(e.detail).contains("江滨街道").contains("望江街道"));

        Map<String, Object> renamed = new java.util.HashMap<>(same);
        renamed.put("name", "改名");
        Response refused = postForm(district, id, renamed, List.of("SFS-LJ-WJ"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("matter-errors");
        assertThat(QuarkusTransaction.requiringNew().call(() -> DelegatedMatter.<DelegatedMatter> findById(id).name))
                .isEqualTo("编辑测试事项");

        // another district's town cannot be offered by the form
        Response outside = postForm(district, id, same, List.of("SFS-YX-YX"));
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(towns(id)).containsExactlyInAnyOrder("SFS-LJ-WJ", "SFS-YX-BS");
    }
}
