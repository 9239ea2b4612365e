package cn.zhifa.academy.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests as a logged-in browser script makes them: session cookie, plus CSRF for posts. */
public record Api(String session) {

    /** Browsers send form fields in UTF-8; REST Assured's default would be ISO-8859-1. */
    static final io.restassured.config.RestAssuredConfig UTF8 = io.restassured.config.RestAssuredConfig.config()
            .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));

    public RequestSpecification get() {
        return given().cookie("academy-session", session);
    }

    /** With a fresh CSRF cookie and the matching X-CSRF-TOKEN header. */
    public RequestSpecification post() {
        Response csrf = given().cookie("academy-session", session).when().get("/api/v1/csrf-token");
        return given().config(UTF8).cookie("academy-session", session).cookie("academy-csrf", csrf.getCookie("academy-csrf"))
                .header("X-CSRF-TOKEN", csrf.jsonPath().getString("token"));
    }

    public static Api as(String username, String password) {
        return new Api(TestAccounts.login(username, password));
    }
}
