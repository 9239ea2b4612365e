package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.ExamFixtures;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At phone width: a candidate starts a short exam, answers, reloads mid-way and finds every
 * answer kept, submits and sees the result with the review the policy allows.
 */
@QuarkusTest
class ExamJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    ExamFixtures fixtures;

    @Test
    void candidateAnswersReloadsKeepsEveryAnswerAndSeesTheResult() {
        Api manager = fixtures.manager();
        long blueprint = fixtures.blueprint(manager, List.of(ExamFixtures.section("单选", 3, 2),
                ExamFixtures.section("判断", 2, 2)), 6);
        ExamFixtures.Candidate c = fixtures.candidates(1).get(0);
        Map<String, Object> body = ExamFixtures.exam(blueprint, List.of(c), "AFTER_SUBMIT", 20, 1);
        body.put("title", "旅程测验");
        long examId = manager.post().contentType("application/json").body(body).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        manager.post().when().post("/api/v1/exams/" + examId + "/publish").then().statusCode(200);

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys(c.account().username);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu summary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-exams"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("state-" + examId), "可参加"));
        d.findElement(By.cssSelector("#exam-" + examId + " a.button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();

        // answer the first three questions: the first option of each
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q1")));
        for (int pos = 1; pos <= 3; pos++) {
            d.findElement(By.cssSelector("#q" + pos + " label.option")).click();
        }
        d.findElement(By.id("flag-2")).click();
        for (int pos = 1; pos <= 3; pos++) {
            wait.until(ExpectedConditions.textToBe(By.id("mark-" + pos), "已保存"));
        }
        assertThat(d.findElement(By.id("clock")).getText()).matches("\\d\\d:\\d\\d");

        d.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q5")));
        for (int pos = 1; pos <= 3; pos++) {
            WebElement first = d.findElement(By.cssSelector("#q" + pos + " label.option input"));
            assertThat(first.isSelected()).as("question %d kept after reload", pos).isTrue();
            assertThat(d.findElement(By.id("mark-" + pos)).getText()).isEqualTo("已保存");
        }
        assertThat(d.findElement(By.id("flag-2")).isSelected()).isTrue();
        assertThat(d.findElement(By.id("nav-2")).getAttribute("class")).contains("flagged");

        // offline: the answer waits on the device, the banner says so, and it is sent when the network returns
        org.openqa.selenium.chromium.HasNetworkConditions net = (org.openqa.selenium.chromium.HasNetworkConditions) d;
        org.openqa.selenium.chromium.ChromiumNetworkConditions off = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        off.setOffline(true);
        net.setNetworkConditions(off);
        d.findElement(By.cssSelector("#q4 label.option")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline")));
        assertThat(d.findElement(By.id("mark-4")).getText()).isNotEqualTo("已保存");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AttemptItem.count(
                "attemptId IN (SELECT a.id FROM ExamAttempt a WHERE a.examId = ?1) AND position = 4 AND answerJson IS NOT NULL",
                examId))).isZero();
        net.deleteNetworkConditions();
        wait.until(ExpectedConditions.textToBe(By.id("mark-4"), "已保存"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline")));
        d.findElement(By.cssSelector("#q5 label.option")).click();
        wait.until(ExpectedConditions.textToBe(By.id("mark-5"), "已保存"));
        // 交卷 always asks, naming the question still flagged; dismissing keeps the candidate in the exam
        d.findElement(By.id("submit")).click();
        org.openqa.selenium.Alert ask = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(ask.getText()).contains("第 2 题").contains("确定交卷");
        ask.dismiss();
        assertThat(d.findElement(By.id("submit")).isEnabled()).isTrue();
        d.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score")));

        ExamAttempt attempt = QuarkusTransaction.requiringNew().call(() -> ExamAttempt.<ExamAttempt> find(
                "examId = ?1 AND personId = ?2", examId, c.person().id).firstResult());
        assertThat(attempt.status).isEqualTo(ExamAttempt.Status.GRADED);
        long answered = QuarkusTransaction.requiringNew().call(() -> AttemptItem.count(
                "attemptId = ?1 AND answerJson IS NOT NULL", attempt.id));
        assertThat(answered).isEqualTo(5);
        assertThat(d.findElement(By.id("score")).getText())
                .isEqualTo("得分 " + attempt.score.stripTrailingZeros().toPlainString() + " / 10");
        assertThat(d.findElement(By.id("band")).getText()).isEqualTo(attempt.band);
        // AFTER_SUBMIT: the paper with keys is shown
        assertThat(d.findElements(By.cssSelector("#review .review-item"))).hasSize(5);
        assertThat(d.findElements(By.cssSelector("#review .key"))).hasSize(5);
    }
}
