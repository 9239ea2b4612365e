package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.curriculum.Enrollment;
import cn.zhifa.academy.evaluation.EvalFixtures;
import cn.zhifa.academy.evaluation.Evaluation;
import cn.zhifa.academy.evaluation.SubjectKind;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The first hour as a user (issue 13), at phone width: a new learner reaches a video in a few
 * taps and is told why a course is locked; a supervisor assesses a newcomer (items without
 * data are 不适用, a preview before locking).
 */
@QuarkusTest
class FirstHourJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    @Inject
    EvalFixtures fx;

    @Test
    void newLearnerReachesAVideoInAFewTapsAndIsToldWhyACourseIsLocked() throws Exception {
        Person p = fx.person("SFS-YX-YX", PersonCategory.OFFICER);
        Account admin = accounts.create("hour-admin", Roles.ADMIN, "SFS-YX");
        String title = "首小时计划-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> plan = new HashMap<>();
        plan.put("year", LocalDate.now().getYear());
        plan.put("title", title);
        plan.put("owningUnitId", fx.unit("SFS-YX-YX"));
        plan.put("categories", List.of("OFFICER"));
        plan.put("courseCodes", List.of("TY-RXZF", "TY-CFCX", "TY-SXZD"));
        plan.put("requiredHours", 60);
        plan.put("dueDate", LocalDate.now().getYear() + "-12-31");
        Api.as(admin.username, PASSWORD).post().contentType("application/json").body(plan).when().post("/api/v1/plans")
                .then().statusCode(201);
        Account learner = accounts.create("hour", Roles.LEARNER, "SFS-YX-YX", null, p.id);

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), learner.username, PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("card-learn"))).click();

        // the plan lists its courses in the order they can be taken, every visit; locked ones say why
        By planRows = By.xpath("//section[h2='" + title + "']//li[contains(@class,'course-row')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(planRows));
        List<String> order = d.findElements(planRows).stream().map(e -> e.getAttribute("data-code")).toList();
        assertThat(order).containsExactly("TY-SXZD", "TY-CFCX", "TY-RXZF");
        d.navigate().refresh();
        assertThat(d.findElements(planRows).stream().map(e -> e.getAttribute("data-code")).toList()).isEqualTo(order);
        WebElement cfcx = d.findElement(By.xpath("//section[h2='" + title + "']//li[@data-code='TY-CFCX']"));
        assertThat(cfcx.getAttribute("class")).contains("locked");
        assertThat(cfcx.findElement(By.cssSelector(".lock-note")).getText()).contains("请先完成").contains("《行政执法三项制度》");
        assertThat(cfcx.findElement(By.cssSelector(".lock-note svg")).getSize().getWidth()).isGreaterThan(0);
        browser.shot("hour-01-my-learning");

        // the locked course opens to a page that says what to finish first (no error page, no enrolment)
        cfcx.findElement(By.cssSelector("a.person-name")).click();
        WebElement locked = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("course-locked")));
        assertThat(locked.getText()).contains("请先完成").contains("《行政执法三项制度》");
        assertThat(d.findElement(By.id("course-title")).getText()).isEqualTo("行政处罚程序与陈述申辩听证权利");
        assertThat(d.getPageSource()).doesNotContain("系统出现异常");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Enrollment.count(
                "personId = ?1 AND courseId IN (SELECT c.id FROM Course c WHERE c.code = 'TY-CFCX')", p.id))).isZero();
        browser.shot("hour-02-locked-course");

        // the link leads to the first course, whose first lesson is a video
        WebElement link = locked.findElement(By.cssSelector("a.prereq-link"));
        assertThat(link.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        link.click();
        wait.until(ExpectedConditions.textToBe(By.id("course-title"), "行政执法三项制度"));
        assertThat(d.findElements(By.id("course-locked"))).isEmpty();
        d.findElement(By.cssSelector("#lessons a.lesson-link")).click();
        WebElement player = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
        assertThat(player.getTagName()).isEqualTo("video");
        browser.shot("hour-03-video");

        // a lesson address of the locked course leads back to the course page, not to an error
        long cfcxLesson = QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.curriculum.Lesson.<cn.zhifa.academy.curriculum.Lesson> find(
                "courseVersionId = (SELECT c.publishedVersionId FROM Course c WHERE c.code = 'TY-CFCX') ORDER BY position")
                .firstResult().id);
        d.get(root + "learn/lessons/" + cfcxLesson);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("course-locked")));
        assertThat(d.getCurrentUrl()).endsWith("/learn/courses/TY-CFCX");
    }

    @SuppressWarnings("unchecked")
    @Test
    void supervisorAssessesANewcomerWithNotApplicableItemsAndConfirmsAfterAPreview() throws Exception {
        Account a = accounts.create("hour-sup", Roles.ADMIN, "SFS-LJ");
        Api admin = Api.as(a.username, PASSWORD);
        Map<String, Object> scheme = EvalFixtures.scheme("T-" + UUID.randomUUID().toString().substring(0, 8),
                SubjectKind.AUXILIARY, fx.unit("SFS-LJ"));
        ((List<Map<String, Object>>) scheme.get("bands")).get(3).put("consequence", "连续两次不合格：启动辞退审查");
        long schemeId = admin.post().contentType("application/json").body(scheme).when()
                .post("/api/v1/evaluation/schemes").then().statusCode(201).extract().jsonPath().getLong("id");
        Person newcomer = fx.person("SFS-LJ-JB", PersonCategory.AUXILIARY); // no exam, no hours yet
        long id = admin.post().contentType("application/json")
                .body(Map.of("schemeId", schemeId, "personId", newcomer.id, "cycle", String.valueOf(LocalDate.now().getYear())))
                .when().post("/api/v1/evaluation/assessments").then().statusCode(201).extract().jsonPath().getLong("id");

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), a.username, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu")));
        d.get(root + "evaluations/" + id);
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score-EXAM"))).getText()).isEqualTo("不适用");
        assertThat(d.findElement(By.id("score-HOURS")).getText()).isEqualTo("不适用");
        assertThat(d.findElement(By.id("reweight-note")).getText()).contains("折算");
        d.findElement(By.id("score-WORK")).clear();
        d.findElement(By.id("score-WORK")).sendKeys("50");
        d.findElement(By.id("save-WORK")).click();
        // only 工作实绩 applies: its weight 50 becomes 100, so 50 points → 50.00, 不合格 — but a first
        // 不合格 does not carry "连续两次不合格" beside it
        wait.until(ExpectedConditions.textToBe(By.id("total"), "50.00"));
        assertThat(d.findElement(By.id("band")).getText()).isEqualTo("不合格");
        assertThat(d.findElement(By.cssSelector("#item-WORK .effective-weight")).getText()).isEqualTo("100");
        assertThat(d.findElements(By.id("consequence"))).isEmpty();
        assertThat(d.getPageSource()).doesNotContain("启动辞退审查");
        browser.shot("hour-04-assessment");

        d.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lock-preview")));
        assertThat(d.findElement(By.id("preview-total")).getText()).isEqualTo("50.00");
        assertThat(d.findElement(By.id("preview-band")).getText()).isEqualTo("不合格");
        assertThat(d.findElements(By.id("preview-flag"))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Evaluation.<Evaluation> findById(id).status))
                .isEqualTo(Evaluation.Status.OPEN);
        browser.shot("hour-05-lock-preview");
        d.findElement(By.id("confirm-lock")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("evaluation-status"), "已确认"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Evaluation.<Evaluation> findById(id).status))
                .isEqualTo(Evaluation.Status.CONFIRMED);
    }

    @Inject
    cn.zhifa.academy.qualification.QualFixtures qfx;

    @Test
    void holderInTheRenewalWindowFollowsTheHomeLinkToTheRenewalStepsAndTheAdminSeesTheMissingExam() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long id = qfx.person("换证" + UUID.randomUUID().toString().substring(0, 4), PersonCategory.OFFICER, "SFS-QS-QS");
        qfx.hours(id, today.getYear(), 60);
        qfx.passEnforcementExams(id, "YJGL", java.time.Instant.now());
        long qid = qfx.of(id).get(0).id;
        // 25 days before expiry, in the renewal window of its cycle
        QuarkusTransaction.requiringNew().run(() -> {
            cn.zhifa.academy.qualification.Qualification q = cn.zhifa.academy.qualification.Qualification.findById(qid);
            q.expiresOn = today.plusDays(25);
            q.renewalCycle = q.cycle;
            q.renewalOpenedOn = today.minusDays(5);
        });
        Account holder = accounts.create("renew", Roles.LEARNER, "SFS-QS-QS", null, id);
        Account admin = accounts.create("renew-admin", Roles.ADMIN, "SFS-QS");

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), holder.username, PASSWORD);
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo-qual-" + qid)));
        assertThat(item.getText()).contains("还有 25 天").contains("《行政执法三项制度》")
                .contains("《行政处罚程序与陈述申辩听证权利》").contains("换证考试（尚未安排）").doesNotContain("TY-");
        browser.shot("hour-06-holder-home");
        item.findElement(By.tagName("a")).click();
        WebElement steps = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("renewal-steps")));
        assertThat(steps.getText()).contains("《行政执法三项制度》").doesNotContain("TY-SXZD").doesNotContain("TY-CFCX");
        assertThat(d.findElement(By.id("renewal-exam-missing")).getText()).contains("尚未安排");
        browser.shot("hour-07-renewal-steps");
        // at phone width the history table is a card list (label beside each value), and the bell is an icon with a 44 px target
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
        assertThat((String) js.executeScript("var td = document.querySelector('#qual-history tbody td');"
                + "return getComputedStyle(td).display + '|' + getComputedStyle(td, '::before').content;"))
                .startsWith("flex|").contains("日期");
        assertThat(d.findElement(By.id("nav-bell")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat(d.findElement(By.id("nav-bell")).getSize().getWidth()).isGreaterThanOrEqualTo(44);
        assertThat(d.findElements(By.cssSelector("#nav-bell svg"))).hasSize(1);
        d.findElement(By.cssSelector("#renewal-steps li[data-code='TY-SXZD'] a.renewal-link")).click();
        wait.until(ExpectedConditions.textToBe(By.id("course-title"), "行政执法三项制度"));

        // the administrator sees the window without a renewal exam as a problem to fix
        d.findElement(By.cssSelector("details.menu summary")).click();
        d.findElement(By.id("logout")).click();
        browser.login(root.toString(), admin.username, PASSWORD);
        WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo-renewal-no-exam")));
        assertThat(problem.getText()).contains("没有可参加的换证考试");
        assertThat(problem.getAttribute("class")).contains("urgent");
    }

    @Test
    void providerManagersHomeShowsTheirStaffAndScope() throws Exception {
        cn.zhifa.academy.provider.Provider provider = fx.provider("SFS-LJ");
        for (int i = 0; i < 3; i++) {
            Person staff = fx.person("SFS-LJ", PersonCategory.PROVIDER_STAFF, provider.id);
        }
        Account manager = accounts.create("pm", Roles.PROVIDER_MANAGER, null, provider.id, null);

        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), manager.username, PASSWORD);
        WebElement staff = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo-provider-staff")));
        assertThat(staff.getText()).contains(provider.name).contains("在册 3 人").contains("持证 0 人");
        assertThat(d.findElement(By.id("scope")).getText()).isEqualTo(provider.name);
        assertThat(d.findElements(By.id("card-learn"))).isEmpty();
        assertThat(d.findElements(By.id("nav-learn"))).isEmpty();
        browser.shot("hour-08-provider-home");
        staff.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.urlContains("/providers/" + provider.id));
        assertThat(d.getPageSource()).doesNotContain("账号尚未关联人员档案");
    }

    @Test
    void dashboardChartsDrawRatesOnAFixedPercentAxisAndCountsWithIntegerTicks() throws Exception {
        Account admin = accounts.create("hour-dash", Roles.ADMIN, "SFS");
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
        browser.login(root.toString(), admin.username, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu")));
        d.get(root + "dashboard?year=" + LocalDate.now().getYear());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> axes = (List<Map<String, Object>>) js.executeScript(
                "return Array.from(document.querySelectorAll('.chart[data-type=bar]')).map(function (el) {"
                        + " var x = echarts.getInstanceByDom(el).getOption().xAxis[0];"
                        + " return { id: el.id, axis: el.dataset.axis, min: x.min, max: x.max, minInterval: x.minInterval || 0,"
                        + "   label: x.axisLabel && x.axisLabel.formatter || '' }; });");
        assertThat(axes).isNotEmpty();
        assertThat(axes).filteredOn(a -> "percent".equals(a.get("axis"))).isNotEmpty().allSatisfy(a -> {
            assertThat(((Number) a.get("min")).intValue()).as("%s min", a.get("id")).isZero();
            assertThat(((Number) a.get("max")).intValue()).as("%s max", a.get("id")).isEqualTo(100);
            assertThat(a.get("label")).isEqualTo("{value}%");
        });
        assertThat(axes).filteredOn(a -> "count".equals(a.get("axis"))).allSatisfy(a ->
                assertThat(((Number) a.get("minInterval")).intValue()).as("%s integer ticks", a.get("id")).isEqualTo(1));
        browser.shot("hour-09-dashboard");
    }
}
