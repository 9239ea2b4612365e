package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An officer on a phone (360 px): opens the case library from the menu, types a few Chinese
 * words, opens the case, reads its sections, sees the lesson that uses it, and follows a related
 * case.
 */
@QuarkusTest
class CaseLibraryJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    @Test
    void anOfficerSearchesOnAPhoneOpensACaseAndFollowsARelatedOne() {
        String username = accounts.create("phone", Roles.LEARNER, null).username;
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(15));
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("login-submit")).click();

        // the menu (a <details> without JavaScript) leads to the library
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("details.menu summary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-cases"))).click();

        WebElement q = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
        q.sendKeys("渣土车 从轻", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-total"), "找到"));
        WebElement first = d.findElement(By.cssSelector("#case-hits .case-hit-title"));
        assertThat(first.getText()).contains("渣土车抛洒");
        assertThat(d.findElements(By.cssSelector("#case-hits mark"))).isNotEmpty();
        assertNoSideways(d);
        first.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-title")));
        assertThat(d.findElement(By.id("case-code")).getText()).isEqualTo("ZH-2025-003");
        List<String> headings = d.findElements(By.cssSelector(".case-section h2")).stream().map(WebElement::getText).toList();
        assertThat(headings).startsWith("基本案情", "调查取证要点", "处理结果", "裁量说理", "程序要点", "典型意义", "易错点");
        assertThat(d.findElement(By.cssSelector("#section-discretion .case-text")).getText()).isNotBlank();
        assertThat(d.findElement(By.cssSelector("#usages a.usage-link")).getText()).contains("测试微课");
        assertNoSideways(d);

        WebElement related = d.findElement(By.cssSelector("#related a.related-link"));
        String relatedTitle = related.getText();
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView(true);", related);
        related.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), relatedTitle));
        assertThat(d.findElement(By.id("case-code")).getText()).isNotEqualTo("ZH-2025-003");
        assertThat(d.findElements(By.cssSelector(".case-section h2"))).hasSizeGreaterThanOrEqualTo(7);
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

    /**
     * Between two inspections: 罚款, the same again (issue 16: answered from the search cache, the same hits), narrowed
     * by a facet, then a word no case holds (said plainly, no "page 1 of 0").
     */
    @Test
    void anOfficerNarrowsBySearchFacetsAndIsToldPlainlyWhenNothingMatches() throws Exception {
        String username = accounts.create("facets", Roles.LEARNER, null).username;
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), username, PASSWORD);
        d.get(root + "cases");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-hits")));
        browser.shot("cases-01-landing");

        search(d, wait, "罚款");
        List<String> first = codes(d);
        assertThat(first).isNotEmpty();
        assertThat(d.findElement(By.id("case-total")).getText()).containsPattern("找到 \\d+ 件案例");
        assertThat(d.findElements(By.cssSelector("#case-hits mark"))).as("the word is marked").isNotEmpty();
        assertThat(d.findElements(By.cssSelector("#facet-caseType li"))).isNotEmpty();
        assertNoSideways(d);
        browser.shot("cases-02-results");

        search(d, wait, "罚款");
        assertThat(codes(d)).as("the same words again").isEqualTo(first);

        // the first case type: the chip says so, every hit is of that type, the total is the facet's count
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
        assertNoSideways(d);
        browser.shot("cases-03-narrowed");

        d.get(root + "cases");
        search(d, wait, "蝈蝈蝈蝈");
        assertThat(d.findElement(By.id("case-empty")).isDisplayed()).isTrue();
        assertThat(d.findElements(By.cssSelector(".case-results .pager"))).as("no \"page 1 of 0\"").isEmpty();
        assertNoSideways(d);
        browser.shot("cases-04-empty");
    }

    /** Mobile-first: nothing makes the page wider than the phone. */
    private static void assertNoSideways(WebDriver d) {
        long width = ((Number) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).longValue();
        assertThat(width).as("page width at %d px", viewport).isLessThanOrEqualTo(viewport);
    }
}
