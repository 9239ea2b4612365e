package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.curriculum.CourseImporter;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At phone width: a learner opens 我的学习, plays part of the video lesson, leaves, comes back
 * to the same position, completes the article lesson and sees the hours change.
 */
@QuarkusTest
class LearningJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    @Inject
    CourseImporter importer;

    @Test
    void learnerWatchesPartOfAVideoResumesAndCompletesTheCourse() throws IOException {
        String code = "J-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        importer.importFolder(course(code), "tester");
        long unit = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-YX-YX").orElseThrow().id);
        long personId = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "unitId = ?1 AND category = 'OFFICER' AND status = 'ACTIVE' ORDER BY id", unit).firstResult().id);
        Account admin = accounts.create("journey-admin", Roles.ADMIN, "SFS-YX");
        Map<String, Object> plan = new HashMap<>();
        plan.put("year", java.time.LocalDate.now().getYear());
        plan.put("title", "云溪镇微课计划");
        plan.put("owningUnitId", unit);
        plan.put("categories", List.of("OFFICER"));
        plan.put("courseCodes", List.of(code));
        plan.put("requiredHours", 60);
        plan.put("dueDate", java.time.LocalDate.now().getYear() + "-12-31");
        Api.as(admin.username, PASSWORD).post().contentType("application/json").body(plan).when().post("/api/v1/plans")
                .then().statusCode(201);
        Account learner = accounts.create("journey", Roles.LEARNER, "SFS-YX-YX", null, personId);

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        JavascriptExecutor js = (JavascriptExecutor) d;
        d.get(root + "login");
        d.findElement(By.id("username")).sendKeys(learner.username);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("card-learn"))).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hours-now")));
        String hoursBefore = d.findElement(By.id("hours-now")).getText();
        d.findElement(By.partialLinkText("旅程课程")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lessons")));
        d.findElement(By.cssSelector("a[data-key='01-video']")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
        js.executeScript("var v = document.getElementById('player'); v.muted = true; v.play();");
        wait.until(x -> ((Number) js.executeScript("return document.getElementById('player').currentTime;")).doubleValue() > 4.5);
        js.executeScript("document.getElementById('player').pause();");
        wait.until(x -> js.executeScript("return document.getElementById('lesson').dataset.saved || null;") != null);
        double saved = Double.parseDouble((String) js.executeScript("return document.getElementById('lesson').dataset.saved;"));
        assertThat(saved).isGreaterThan(4);
        // seeking beyond what was watched is pulled back
        js.executeScript("document.getElementById('player').currentTime = 45;");
        wait.until(x -> ((Number) js.executeScript("return document.getElementById('player').currentTime;")).doubleValue() < 20);

        d.get(root + "learn");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hours-now")));
        d.navigate().back();
        d.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
        assertThat(Double.parseDouble(d.findElement(By.id("lesson")).getAttribute("data-position")))
                .isCloseTo(saved, org.assertj.core.data.Offset.offset(0.11));
        wait.until(x -> Math.abs(((Number) js.executeScript("return document.getElementById('player').currentTime;"))
                .doubleValue() - saved) < 0.5);

        d.findElement(By.id("next-lesson")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("mark-read"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-done")));

        d.findElement(By.cssSelector("details.menu summary")).click();
        d.findElement(By.id("nav-learn")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hours-now")));
        assertThat(d.findElement(By.id("hours-now")).getText()).isNotEqualTo(hoursBefore)
                .isEqualTo(new java.math.BigDecimal(hoursBefore).add(new java.math.BigDecimal("2.0")).toPlainString());
    }

    private static Path course(String code) throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory(Files.createDirectories(Path.of("target/course-folders")),
                "journey").resolve(code));
        Files.createDirectories(dir.resolve("media"));
        Files.copy(Path.of("courses/TY-RXZF/media/shouwei-bufa.mp4"), dir.resolve("media/clip.mp4"));
        Files.writeString(dir.resolve("course.yaml"), """
                code: %s
                title: 旅程课程
                category: 通用
                grades: [在岗]
                levels: [镇街]
                hours: 2
                lessons: [01-video.md, 02-read.md]
                """.formatted(code));
        Files.writeString(dir.resolve("01-video.md"), "---\ntitle: 一分钟微视频\ntype: video\nduration: 1\nrequired: false\n"
                + "video: media/clip.mp4\n---\n文字稿\n");
        Files.writeString(dir.resolve("02-read.md"), "---\ntitle: 读一读\ntype: article\nduration: 3\nrequired: true\n---\n"
                + "## 要点\n执法人员不得少于两人。\n");
        return dir.getParent();
    }
}
