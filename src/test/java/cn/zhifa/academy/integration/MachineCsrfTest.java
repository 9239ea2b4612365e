package cn.zhifa.academy.integration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.qualification.QualFixtures;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 17: a machine client's POST with a bearer token is not stopped by the browser CSRF filter
 * (also when its HTTP library keeps the cookies our answers set), while a browser session's POST
 * without the token still is, on the machine path as everywhere.
 */
@QuarkusTest
class MachineCsrfTest {

    @Inject
    TestAccounts accounts;

    @Inject
    QualFixtures fx;

    @Test
    void bearerPostsPassTheCsrfFilterAndCookieSessionsStillNeedTheToken() {
        Account sys = accounts.create("csrf-sys", Roles.SYSADMIN, null);
        Api admin = Api.as(sys.username, TestAccounts.PASSWORD);
        JsonPath writer = MachineApiTest.register(admin, "SFS-LJ", "READ_WRITE", 600);
        String token = MachineApiTest.token(writer);
        long person = fx.person("跨站甲", PersonCategory.OFFICER, "SFS-LJ-JB");
        Map<String, Object> leave = Map.of("employeeNo", MachineApiTest.employeeNo(person), "status", "ON_LEAVE",
                "since", "2026-06-01", "reason", "借调");

        // a plain machine client: bearer token, no cookie, no CSRF header
        given().auth().oauth2(token).contentType("application/json").body(List.of(leave)).when()
                .post("/api/v1/machine/roster/changes").then().statusCode(200);
        assertThat(MachineApiTest.status(person)).isEqualTo(EmploymentStatus.ON_LEAVE);

        // a machine client whose HTTP library keeps cookies sends back whatever our answers set
        Response read = given().auth().oauth2(token).when().get("/api/v1/machine/people?size=1");
        assertThat(read.statusCode()).isEqualTo(200);
        String jarred = read.getCookie("academy-csrf") != null ? read.getCookie("academy-csrf") : "kept-from-before";
        Map<String, Object> back = Map.of("employeeNo", MachineApiTest.employeeNo(person), "status", "ACTIVE",
                "since", "2026-07-01", "reason", "借调结束");
        given().auth().oauth2(token).cookie("academy-csrf", jarred).cookie("other", "x").contentType("application/json")
                .body(List.of(back)).when().post("/api/v1/machine/roster/changes").then().statusCode(200);
        assertThat(MachineApiTest.status(person)).isEqualTo(EmploymentStatus.ACTIVE);

        // a browser session without the token: refused, on the machine path and on a page form alike
        given().cookie("academy-session", admin.session()).contentType("application/json").body(List.of(leave)).when()
                .post("/api/v1/machine/roster/changes").then().statusCode(400);
        given().cookie("academy-session", admin.session()).cookie("academy-csrf", "forged").header("X-CSRF-TOKEN", "other")
                .contentType("application/json").body(Map.of("name", "x", "orgUnitId", 1, "access", "READ")).when()
                .post("/api/v1/admin/integrations/clients").then().statusCode(400);
        given().cookie("academy-session", admin.session()).redirects().follow(false).formParam("go", "1").when()
                .post("/logout").then()
                .statusCode(400);
        assertThat(MachineApiTest.status(person)).isEqualTo(EmploymentStatus.ACTIVE);
    }
}
