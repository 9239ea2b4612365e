package cn.zhifa.academy.platform.security;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static cn.zhifa.academy.support.TestAccounts.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.support.TestAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 12 item 3 / issue 11 build item 3: sessions end at once, on every node; identities are cached. */
@QuarkusTest
public class SessionEndTest {

    @Inject
    TestAccounts accounts;

    @Inject
    IdentityCache cache;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "academy.db-schema")
    String schema;

    private static int status(String session, String path) {
        return given().redirects().follow(false).cookie("academy-session", session).when().get(path).statusCode();
    }

    @Test
    void aSavedSessionCookieIsRefusedAfterLogoutAndSoIsEveryOtherSessionOfTheAccount() {
        Account a = accounts.create("logout-all", Roles.LEARNER, null);
        String saved = login(a.username, PASSWORD);
        String otherDevice = login(a.username, PASSWORD);
        assertThat(status(saved, "/api/v1/notifications/count")).isEqualTo(200);

        Response home = given().cookie("academy-session", saved).when().get("/");
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(home);
        given().redirects().follow(false).cookie("academy-session", saved).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).when().post("/logout").then().statusCode(303);

        // the cookie the browser was told to forget, replayed: refused; the other device too
        assertThat(status(saved, "/api/v1/notifications/count")).isEqualTo(401);
        assertThat(status(otherDevice, "/api/v1/notifications/count")).isEqualTo(401);
        assertThat(status(saved, "/")).isEqualTo(303);
        // a new login works
        assertThat(status(login(a.username, PASSWORD), "/api/v1/notifications/count")).isEqualTo(200);
    }

    /**
     * Found walking the pages at 360 px: a browser still holding an ended session's cookie (a tab
     * open across a logout, another device after a password change) was sent to /login with it,
     * refused again there, and so on until the browser gave up (ERR_TOO_MANY_REDIRECTS). The
     * refusal now expires the cookie, and the login page says the session ended.
     */
    @Test
    void aBrowserHoldingAnEndedSessionLandsOnTheLoginPageToldWhyInsteadOfLooping() {
        Account a = accounts.create("stale-tab", Roles.LEARNER, null);
        String stale = login(a.username, PASSWORD);
        login(a.username, PASSWORD); // nothing changes yet
        QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager()
                .createNativeQuery("UPDATE account SET session_epoch = session_epoch + 1 WHERE id = ?1")
                .setParameter(1, a.id).executeUpdate());
        cache.invalidate(a.username);

        // follow redirects as a browser does: Set-Cookie replaces what it sends next
        java.util.Map<String, String> jar = new java.util.HashMap<>(java.util.Map.of("academy-session", stale));
        String path = "/learn";
        Response r = null;
        for (int hop = 0; hop < 6; hop++) {
            r = given().redirects().follow(false).cookies(jar).when().get(path);
            r.getDetailedCookies().asList().forEach(c -> {
                if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                    jar.remove(c.getName());
                } else {
                    jar.put(c.getName(), c.getValue());
                }
            });
            if (r.statusCode() != 302 && r.statusCode() != 303) {
                break;
            }
            path = java.net.URI.create(r.getHeader("Location")).getRawPath()
                    + (r.getHeader("Location").contains("?") ? "?" + r.getHeader("Location").split("\\?", 2)[1] : "");
        }
        assertThat(r.statusCode()).as("a page, not another redirect").isEqualTo(200);
        assertThat(path).startsWith("/login");
        assertThat(jar).doesNotContainKey("academy-session");
        assertThat(r.asString()).contains("id=\"login-ended\"").doesNotContain("id=\"login-error\"");
        // shown once: the next visit to the login page is a plain one
        given().cookies(jar).when().get("/login").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("login-ended")));
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionButTheChangerGoesOn() {
        Account a = accounts.create("pw-ends", Roles.LEARNER, null);
        String changer = login(a.username, PASSWORD);
        String other = login(a.username, PASSWORD);
        Response form = given().cookie("academy-session", changer).when().get("/account/password");
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(form);
        Response changed = given().cookie("academy-session", changer).cookie("academy-csrf", csrf.cookie())
                .formParam("csrf-token", csrf.field()).formParam("currentPassword", PASSWORD)
                .formParam("newPassword", "Kx9#moonlit-Ferry").formParam("confirmPassword", "Kx9#moonlit-Ferry")
                .when().post("/account/password");
        assertThat(changed.statusCode()).isEqualTo(200);
        String reissued = changed.getCookie("academy-session");
        assertThat(reissued).isNotBlank().isNotEqualTo(changer);

        assertThat(status(other, "/api/v1/notifications/count")).isEqualTo(401);
        assertThat(status(changer, "/api/v1/notifications/count")).isEqualTo(401);
        assertThat(status(reissued, "/api/v1/notifications/count")).isEqualTo(200);
        assertThat(accounts.reload(a.id).sessionEpoch).isEqualTo(1);
    }

    @Test
    void aDisabledAccountIsRefusedOnTheNextRequestEvenWhenDisabledBySqlOutsideTheService() throws Exception {
        Account a = accounts.create("disable", Roles.LEARNER, null);
        String session = login(a.username, PASSWORD);
        assertThat(status(session, "/api/v1/notifications/count")).isEqualTo(200);
        long loads = cache.loads();
        assertThat(status(session, "/api/v1/notifications/count")).isEqualTo(200);
        assertThat(cache.loads()).as("a cached identity reads no account row").isEqualTo(loads);

        // an operator disables the account with plain SQL: the trigger bumps the epoch and NOTIFYs
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account SET enabled = false WHERE id = " + a.id);
        }
        awaitTrue(() -> cache.loads() > loads || !cache.get(a.username).orElseThrow().enabled());
        assertThat(status(session, "/api/v1/notifications/count")).isEqualTo(401);
        assertThat(accounts.reload(a.id).sessionEpoch).isEqualTo(1);
    }

    @Test
    void aNotifyFromAnotherNodeDropsTheCachedIdentityHere() throws Exception {
        Account a = accounts.create("notify", Roles.LEARNER, null);
        assertThat(cache.isListening()).isTrue();
        assertThat(cache.get(a.username)).isPresent();
        long loads = cache.loads();
        cache.get(a.username);
        assertThat(cache.loads()).isEqualTo(loads);

        // what the trigger on another node's commit sends, sent directly over JDBC
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('account_changed', '" + schema + " " + a.username + "')");
        }
        awaitTrue(() -> {
            cache.get(a.username);
            return cache.loads() > loads;
        });
        // a notification for the same name in another schema (another installation) is not ours
        long after = cache.loads();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('account_changed', 'some_other_schema " + a.username + "')");
            s.execute("SELECT pg_notify('account_changed', '" + schema + " " + a.username + "-x')");
            s.execute("SELECT pg_notify('account_changed', '" + schema + " " + a.username + "')");
        }
        awaitTrue(() -> {
            cache.get(a.username);
            return cache.loads() > after;
        });
        assertThat(cache.loads()).isEqualTo(after + 1);
    }

    @Test
    void theEpochNeverGoesBackWhenAnOldEntityIsWrittenBack() {
        Account a = accounts.create("epoch-down", Roles.LEARNER, null);
        QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager()
                .createNativeQuery("UPDATE account SET session_epoch = 5 WHERE id = ?1").setParameter(1, a.id)
                .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager()
                .createNativeQuery("UPDATE account SET session_epoch = 2 WHERE id = ?1").setParameter(1, a.id)
                .executeUpdate());
        assertThat(accounts.reload(a.id).sessionEpoch).isEqualTo(5);
    }

    @Test
    void principalNamesCarryTheEpochAndTheUsernameComesBackIntact() {
        assertThat(SessionPrincipal.name("admin.linjiang", 7)).isEqualTo("admin.linjiang|7");
        assertThat(SessionPrincipal.username("admin.linjiang|7")).isEqualTo("admin.linjiang");
        assertThat(SessionPrincipal.epoch("admin.linjiang|7")).isEqualTo(7);
        assertThat(SessionPrincipal.username("a|b|12")).isEqualTo("a|b");
        assertThat(SessionPrincipal.epoch("plain")).isEqualTo(-1);
        assertThat(SessionPrincipal.username("plain")).isEqualTo("plain");
        assertThat(SessionPrincipal.epoch("x|")).isEqualTo(-1);
    }

    public static void awaitTrue(BooleanSupplier condition) {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("condition not met after waiting");
    }
}
