package cn.zhifa.academy.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests as a logged-in browser script makes them: session cookie, plus CSRF for posts. */
public record Api(String session) {

    public RequestSpecification get() {
        return given().cookie("academy-session", session);
    }

    /** With a fresh CSRF cookie and the matching X-CSRF-TOKEN header. */
    public RequestSpecification post() {
        Response csrf = given().cookie("academy-session", session).when().get("/api/v1/csrf-token");
        return given().cookie("academy-session", session).cookie("academy-csrf", csrf.getCookie("academy-csrf"))
                .header("X-CSRF-TOKEN", csrf.jsonPath().getString("token"));
    }

    public static Api as(String username, String password) {
        return new Api(TestAccounts.login(username, password));
    }
}
