package cn.zhifa.academy.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.AccountService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/**
 * Creates throw-away accounts (unique names, so tests never share lockout state) and logs
 * them in through the real form login.
 */
@ApplicationScoped
public class TestAccounts {

    public static final String PASSWORD = "Test-pass-2026";

    @Inject
    AccountService accounts;

    public Account create(String prefix, String roles, String orgUnitCode) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> {
            Long unit = orgUnitCode == null ? null : OrgUnit.findByCode(orgUnitCode).orElseThrow().id;
            return accounts.create(username, "测试 " + prefix, PASSWORD, roles, unit, null, false);
        });
    }

    /** An account tied to a provider (provider managers) or to a person (learners). */
    public Account create(String prefix, String roles, String orgUnitCode, Long providerId, Long personId) {
        Account a = create(prefix, roles, orgUnitCode);
        QuarkusTransaction.requiringNew().run(() -> Account.update("providerId = ?1, personId = ?2 WHERE id = ?3",
                providerId, personId, a.id));
        return reload(a.id);
    }

    public Account reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account> findById(id));
    }

    /** Posts the login form; returns the raw response (302 either way). */
    public static Response postLogin(String username, String password) {
        return given().redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    /** Logs in and returns the session cookie value; fails the test if login fails. */
    public static String login(String username, String password) {
        Response r = postLogin(username, password);
        String session = r.getCookie("academy-session");
        if (session == null || r.getHeader("Location").contains("error")) {
            throw new AssertionError("login of " + username + " failed: " + r.getHeader("Location"));
        }
        return session;
    }

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** A page's CSRF pair: the hidden form field and the cookie that must accompany it. */
    public record Csrf(String field, String cookie) {
    }

    public static Csrf csrfFrom(Response page) {
        Matcher m = CSRF_FIELD.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the page");
        }
        return new Csrf(m.group(1), page.getCookie("academy-csrf"));
    }
}
