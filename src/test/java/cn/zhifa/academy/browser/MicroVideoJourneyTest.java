package cn.zhifa.academy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.curriculum.Course;
import cn.zhifa.academy.curriculum.Lesson;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15: a micro-video generated from lesson text (courses/tools/make_video.py) plays in the
 * lesson player at phone width, 2–5 minutes long, with its Chinese WebVTT subtitles loaded.
 */
@QuarkusTest
class MicroVideoJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Test
    void aGeneratedMicroVideoPlaysWithSubtitles() {
        long lessonId = QuarkusTransaction.requiringNew().call(() -> {
            Course c = Course.byCode("TY-ZSCW").orElseThrow();
            return Lesson.<Lesson> find("courseVersionId = ?1 AND lessonKey = ?2", c.publishedVersionId, "04-video-chaiwei")
                    .firstResult().id;
        });
        Api.as("learner", "Demo@2026").post().when().post("/api/v1/learning/courses/TY-ZSCW/open").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201, 204));

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
        JavascriptExecutor js = (JavascriptExecutor) d;
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys("learner");
        d.findElement(By.id("password")).sendKeys("Demo@2026");
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlMatches(".*/(?!login).*"));
        d.get(root + "learn/lessons/" + lessonId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
        assertThat(d.findElement(By.cssSelector("#player track[kind='subtitles']")).getAttribute("srclang")).isEqualTo("zh");

        js.executeScript("var v = document.getElementById('player'); v.muted = true; v.play();");
        wait.until(x -> ((Number) js.executeScript("return document.getElementById('player').currentTime;")).doubleValue() > 2.5);
        double duration = ((Number) js.executeScript("return document.getElementById('player').duration;")).doubleValue();
        assertThat(duration).as("a 2–5 minute micro-video").isBetween(110.0, 300.0);
        wait.until(x -> ((Number) js.executeScript(
                "var t = document.getElementById('player').textTracks[0]; t.mode = 'showing'; return t.cues ? t.cues.length : 0;"))
                .intValue() > 10);
        js.executeScript("document.getElementById('player').pause();");
    }
}
