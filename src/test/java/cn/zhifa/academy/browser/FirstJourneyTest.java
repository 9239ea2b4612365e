package cn.zhifa.academy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Open the site, log in as the demo admin, see Chinese, switch to English, log out. */
@QuarkusTest
class FirstJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Test
    void demoAdminLogsInSwitchesToEnglishAndLogsOut() {
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(10));

        d.get(root.toString());
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("登录");

        d.findElement(By.id("username")).sendKeys("admin");
        d.findElement(By.id("password")).sendKeys("Demo@2026");
        d.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        assertThat(d.findElement(By.id("welcome")).getText()).startsWith("您好");
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(d.findElement(By.id("scope")).getText()).isEqualTo("示范市");

        d.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Hello"));
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        d.navigate().refresh();
        assertThat(d.findElement(By.id("welcome")).getText()).as("the choice sticks").startsWith("Hello");

        d.findElement(By.cssSelector("details.menu summary")).click();
        d.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");

        d.get(root.toString());
        wait.until(ExpectedConditions.urlContains("/login"));
    }
}
