package cn.zhifa.academy.platform.web;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 12 items 11, 12 (SameSite) and 14 with the default (test) settings. */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    TestAccounts accounts;

    @Test
    void pagesAndApiCarryCspFramingReferrerAndSniffingHeaders() {
        for (String path : new String[] { "/login", "/api/v1/csrf-token", "/static/app.css" }) {
            Response r = given().when().get(path);
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'");
            assertThat(csp).as(path).doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src[^;]*unsafe-inline");
            assertThat(r.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.getHeader("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(r.getHeader("Strict-Transport-Security")).as("no HSTS outside production").isNull();
        }
    }

    @Test
    void theCsrfCookieHasSameSite() {
        Response r = given().when().get("/login");
        String csrf = r.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("academy-csrf="))
                .findFirst().orElseThrow();
        assertThat(csrf).containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void aCrossSiteLoginPostIsRefusedAndASameSiteOneWorks() {
        Account a = accounts.create("xsite", Roles.LEARNER, null);
        Response evil = given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("j_username", a.username).formParam("j_password", PASSWORD).when().post("/j_security_check");
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.getCookie("academy-session")).isNull();

        Response evilReferer = given().redirects().follow(false).header("Referer", "https://evil.example/form.html")
                .formParam("j_username", a.username).formParam("j_password", PASSWORD).when().post("/j_security_check");
        assertThat(evilReferer.statusCode()).isEqualTo(403);

        Response fetchMeta = given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParam("j_username", a.username).formParam("j_password", PASSWORD).when().post("/j_security_check");
        assertThat(fetchMeta.statusCode()).isEqualTo(403);

        Response nullOrigin = given().redirects().follow(false).header("Origin", "null")
                .formParam("j_username", a.username).formParam("j_password", PASSWORD).when().post("/j_security_check");
        assertThat(nullOrigin.statusCode()).isEqualTo(403);

        String own = "http://localhost:" + io.restassured.RestAssured.port;
        Response ok = given().redirects().follow(false).header("Origin", own).header("Referer", own + "/login")
                .header("Sec-Fetch-Site", "same-origin").formParam("j_username", a.username)
                .formParam("j_password", PASSWORD).when().post("/j_security_check");
        assertThat(ok.statusCode()).isIn(302, 303);
        assertThat(ok.getCookie("academy-session")).isNotBlank();
    }

    @Test
    void cookieHeadersGetSecureAndSameSiteOnlyWhenMissing() {
        assertThat(SecurityHeaders.fixCookieHeader("a=b; Path=/", true)).isEqualTo("a=b; Path=/; Secure; SameSite=Strict");
        assertThat(SecurityHeaders.fixCookieHeader("a=b; Path=/; Secure; SameSite=Lax", true))
                .isEqualTo("a=b; Path=/; Secure; SameSite=Lax");
        assertThat(SecurityHeaders.fixCookieHeader("a=b; Path=/", false)).isEqualTo("a=b; Path=/; SameSite=Strict");
        assertThat(SecurityHeaders.origin("HTTPS://Academy.example.gov.cn:443/x")).contains("https://academy.example.gov.cn");
        assertThat(SecurityHeaders.origin("http://localhost:8080/verify")).contains("http://localhost:8080");
    }
}
