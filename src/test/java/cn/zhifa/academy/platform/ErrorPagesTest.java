package cn.zhifa.academy.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownPageIsAFriendlyChinese404() {
        given().when().get("/no/such/page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("您访问的页面不存在"), containsString("返回首页"));
    }

    @Test
    void unknownApiPathIsProblemJson() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("type", containsString("not-found"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItems("object-store", "Database connections health check"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/media"));
    }
}
