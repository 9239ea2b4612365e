package cn.zhifa.academy.organization;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static cn.zhifa.academy.support.TestAccounts.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The organisation-scope hook, through the unit API and page (demo city 示范市). */
@QuarkusTest
class OrgScopeTest {

    @Inject
    TestAccounts accounts;

    static long unit(String code) {
        return QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(code).orElseThrow().id);
    }

    @Test
    void districtAdminSeesOnlyTheirSubtree() {
        Account a = accounts.create("lj-admin", Roles.ADMIN, "SFS-LJ");
        String session = login(a.username, PASSWORD);
        List<String> codes = given().cookie("academy-session", session).when().get("/api/v1/org-units").then()
                .statusCode(200).extract().jsonPath().getList("code");
        assertThat(codes).containsExactlyInAnyOrder("SFS-LJ", "SFS-LJ-JB", "SFS-LJ-WJ");

        given().cookie("academy-session", session).when().get("/api/v1/org-units/" + unit("SFS-LJ-JB")).then()
                .statusCode(200).body("name", equalTo("江滨街道")).body("departments[0].name", containsString("执法队"));
        given().cookie("academy-session", session).when().get("/api/v1/org-units/" + unit("SFS-QS")).then()
                .statusCode(403).contentType("application/problem+json");
        given().cookie("academy-session", session).when().get("/api/v1/org-units/" + unit("SFS")).then()
                .statusCode(403);

        given().cookie("academy-session", session).when().get("/org").then().statusCode(200)
                .body(containsString("江滨街道"), not(containsString("青山镇")));
    }

    @Test
    void cityAdminSeesTheWholeCity() {
        Account a = accounts.create("city-admin", Roles.ADMIN, "SFS");
        String session = login(a.username, PASSWORD);
        List<String> codes = given().cookie("academy-session", session).when().get("/api/v1/org-units").then()
                .statusCode(200).extract().jsonPath().getList("code");
        assertThat(codes).hasSizeGreaterThanOrEqualTo(10).contains("SFS", "SFS-QS-QS", "SFS-YX-BS");
        assertThat(codes.get(0)).isEqualTo("SFS");
    }

    @Test
    void learnersHaveNoOrganisationScope() {
        Account a = accounts.create("learner", Roles.LEARNER, "SFS-LJ-JB");
        String session = login(a.username, PASSWORD);
        given().cookie("academy-session", session).when().get("/api/v1/org-units").then().statusCode(403)
                .contentType("application/problem+json");
        given().cookie("academy-session", session).when().get("/org").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("您没有权限"));
    }

    @Test
    void unknownUnitIs404() {
        Account a = accounts.create("sys", Roles.SYSADMIN, null);
        String session = login(a.username, PASSWORD);
        given().cookie("academy-session", session).when().get("/api/v1/org-units/99999999").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
