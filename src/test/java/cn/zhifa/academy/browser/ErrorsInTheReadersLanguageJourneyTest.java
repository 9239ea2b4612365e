package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 18 at 360 px: a refused form and a refused request speak the reader's language. A trainer
 * saves an empty question in English and in Chinese (the form comes back with every bad field, no
 * catch block in the page), an administrator asks for a dashboard year out of range (the error
 * page). Screenshots under target/screenshots (errors-*.png), to look at.
 */
@QuarkusTest
class ErrorsInTheReadersLanguageJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    /** The browser's own required-field bubbles (in its language) off: the server's messages are under test. */
    private static void noBrowserChecks(WebDriver d) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('question-form').noValidate = true");
    }

    @Test
    void aRefusedFormAndARefusedRequestSpeakTheReadersLanguage() throws Exception {
        String trainer = accounts.create("lang-trainer", Roles.TRAINER, "SFS").username;
        WebDriver d = browser.open();
        d.manage().window().setSize(new Dimension(360, 800));
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), trainer, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu")));

        // English: the language switch, then an empty question saved
        d.get(root + "exam-admin/questions/new");
        d.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(d.getCurrentUrl()).endsWith("/exam-admin/questions/new");
        noBrowserChecks(d);
        d.findElement(By.id("save")).click();
        String en = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors"))).getText();
        browser.shot("errors-question-en-360");
        // the reasons and the fields they name in English (the file format's column words stay out of it)
        assertThat(en).contains("Code", "Stem").doesNotContain("编号", "题干")
                .doesNotContainPattern("[\\u4e00-\\u9fff]{4,}");

        // Chinese: the same refusal in Chinese
        d.findElement(By.id("lang-zh")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        d.get(root + "exam-admin/questions/new");
        noBrowserChecks(d);
        d.findElement(By.id("save")).click();
        String zh = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors"))).getText();
        browser.shot("errors-question-zh-360");
        assertThat(zh).contains("编号", "题干").containsPattern("[\\u4e00-\\u9fff]{4,}");
        assertThat(zh.lines().count()).as("the same problems in both languages").isEqualTo(en.lines().count());

        // an administrator's request out of range: the error page, in English
        String admin = accounts.create("lang-admin", Roles.ADMIN, "SFS").username;
        d.manage().deleteAllCookies();
        browser.login(root.toString(), admin, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu")));
        d.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        d.get(root + "dashboard?year=1900");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        browser.shot("errors-dashboard-year-en-360");
        assertThat(d.findElement(By.tagName("body")).getText()).contains("The year must be between 2000 and 2100");
    }
}
