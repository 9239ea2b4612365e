package cn.zhifa.academy.platform;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static cn.zhifa.academy.support.TestAccounts.login;
import static cn.zhifa.academy.support.TestAccounts.postLogin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LoginTest {

    @Inject
    TestAccounts accounts;

    @Test
    void loginPageIsChineseAndCarriesACsrfToken() {
        given().when().get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">"), containsString("登录"), containsString("name=\"csrf-token\""));
    }

    @Test
    void correctPasswordOpensASessionAndTheHomePage() {
        Account a = accounts.create("ok", Roles.LEARNER, null);
        String session = login(a.username, PASSWORD);
        given().cookie("academy-session", session).when().get("/").then().statusCode(200)
                .body(containsString("您好，测试 ok"));
        assertThat(accounts.reload(a.id).lastLoginAt).isNotNull();
        assertThat(events(a, "login.succeeded")).hasSize(1);
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        Account a = accounts.create("wrong", Roles.LEARNER, null);
        Response r = postLogin(a.username, "not-the-password1");
        assertThat(r.statusCode()).isIn(302, 303);
        assertThat(r.getHeader("Location")).endsWith("/login?error=1");
        assertThat(r.getCookie("academy-session")).isNull();
        assertThat(accounts.reload(a.id).failedLogins).isEqualTo(1);
        assertThat(events(a, "login.failed")).hasSize(1);
        given().when().get("/login?error=1").then().body(containsString("用户名或密码错误"));
    }

    @Test
    void fiveFailuresDoNotLockTheAccountForItsOwner() {
        // issue 12 item 4: the old hard lock let anyone lock out anyone; see LoginThrottleTest
        Account a = accounts.create("lock", Roles.LEARNER, null);
        for (int i = 0; i < 5; i++) {
            given().redirects().follow(false).header("X-Forwarded-For", "10.99.0.1").formParam("j_username", a.username)
                    .formParam("j_password", "wrong-password-" + i).when().post("/j_security_check");
        }
        assertThat(accounts.reload(a.id).lockedUntil).isNull();
        assertThat(events(a, "login.failed")).hasSize(5);
        assertThat(events(a, "account.locked")).isEmpty();
        assertThat(login(a.username, PASSWORD)).isNotBlank();
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        Response r = postLogin("nobody-" + System.nanoTime(), "whatever1");
        assertThat(r.getHeader("Location")).endsWith("/login?error=1");
    }

    @Test
    void disabledAccountLosesItsSessionAtOnce() {
        Account a = accounts.create("disabled", Roles.LEARNER, null);
        String session = login(a.username, PASSWORD);
        QuarkusTransaction.requiringNew().run(() -> Account.update("enabled = false WHERE id = ?1", a.id));
        // the local cache entry is dropped when the commit's NOTIFY arrives (see SessionEndTest)
        cn.zhifa.academy.platform.security.SessionEndTest.awaitTrue(() -> given().cookie("academy-session", session)
                .when().get("/api/v1/media/1").statusCode() == 401);
    }

    @Test
    void apiWithoutSessionAnswers401ProblemJsonNotARedirect() {
        given().redirects().follow(false).when().get("/api/v1/org-units").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void pageWithoutSessionRedirectsToLogin() {
        Response r = given().redirects().follow(false).when().get("/org");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getHeader("Location")).endsWith("/login");
    }

    @Test
    void changePasswordNeedsTheCsrfToken() {
        Account a = accounts.create("csrf", Roles.LEARNER, null);
        String session = login(a.username, PASSWORD);
        // no token at all
        given().cookie("academy-session", session).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Another-pass-1").formParam("confirmPassword", "Another-pass-1")
                .when().post("/account/password").then().statusCode(400);
        // a forged token
        Response form = given().cookie("academy-session", session).when().get("/account/password");
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(form);
        given().cookie("academy-session", session).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", "forged" + csrf.field()).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Another-pass-1").formParam("confirmPassword", "Another-pass-1")
                .when().post("/account/password").then().statusCode(400);
        assertThat(accounts.reload(a.id).passwordMatches(PASSWORD)).isTrue();
    }

    @Test
    void changePasswordWithTokenChecksRulesAndAudits() {
        Account a = accounts.create("pw", Roles.LEARNER, null);
        String session = login(a.username, PASSWORD);
        Response form = given().cookie("academy-session", session).when().get("/account/password");
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(form);

        given().cookie("academy-session", session).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "short").formParam("confirmPassword", "short")
                .when().post("/account/password").then().statusCode(400).body(containsString("新密码至少 8 位"));

        given().cookie("academy-session", session).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Brand-new-pass-7").formParam("confirmPassword", "Brand-new-pass-7")
                .when().post("/account/password").then().statusCode(200).body(containsString("密码已修改"));

        Account changed = accounts.reload(a.id);
        assertThat(changed.passwordMatches("Brand-new-pass-7")).isTrue();
        assertThat(changed.passwordHash).startsWith("$2");
        assertThat(events(a, "account.password_changed")).hasSize(1);
        assertThat(login(a.username, "Brand-new-pass-7")).isNotBlank();
    }

    @Test
    void logoutEndsTheSession() {
        Account a = accounts.create("logout", Roles.LEARNER, null);
        String session = login(a.username, PASSWORD);
        Response home = given().cookie("academy-session", session).when().get("/");
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(home);
        Response out = given().redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", csrf.cookie()).formParam("csrf-token", csrf.field()).when().post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getHeader("Location")).endsWith("/login");
        assertThat(out.getDetailedCookie("academy-session").getMaxAge()).isEqualTo(0);
        assertThat(events(a, "logout")).hasSize(1);
    }

    private static List<AuditEvent> events(Account a, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "action = ?1 AND entityId = ?2 ORDER BY id", action, String.valueOf(a.id)));
    }
}
