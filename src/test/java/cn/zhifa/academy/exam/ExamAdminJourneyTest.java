package cn.zhifa.academy.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At phone width (360 px): a grader's draft is saved as they type (the 已保存 mark, through the
 * grading API with the page's CSRF token), 完成评分 moves on; the blueprint builder adds rows and
 * keeps the running total; the monitor refreshes itself. No page scrolls sideways.
 */
@QuarkusTest
class ExamAdminJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    ExamFixtures fixtures;

    @Inject
    TestAccounts accounts;

    static long width(WebDriver d) {
        return ((Number) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    @Test
    void aGraderGradesOnAPhoneAndBuildsABlueprint() {
        ExamFixtures.Built exam = fixtures.published(1, true, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = ExamDeliveryTest.start(c, exam.examId(), "d").getLong("attemptId");
        ExamDeliveryTest.save(c, attempt, 15, 1, ExamDeliveryTest.correct(attempt, 15), "d").then().statusCode(200);
        c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(200);
        Account grader = accounts.create("xa-phone", Roles.ADMIN, "SFS");

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(15));
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys(grader.username);
        d.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
        d.get(root + "exam-admin");
        assertThat(width(d)).isLessThanOrEqualTo(360);
        d.get(root + "exam-admin/grading?exam=" + exam.examId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#pending-list a.xa-title"))).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("candidate-response")));
        assertThat(d.findElement(By.id("candidate-response")).getText()).contains("第三十三条");
        assertThat(width(d)).isLessThanOrEqualTo(360);
        // stacked on a phone: the response comes below the reference answer
        assertThat(d.findElement(By.id("response")).getLocation().getY())
                .isGreaterThan(d.findElement(By.id("reference")).getLocation().getY());
        d.findElement(By.id("score")).sendKeys("7");
        d.findElement(By.id("comment")).sendKeys("要点基本齐全");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-state"), "已保存"));
        AttemptItem draft = QuarkusTransaction.requiringNew().call(
                () -> AttemptItem.<AttemptItem> find("attemptId = ?1 AND position = 15", attempt).firstResult());
        assertThat(draft.score).isEqualByComparingTo("7");
        assertThat(draft.graderComment).isEqualTo("要点基本齐全");
        assertThat(draft.gradedAt).as("a draft, not yet complete").isNull();
        d.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "评分已完成"));

        d.get(root + "exam-admin/blueprints/new");
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("select[name=s_type]"))))
                .selectByValue("SINGLE");
        d.findElements(By.name("s_count")).get(0).sendKeys("5");
        d.findElements(By.name("s_points")).get(0).sendKeys("2");
        wait.until(ExpectedConditions.textToBe(By.id("running-total"), "10"));
        int rows = d.findElements(By.cssSelector("#section-rows fieldset")).size();
        d.findElement(By.id("add-section")).click();
        assertThat(d.findElements(By.cssSelector("#section-rows fieldset"))).hasSize(rows + 1);
        d.findElements(By.cssSelector("#section-rows fieldset [data-remove]")).get(0).click();
        assertThat(d.findElements(By.cssSelector("#section-rows fieldset"))).hasSize(rows);
        assertThat(d.findElement(By.id("running-total")).getText()).isEqualTo("0");
        assertThat(width(d)).isLessThanOrEqualTo(360);

        d.get(root + "exam-admin/exams/" + exam.examId() + "/monitor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("m-submitted")));
        assertThat(width(d)).isLessThanOrEqualTo(360);
        // after the first refresh (10 s) the counters come from the API and nothing failed
        Browser.waitFor(d, Duration.ofSeconds(25)).until(x -> ((JavascriptExecutor) x)
                .executeScript("return window.performance.getEntriesByType('resource').some(function (e) { return e.name.indexOf('/monitor') > 0 && e.initiatorType === 'fetch'; })"));
        assertThat(d.findElement(By.id("monitor-offline")).isDisplayed()).isFalse();
        assertThat(d.findElement(By.id("m-submitted")).getText()).isEqualTo("1");
    }
}
