package cn.zhifa.academy.platform.security;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static cn.zhifa.academy.support.TestAccounts.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 12 items 6 and 7: "must change password" holds on every API call and page; the policy on the form. */
@QuarkusTest
class MustChangePasswordTest {

    @Inject
    TestAccounts accounts;

    @Test
    void untilChangedEveryApiCallIs403AndEveryPageGoesToTheForm() {
        Account a = accounts.create("initial", Roles.SYSADMIN, null);
        QuarkusTransaction.requiringNew().run(() -> Account.update("mustChangePassword = true WHERE id = ?1", a.id));
        String session = login(a.username, PASSWORD);

        for (String api : new String[] { "/api/v1/audit", "/api/v1/org-units", "/api/v1/notifications/count" }) {
            given().redirects().follow(false).cookie("academy-session", session).when().get(api).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(PasswordChangeGate.PROBLEM_TYPE)).body("status", equalTo(403));
        }
        for (String page : new String[] { "/", "/people", "/org", "/admin/audit", "/notifications" }) {
            Response r = given().redirects().follow(false).cookie("academy-session", session).when().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(303);
            assertThat(r.getHeader("Location")).as(page).endsWith("/account/password");
        }
        // the form, logout and static assets stay reachable
        Response form = given().cookie("academy-session", session).when().get("/account/password");
        assertThat(form.statusCode()).isEqualTo(200);
        // the rules are on the form before the first attempt, not only in the refusal
        assertThat(form.asString()).contains("id=\"password-rules\"").contains("不能包含用户名");
        given().when().get("/static/app.css").then().statusCode(200);

        // the demo password is refused as a new password, in Chinese
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(form);
        given().cookie("academy-session", session).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Demo@2026").formParam("confirmPassword", "Demo@2026")
                .when().post("/account/password").then().statusCode(400).body(containsString("过于常见或已经公开"));
        given().cookie("academy-session", session).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", a.username + "X").formParam("confirmPassword", a.username + "X")
                .when().post("/account/password").then().statusCode(400).body(containsString("不能包含用户名"));

        Response changed = given().cookie("academy-session", session).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Kx9#moonlit-Ferry").formParam("confirmPassword", "Kx9#moonlit-Ferry")
                .when().post("/account/password");
        assertThat(changed.statusCode()).isEqualTo(200);
        String now = changed.getCookie("academy-session");
        given().cookie("academy-session", now).when().get("/api/v1/org-units").then().statusCode(200);
        given().redirects().follow(false).cookie("academy-session", now).when().get("/").then().statusCode(200);
    }
}
