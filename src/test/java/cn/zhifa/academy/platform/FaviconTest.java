package cn.zhifa.academy.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every page names a favicon that exists (no 404 on every page), reachable before login. */
@QuarkusTest
class FaviconTest {

    @Test
    void pagesLinkAFaviconThatIsServedWithoutLogin() {
        given().when().get("/login").then().statusCode(200)
                .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
        given().redirects().follow(false).when().get("/favicon.svg").then().statusCode(200)
                .contentType(containsString("svg")).body(containsString("<svg"));
    }
}
