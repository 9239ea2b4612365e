package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.exam.delivery.ExamAdmission;
import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.ExamFixtures;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 11 in a browser: with the admission limit set to zero the exam page rides out the 503s
 * quietly ("正在进入考场…", no error), enters once the node has room, and the clock starts at that
 * delivery; the lobby counts down and takes the candidate in at the bell by itself.
 */
@QuarkusTest
class ExamDayBrowserTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    ExamFixtures fixtures;

    @Inject
    ExamAdmission admission;

    private long exam(Api manager, ExamFixtures.Candidate c, Instant opensAt, String title) {
        long blueprint = fixtures.blueprint(manager, List.of(ExamFixtures.section("单选", 3, 2),
                ExamFixtures.section("判断", 2, 2)), 6);
        Map<String, Object> body = ExamFixtures.exam(blueprint, List.of(c), "AFTER_SUBMIT", 20, 1);
        body.put("title", title);
        body.put("opensAt", opensAt.toString());
        long examId = manager.post().contentType("application/json").body(body).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        manager.post().when().post("/api/v1/exams/" + examId + "/publish").then().statusCode(200);
        return examId;
    }

    private WebDriver login(ExamFixtures.Candidate c) {
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys(c.account().username);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu summary")));
        return d;
    }

    @Test
    void theExamPageRidesOutA503WithRetryAfterAndTheClockStartsAtDelivery() {
        Api manager = fixtures.manager();
        ExamFixtures.Candidate c = fixtures.candidates(1).get(0);
        long examId = exam(manager, c, Instant.now().minus(1, ChronoUnit.HOURS), "限流测验");
        WebDriver d = login(c);
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
        d.get(root + "exams/" + examId);
        int limit = admission.limit();
        admission.setLimit(0); // the node is saturated: every hot-path request gets 503 + Retry-After
        Instant released;
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-wait")));
            assertThat(d.findElement(By.id("start-wait")).getText()).isEqualTo("正在进入考场…");
            assertThat(d.findElement(By.id("start-error")).isDisplayed()).isFalse();
            assertThat(d.getCurrentUrl()).endsWith("/exams/" + examId);
            // no attempt has started while the page waits: the candidate loses no time
            assertThat(QuarkusTransaction.requiringNew().call(() -> ExamAttempt.count(
                    "examId = ?1 AND personId = ?2 AND status <> ?3", examId, c.person().id,
                    ExamAttempt.Status.PREPARED))).isZero();
        } finally {
            released = Instant.now();
            admission.setLimit(limit);
        }
        // room again: the page goes in by itself and shows the paper
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q5")));
        assertThat(d.findElement(By.id("exam-message")).isDisplayed()).isFalse();
        ExamAttempt a = QuarkusTransaction.requiringNew().call(() -> ExamAttempt.<ExamAttempt> find(
                "examId = ?1 AND personId = ?2", examId, c.person().id).firstResult());
        assertThat(a.status).isEqualTo(ExamAttempt.Status.IN_PROGRESS);
        assertThat(a.startedAt).isAfterOrEqualTo(released.truncatedTo(ChronoUnit.MILLIS).minusMillis(1));
        assertThat(a.deadlineAt).isEqualTo(a.startedAt.plus(20, ChronoUnit.MINUTES));
        // saves ride it out too: refused while saturated, stored once there is room
        admission.setLimit(0);
        try {
            d.findElement(By.cssSelector("#q1 label.option")).click();
            wait.until(ExpectedConditions.textToBe(By.id("mark-1"), "保存中…"));
            assertThat(d.findElement(By.id("exam-message")).isDisplayed()).isFalse();
        } finally {
            admission.setLimit(limit);
        }
        wait.until(ExpectedConditions.textToBe(By.id("mark-1"), "已保存"));
    }

    @Test
    void theLobbyCountsDownOnTheServerClockAndTakesTheCandidateInAtTheBell() {
        Api manager = fixtures.manager();
        ExamFixtures.Candidate c = fixtures.candidates(1).get(0);
        long examId = exam(manager, c, Instant.now().plus(20, ChronoUnit.MINUTES), "候考测验");
        WebDriver d = login(c);
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(60));
        // the bell rings shortly after the page opens (moved now so that a slow login cannot miss it)
        Instant opens = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> cn.zhifa.academy.exam.Exam.update("opensAt = ?1 WHERE id = ?2",
                opens, examId));
        d.get(root + "exams/" + examId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lobby")));
        assertThat(d.findElement(By.id("lobby-clock")).getText()).matches("00:(0\\d|1[0-5])");
        assertThat(d.findElement(By.id("start")).isEnabled()).isFalse();
        // nobody presses anything: at the bell the page enters by itself
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q5")));
        ExamAttempt a = QuarkusTransaction.requiringNew().call(() -> ExamAttempt.<ExamAttempt> find(
                "examId = ?1 AND personId = ?2", examId, c.person().id).firstResult());
        assertThat(a.status).isEqualTo(ExamAttempt.Status.IN_PROGRESS);
        assertThat(a.startedAt).isAfterOrEqualTo(opens);
    }
}
