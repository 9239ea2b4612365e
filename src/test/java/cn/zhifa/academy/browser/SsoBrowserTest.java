package cn.zhifa.academy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.qualification.QualFixtures;
import cn.zhifa.academy.support.Await;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.KeycloakResource;
import cn.zhifa.academy.support.SsoProfile;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 17 item 1, end to end in Chromium against a real Keycloak process: 使用政务账号登录 runs
 * the authorization code flow with PKCE, the employee_number claim finds the officer's account,
 * and the session afterwards is ours (logout ends it and the provider's session, disabling the
 * account ends it at once); a provider account that matches nobody gets a Chinese page and an
 * audit event, never a new account. The password form is switched off in this profile.
 */
@QuarkusTest
@TestProfile(SsoProfile.class)
class SsoBrowserTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    QualFixtures fx;

    @Inject
    TestAccounts accounts;

    @Inject
    EntityManager em;

    /** The officer whose employee number the provider's user zhang.wei carries (SSO0001). */
    Account officer() {
        long person = fx.person("张伟", PersonCategory.OFFICER, "SFS-LJ-JB");
        QuarkusTransaction.requiringNew().run(() -> Person.update("employeeNo = 'SSO0001' WHERE id = ?1", person));
        return accounts.create("sso-officer", Roles.LEARNER, "SFS-LJ-JB", null, person);
    }

    @Test
    void anOfficerSignsInWithTheGovernmentAccountAndOurSessionRulesHold() throws Exception {
        Account officer = officer();
        long epochBefore = epoch(officer.id);
        WebDriver d = browser.open();

        // the login page offers the government account only (the password form is off)
        d.get(root + "login");
        assertThat(d.findElement(By.id("sso-login")).getText()).isEqualTo("使用政务账号登录");
        assertThat(d.findElements(By.id("login-form"))).isEmpty();
        browser.shot("sso-login-page");
        assertThat(TestAccounts.postLogin(officer.username, TestAccounts.PASSWORD).getHeader("Location")).contains("error");
        assertThat(count("login.refused", officer.username, "form login off")).isEqualTo(1);

        signIn(d, "zhang.wei");
        assertThat(d.manage().getCookieNamed("academy-session")).isNotNull();
        assertThat(count("login.sso", officer.username, "employee_number")).isEqualTo(1);
        d.get(root + "records/me");
        assertThat(d.getCurrentUrl()).contains("/records/people/" + officer.personId);

        // logout ends our session (epoch) and the provider's: the next sign-in asks for the password again
        d.findElement(By.cssSelector("details.menu summary")).click();
        d.findElement(By.id("logout")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("sso-login")));
        assertThat(d.getCurrentUrl()).startsWith(root + "login");
        assertThat(epoch(officer.id)).isGreaterThan(epochBefore);
        d.findElement(By.id("sso-login")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        typeCredentials(d, "zhang.wei");
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-bell")));

        // disabling the account ends the SSO session as it ends a form login's
        QuarkusTransaction.requiringNew().run(() -> Account.update("enabled = false WHERE id = ?1", officer.id));
        Await.until(() -> {
            d.get(root + "records/me");
            return d.getCurrentUrl().startsWith(root + "login");
        });
        // and the provider's login no longer lets the person in (its own session is still alive)
        d.get(root + "login");
        d.findElement(By.id("sso-login")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("sso-refused")));
        assertThat(d.findElement(By.id("sso-refused-reason")).getText()).contains("已停用");
        assertThat(count("login.sso_refused", "sso:", "disabled")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aGovernmentAccountThatMatchesNobodyIsRefusedAndAuditedAndNoAccountIsCreated() throws Exception {
        long accountsBefore = QuarkusTransaction.requiringNew().call(() -> Account.count());
        long refusedBefore = count("login.sso_refused", "sso:", "no account");
        WebDriver d = browser.open();
        d.get(root + "login");
        d.findElement(By.id("sso-login")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        typeCredentials(d, "stranger");
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("sso-refused")));
        assertThat(d.findElement(By.id("sso-refused")).getText()).contains("无法使用政务账号登录", "不会自动创建账号",
                "请联系本单位的系统管理员");
        assertThat(d.manage().getCookieNamed("academy-session")).isNull();
        browser.shot("sso-refused");
        assertThat(count("login.sso_refused", "sso:", "no account")).isEqualTo(refusedBefore + 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.count())).isEqualTo(accountsBefore);
        d.get(root + "records/me");
        assertThat(d.getCurrentUrl()).startsWith(root + "login");

        // another government account: the provider's session ends first, then its login form is shown again
        d.get(root + "login");
        d.findElement(By.id("sso-login")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("sso-refused")));
        d.findElement(By.id("sso-other-account")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("sso-login")));
        d.findElement(By.id("sso-login")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
    }

    private void signIn(WebDriver d, String user) {
        d.findElement(By.id("sso-login")).click();
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        assertThat(d.getCurrentUrl()).contains("/realms/" + KeycloakResource.REALM + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
        typeCredentials(d, user);
        Browser.waitFor(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-bell")));
    }

    private static void typeCredentials(WebDriver d, String user) {
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(KeycloakResource.USER_PASSWORD);
        d.findElement(By.id("kc-login")).click();
    }

    long epoch(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT session_epoch FROM account WHERE id = ?1").setParameter(1, accountId)
                .getSingleResult()).longValue());
    }

    long count(String action, String actorPrefix, String detail) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_event WHERE action = ?1 AND actor LIKE ?2 AND detail LIKE ?3")
                .setParameter(1, action).setParameter(2, actorPrefix + "%").setParameter(3, "%" + detail + "%")
                .getSingleResult()).longValue());
    }
}
