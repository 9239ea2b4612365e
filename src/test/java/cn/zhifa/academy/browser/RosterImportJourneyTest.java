package cn.zhifa.academy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
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

/** The demo admin imports the demo roster file (docs/samples) and finds a new person by name. */
@QuarkusTest
class RosterImportJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Test
    void adminImportsTheDemoRosterAndFindsAPersonByName() {
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(15));
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys("admin");
        d.findElement(By.id("password")).sendKeys("Demo@2026");
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-people"))).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-link"))).click();
        String roster = Path.of("docs/samples/demo-roster.csv").toAbsolutePath().toString();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file"))).sendKeys(roster);
        d.findElement(By.id("import-preview")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-rows")));
        assertThat(d.findElement(By.id("preview-rows")).getText()).isEqualTo("6");
        assertThat(d.findElement(By.id("preview-create")).getText()).isEqualTo("6");
        d.findElement(By.id("import-commit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
        assertThat(d.findElement(By.id("import-result")).getText()).contains("新增 6 人");
        d.findElement(By.id("to-people")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q"))).sendKeys("欧阳明远");
        d.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("people-total"), "共 1 人"));
        d.findElement(By.linkText("欧阳明远")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
        assertThat(d.findElement(By.id("person-name")).getText()).contains("欧阳明远").contains("LJ2026001");
        assertThat(d.findElement(By.id("id-masked")).getText()).isEqualTo("330203**********16");
    }
}
