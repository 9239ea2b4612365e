package cn.zhifa.academy.platform.security;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/** Issue 12 items 4 and 5: throttling per (account, client address); the same work for unknown users. */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    TestAccounts accounts;

    @Inject
    LoginThrottle throttle;

    private static Response loginFrom(String client, String username, String password) {
        return given().redirects().follow(false).header("X-Forwarded-For", client).formParam("j_username", username)
                .formParam("j_password", password).when().post("/j_security_check");
    }

    private static boolean succeeded(Response r) {
        return r.getCookie("academy-session") != null && !r.getHeader("Location").contains("error");
    }

    @Test
    void anAttackerSlowsDownOnlyHimselfAndTheOwnerStillLogsIn() {
        Account a = accounts.create("victim", Roles.SYSADMIN, null);
        for (int i = 0; i < 8; i++) {
            assertThat(succeeded(loginFrom("10.66.0.1", a.username, "Wrong-guess-" + i))).isFalse();
        }
        // the attacker's address now waits, even with the right password
        Response refused = loginFrom("10.66.0.1", a.username, PASSWORD);
        assertThat(succeeded(refused)).isFalse();
        // and the login page says to wait (not "wrong password": the password was not checked)
        String wait = refused.getCookie(LockoutIdentityProvider.WAIT_COOKIE);
        assertThat(wait).as("wait cookie").isNotBlank();
        String page = given().cookie(LockoutIdentityProvider.WAIT_COOKIE, wait).when().get(refused.getHeader("Location"))
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"login-wait\"").contains("秒后再试").doesNotContain("id=\"login-error\"");
        // the owner, from the usual client, is not locked out
        assertThat(succeeded(loginFrom("10.20.0.7", a.username, PASSWORD))).isTrue();
        Account after = accounts.reload(a.id);
        assertThat(after.lockedUntil).isNull();
        // failures audited as before, the throttling too
        assertThat(events("login.failed", a)).hasSize(5);
        assertThat(events("login.refused", a)).extracting(e -> e.detail).allMatch(d -> d.contains("throttled"));
        assertThat(throttle.blocked(java.time.Instant.now())).anyMatch(b -> b.username().equals(a.username)
                && b.client().equals("10.66.0.1"));
        // a wrong password (not throttled) still says so, without a wait
        Response wrong = loginFrom("10.66.0.2", a.username, "Wrong-once");
        assertThat(wrong.getCookie(LockoutIdentityProvider.WAIT_COOKIE)).isNull();
    }

    @Test
    void delaysGrowWithEveryFailureUpToTheCap() {
        assertThat(throttle.delayAfter(4)).isZero();
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.delayAfter(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(throttle.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(500)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void manyFailuresFromManyAddressesAlertAndAnAdministratorCanLiftTheDelays() {
        Account a = accounts.create("targeted", Roles.LEARNER, null);
        Account watcher = accounts.create("watcher", Roles.SYSADMIN, null);
        for (int client = 1; client <= 4; client++) {
            for (int i = 0; i < 5; i++) {
                loginFrom("10.77.0." + client, a.username, "Wrong-guess-" + i);
            }
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "action = 'login.attack_suspected' AND detail LIKE ?1", "%" + a.username + "%"))).hasSize(1);
        // system administrators are told, once
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM notification WHERE account_id = ?1 AND msg_key = 'notif_login_attack' "
                        + "AND arg1 = ?2").setParameter(1, watcher.id).setParameter(2, a.username).getSingleResult()))
                .isEqualTo(1L);
        assertThat(succeeded(loginFrom("10.77.0.1", a.username, PASSWORD))).isFalse();

        int lifted = liftAsSysadmin(a.username);
        assertThat(lifted).isEqualTo(4);
        assertThat(succeeded(loginFrom("10.77.0.1", a.username, PASSWORD))).isTrue();
    }

    int liftAsSysadmin(String username) {
        return throttle.lift(username);
    }

    @Test
    @TestSecurity(user = "learner-test", roles = Roles.LEARNER)
    void onlyAdministratorsSeeOrLiftThrottles() {
        given().when().get("/api/v1/login-throttles").then().statusCode(403);
        given().header("X-CSRF-TOKEN", "x").when().delete("/api/v1/login-throttles/anyone").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "sysadmin-test2", roles = Roles.SYSADMIN)
    void aSysadminListsThrottledPairs() {
        given().when().get("/api/v1/login-throttles").then().statusCode(200);
    }

    @Test
    void anUnknownUsernameCostsTheSameBcryptWorkAsAKnownOne() {
        Account a = accounts.create("timing", Roles.LEARNER, null);
        long all = PasswordHashing.verifications();
        long dummy = PasswordHashing.dummyVerifications();
        loginFrom("10.88.0.1", a.username, "Wrong-guess-1");
        assertThat(PasswordHashing.verifications() - all).isEqualTo(1);
        assertThat(PasswordHashing.dummyVerifications() - dummy).isZero();

        loginFrom("10.88.0.1", "nobody-" + System.nanoTime(), "Wrong-guess-1");
        assertThat(PasswordHashing.verifications() - all).isEqualTo(2);
        assertThat(PasswordHashing.dummyVerifications() - dummy).isEqualTo(1);
        // the dummy hash has the cost of real ones
        assertThat(PasswordHashing.cost(PasswordHashing.dummyHash()))
                .isEqualTo(PasswordHashing.cost(accounts.reload(a.id).passwordHash));
    }

    private static List<AuditEvent> events(String action, Account a) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "action = ?1 AND entityId = ?2 ORDER BY id", action, String.valueOf(a.id)));
    }
}
