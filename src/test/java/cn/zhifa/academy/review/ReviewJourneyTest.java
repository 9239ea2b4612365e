package cn.zhifa.academy.review;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.curriculum.Course;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At phone width (360 px): a reviewer scores a case file item by item and submits it; after the
 * campaign is finished, an officer who handled it finds the targeted course in 我的学习 with the
 * finding that caused it. Screenshots in target/screenshots (review-*.png).
 */
@QuarkusTest
class ReviewJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    @Inject
    cn.zhifa.academy.knowledge.KnowledgePoints points;

    long course;

    @BeforeEach
    void taggedCourse() {
        course = QuarkusTransaction.requiringNew().call(() -> Course.<Course> list("status = ?1 ORDER BY code",
                Course.Status.PUBLISHED).get(0).id);
        cn.zhifa.academy.knowledge.KnowledgePoints real = points;
        QuarkusMock.installMockForType(new ReviewKnowledge() {
            @Override
            public boolean exists(String code) {
                return real.exists(code);
            }

            @Override
            public Optional<String> name(String code) {
                return real.find(code).map(cn.zhifa.academy.knowledge.KnowledgePoint::name);
            }

            @Override
            public List<Long> courseIdsFor(String code) {
                return "KP-DIAOCHA".equals(code) ? List.of(course) : List.of();
            }
        }, ReviewKnowledge.class);
    }

    @Test
    void aReviewerScoresOnAPhoneAndTheOfficerSeesTheTargetedCourseWithItsReason() throws IOException {
        ReviewCampaignTest t = new ReviewCampaignTest();
        t.accounts = accounts;
        ReviewCampaignTest.Scenario s = t.scenario();
        Account reviewerAccount = QuarkusTransaction.requiringNew().call(() -> Account.<Account> find(
                "displayName = '测试 reviewer' ORDER BY id DESC").firstResult());
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), reviewerAccount.username, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo-review-score")));
        d.get(root + "review");
        d.findElement(By.cssSelector("#my-queue a.person-name")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-title")));
        assertThat(((Number) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(360);
        browser.shot("review-phone-scoring");
        int items = d.findElements(By.cssSelector("form.item-form")).size();
        assertThat(items).isEqualTo(11);
        for (int i = 0; i < items; i++) {
            WebElement form = d.findElements(By.cssSelector("form.item-form")).get(i);
            WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
            if ("save-QZ".equals(button.getAttribute("id"))) {
                WebElement box = form.findElement(By.cssSelector("input[type=checkbox]"));
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
                form.findElement(By.cssSelector("textarea")).sendKeys("询问笔录不能证明违法经营的持续时间");
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
            button.click();
            // the save is a full post/redirect/get: wait for the old page to go before looking for the
            // note (the previous item's note is on the old page too). While the page is being replaced
            // Chrome may answer "node does not belong to the document" instead of a stale element:
            // either means the old page is gone.
            wait.until(driver -> {
                try {
                    button.isEnabled();
                    return false;
                } catch (org.openqa.selenium.WebDriverException gone) {
                    return true;
                }
            });
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".saved-note")));
        }
        assertThat(d.findElement(By.id("running")).getText()).isEqualTo("90.00");
        browser.shot("review-phone-scored-items");
        WebElement submit = d.findElement(By.id("submit-scores"));
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("band")));
        assertThat(d.findElement(By.id("total")).getText()).isEqualTo("90.00");
        assertThat(d.findElement(By.id("band")).getText()).isEqualTo("优秀");
        browser.shot("review-phone-submitted");

        s.city().post().when().post("/api/v1/review/campaigns/" + s.campaign() + "/finish").then().statusCode(200);
        Account officer = accounts.create("journey-officer", Roles.LEARNER, "SFS-LJ-JB", null, s.officer1().id);
        d.manage().deleteAllCookies();
        browser.login(root.toString(), officer.username, PASSWORD);
        d.get(root + "learn");
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".plan-reason")));
        assertThat(reason.getText()).contains("询问笔录不能证明违法经营的持续时间");
        WebElement plan = reason.findElement(By.xpath("./ancestor::section"));
        assertThat(plan.findElement(By.tagName("h2")).getText()).startsWith("评查整改学习：调查取证");
        assertThat(plan.findElements(By.cssSelector("li.course-row"))).hasSize(1);
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start'})", plan);
        browser.shot("review-phone-learn-reason");
    }
}
