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
 * At 360 px, an officer between two inspections: searches the case library for 罚款, narrows by a
 * facet, asks the same again (issue 16: answered from the search cache, same hits), finds nothing for
 * a word no case holds, and opens a case.
 */
@QuarkusTest
class CaseSearchJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    static long pageWidth(WebDriver d) {
        return (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth;");
    }

    static void search(WebDriver d, WebDriverWait wait, String words) {
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        q.clear();
        q.sendKeys(words);
        WebElement old = d.findElement(By.id("case-total"));
        d.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.stalenessOf(old));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-total")));
    }

    static List<String> codes(WebDriver d) {
        return d.findElements(By.cssSelector("#case-hits li.case-hit .case-meta .mono")).stream().map(WebElement::getText)
                .toList();
    }

    @Test
    void anOfficerSearchesNarrowsAndOpensACase() throws Exception {
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), "learner", "Demo@2026");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("details.menu summary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-cases"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-hits")));
        browser.shot("cases-01-landing");

        search(d, wait, "罚款");
        List<String> first = codes(d);
        assertThat(first).isNotEmpty();
        assertThat(d.findElement(By.id("case-total")).getText()).containsPattern("找到 \\d+ 件案例");
        assertThat(d.findElements(By.cssSelector("#case-hits mark"))).as("the word is marked").isNotEmpty();
        assertThat(d.findElements(By.cssSelector("#facet-caseType li"))).isNotEmpty();
        assertThat(pageWidth(d)).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
        browser.shot("cases-02-results");

        // the same words again: the same hits in the same order
        search(d, wait, "罚款");
        assertThat(codes(d)).isEqualTo(first);

        // narrow by the first case type; the chip says so and every hit is of that type
        WebElement type = d.findElement(By.cssSelector("#facet-caseType li a"));
        String label = type.getText();
        String count = type.getAttribute("data-count");
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", type);
        type.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("active-filters")));
        assertThat(d.findElement(By.id("active-filters")).getText()).contains(label);
        assertThat(d.findElements(By.cssSelector("#case-hits .case-meta"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getText()).contains(label));
        assertThat(d.findElement(By.id("case-total")).getText()).contains(count);
        assertThat(pageWidth(d)).isLessThanOrEqualTo(360);
        browser.shot("cases-03-narrowed");

        // nothing found: said plainly, not an error
        d.get(root + "cases");
        search(d, wait, "蝈蝈蝈蝈");
        assertThat(d.findElement(By.id("case-empty")).isDisplayed()).isTrue();
        assertThat(d.findElements(By.cssSelector(".case-results .pager"))).as("no \"page 1 of 0\"").isEmpty();
        browser.shot("cases-04-empty");

        // a hit opens its case
        search(d, wait, "罚款");
        WebElement hit = d.findElement(By.cssSelector("#case-hits a.case-hit-title"));
        String title = hit.getText();
        hit.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(pageWidth(d)).isLessThanOrEqualTo(360);
        browser.shot("cases-05-case");
    }
}
