package cn.zhifa.academy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At 360 px: the 临江区 administrator opens the readiness of the delegated matters, sees only the
 * district's two towns, and drills down from a red cell (望江街道 holds a matter nobody there is
 * qualified for) to the officers of that town. The demo learner sees the 高频事项 path in 我的学习.
 */
@QuarkusTest
class MattersReadinessJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    static long pageWidth(WebDriver d) {
        return (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth;");
    }

    @Test
    void districtAdminDrillsDownFromARedCellToItsPeople() throws Exception {
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), "admin.linjiang", "Demo@2026");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("details.menu summary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-matters"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("to-readiness")));
        browser.shot("matters-01-catalogue");
        d.findElement(By.id("to-readiness")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("town-SFS-LJ-WJ")));
        List<WebElement> towns = d.findElements(By.cssSelector("section.town"));
        assertThat(towns).extracting(t -> t.getAttribute("id")).containsExactly("town-SFS-LJ-JB", "town-SFS-LJ-WJ");
        assertThat(pageWidth(d)).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
        browser.shot("matters-02-readiness");

        WebElement red = d.findElement(By.cssSelector("#town-SFS-LJ-WJ li.red-cell a.cell-link"));
        String matter = red.getText();
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", red);
        browser.shot("matters-03-red-cell");
        red.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drill-red")));
        assertThat(d.findElement(By.id("drill-title")).getText()).contains("望江街道").contains(matter);
        String[] counts = d.findElement(By.id("drill-qualified")).getText().split("/");
        assertThat(counts[0].trim()).isEqualTo("0");
        List<WebElement> people = d.findElements(By.cssSelector("#drill-people li.drill-person"));
        assertThat(people).hasSize(Integer.parseInt(counts[1].trim())).isNotEmpty();
        assertThat(people).allSatisfy(p -> assertThat(p.findElement(By.cssSelector(".red-tag")).getText()).isNotBlank());
        assertThat(pageWidth(d)).isLessThanOrEqualTo(360);
        browser.shot("matters-04-drill-people");

        // a person of the cell opens in the people register
        String name = people.get(0).findElement(By.cssSelector("a.person-name")).getText();
        people.get(0).findElement(By.cssSelector("a.person-name")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
        assertThat(d.findElement(By.id("person-name")).getText()).contains(name);
    }

    @Test
    void theTownLearnerSeesTheHighFrequencyPath() throws Exception {
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), "learner", "Demo@2026");
        d.get(root + "learn");
        WebElement path = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("matter-path")));
        assertThat(path.getText()).contains("江滨街道");
        assertThat(path.findElements(By.cssSelector("li.course-row a"))).isNotEmpty();
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView();", path);
        assertThat(pageWidth(d)).isLessThanOrEqualTo(360);
        browser.shot("matters-05-learning-path");
    }
}
