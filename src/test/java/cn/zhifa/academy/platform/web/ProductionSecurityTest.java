package cn.zhifa.academy.platform.web;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static cn.zhifa.academy.support.TestAccounts.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Issue 12 items 11, 12, 13 with the production settings of application.properties. */
@QuarkusTest
@TestProfile(ProductionSecurityProfile.class)
class ProductionSecurityTest {

    @Inject
    TestAccounts accounts;

    @Test
    void overPlainHttpEveryCookieIsStillSecureAndHstsIsSent() {
        Account a = accounts.create("prodcookie", Roles.LEARNER, null);
        Response page = given().when().get("/login");
        assertThat(page.getHeader("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(page.getHeaders().getValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));

        Response login = given().redirects().follow(false).formParam("j_username", a.username)
                .formParam("j_password", PASSWORD).when().post("/j_security_check");
        assertThat(login.getHeaders().getValues("Set-Cookie")).filteredOn(c -> c.startsWith("academy-session="))
                .singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("; Secure")
                        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }

    @Test
    void theApiDescriptionAndSwaggerUiAreNotAnonymous() {
        for (String path : new String[] { "/q/openapi", "/q/swagger-ui/", "/q/metrics" }) {
            Response anon = given().redirects().follow(false).when().get(path);
            assertThat(anon.statusCode()).as(path).isIn(302, 303, 401);
        }
        Account learner = accounts.create("prodlearner", Roles.LEARNER, null);
        given().redirects().follow(false).cookie("academy-session", login(learner.username, PASSWORD))
                .when().get("/q/openapi").then().statusCode(403);
        Account admin = accounts.create("prodadmin", Roles.SYSADMIN, null);
        given().cookie("academy-session", login(admin.username, PASSWORD)).accept("application/json")
                .when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void healthStaysOpenForBalancers() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theProductionImageServesHealthAndMetricsOnTheManagementInterface() throws Exception {
        String dockerfile = java.nio.file.Files.readString(java.nio.file.Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("package -DskipTests -Dquarkus.management.enabled=true");
        Map<String, String> prod = ProductionSecurityProfile.prodProperties();
        assertThat(prod).containsEntry("%prod.academy.security.secure-cookies", "true")
                .containsEntry("%prod.academy.security.hsts", "true")
                .containsEntry("%prod.quarkus.rest-csrf.cookie-force-secure", "true");
    }
}
