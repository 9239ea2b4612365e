package cn.zhifa.academy.browser;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.zhifa.academy.organization.EnforcementDomain;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Browser;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13 at 360 px: each dashboard panel rendered and checked in its SVG (rates on 0–100 %,
 * integer ticks for counts, every label whole, tables as cards, an empty state); the course
 * editor's checkboxes beside their labels; the question and check editors; the plan form's search.
 */
@QuarkusTest
class FirstHourFormsJourneyTest {

    @RegisterExtension
    Browser browser = new Browser();

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestAccounts accounts;

    private static void panelShot(WebDriver d, WebElement panel, String name) throws Exception {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView(true);", panel);
        File f = panel.getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(f.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyDashboardPanelHasHonestAxesWholeLabelsAndCardsOnAPhone() throws Exception {
        Account admin = accounts.create("dash-panels", Roles.ADMIN, "SFS");
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
        browser.login(root.toString(), admin.username, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu")));
        d.get(root + "dashboard?year=" + LocalDate.now().getYear());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
        JavascriptExecutor js = (JavascriptExecutor) d;
        List<Map<String, Object>> panels = (List<Map<String, Object>>) js.executeScript(
                "return Array.from(document.querySelectorAll('section.panel')).map(function (s) {"
                        + " var c = s.querySelector('.chart'); var svg = c && c.querySelector('svg');"
                        + " var texts = svg ? Array.from(svg.querySelectorAll('text')).map(function (t) { return t.textContent; }) : [];"
                        + " var rows = Array.from(s.querySelectorAll('tbody tr:not(.empty-row)')).map(function (r) {"
                        + "   return r.querySelector('td') ? r.querySelector('td').textContent.trim() : ''; });"
                        + " var tds = Array.from(s.querySelectorAll('tbody tr:not(.empty-row) td[data-label]'));"
                        + " return { id: s.id, type: c ? c.dataset.type : '', axis: c ? c.dataset.axis : '', texts: texts, rows: rows,"
                        + "   empty: !!s.querySelector('.chart-empty'), cardCells: tds.filter(function (td) {"
                        + "     return getComputedStyle(td).display === 'flex'; }).length, cells: tds.length,"
                        + "   overflow: s.scrollWidth > s.clientWidth + 1 }; });");
        assertThat(panels).isNotEmpty();
        int drawn = 0;
        for (Map<String, Object> p : panels) {
            String id = (String) p.get("id");
            panelShot(d, d.findElement(By.id(id)), "dashboard-" + id);
            List<String> rows = (List<String>) p.get("rows");
            List<String> texts = (List<String>) p.get("texts");
            assertThat((Boolean) p.get("overflow")).as("%s fits 360 px", id).isFalse();
            assertThat(((Number) p.get("cardCells")).intValue()).as("%s table cells are cards", id)
                    .isEqualTo(((Number) p.get("cells")).intValue());
            if (texts.isEmpty()) {
                assertThat((Boolean) p.get("empty")).as("%s without a chart shows an empty state", id).isTrue();
                continue;
            }
            drawn++;
            String all = String.join("", texts).replaceAll("\\s", "");
            for (String label : rows) {
                assertThat(all).as("%s label '%s' drawn whole", id, label).contains(label.replaceAll("\\s", ""));
            }
            assertThat(all).as("%s no label cut off", id).doesNotContain("…").doesNotContain("...");
            if ("bar".equals(p.get("type"))) {
                List<String> ticks = texts.stream().filter(t -> t.matches("-?\\d+(\\.\\d+)?%?")).toList();
                assertThat(ticks).as("%s axis ticks", id).isNotEmpty();
                if ("percent".equals(p.get("axis"))) {
                    assertThat(ticks).as("%s rate axis", id).contains("0%", "100%").allMatch(t -> t.endsWith("%"));
                    assertThat(ticks.stream().mapToDouble(t -> Double.parseDouble(t.replace("%", ""))).max().orElse(0))
                            .isEqualTo(100.0);
                } else {
                    assertThat(ticks).as("%s count ticks are whole numbers", id).allMatch(t -> t.matches("\\d+"));
                    assertThat(ticks).contains("0");
                }
            }
        }
        assertThat(drawn).as("at least one panel drawn with the demo data").isPositive();

        // a year without data: every available panel says so instead of drawing an empty chart
        d.get(root + "dashboard?year=2001");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.panel")));
        Thread.sleep(500);
        List<Map<String, Object>> empty = (List<Map<String, Object>>) js.executeScript(
                "return Array.from(document.querySelectorAll('section.panel')).map(function (s) {"
                        + " return { id: s.id, svg: !!s.querySelector('.chart svg'), empty: !!s.querySelector('.chart-empty'),"
                        + "   unavailable: s.textContent.indexOf('暂无数据来源') >= 0 }; });");
        assertThat(empty).filteredOn(p -> !(Boolean) p.get("svg") && !(Boolean) p.get("unavailable"))
                .allSatisfy(p -> assertThat((Boolean) p.get("empty")).as("%s", p.get("id")).isTrue());
        browser.shot("dashboard-empty-year");
    }

    @Test
    void authoringFormsWorkOnAPhoneAndTheCourseCheckboxesSitBesideTheirLabels() throws Exception {
        Account t = accounts.create("phone-author", Roles.TRAINER, "SFS");
        String code = "PH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long domain = QuarkusTransaction.requiringNew().call(() -> EnforcementDomain.byName("通用").orElseThrow().id);
        Api.as(t.username, PASSWORD).post().redirects().follow(false).formParam("code", code)
                .formParam("title", "手机编写的课程").formParam("domainId", domain).formParam("hours", "1").when()
                .post("/authoring/courses").then().statusCode(303);
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
        browser.login(root.toString(), t.username, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu")));

        for (int width : new int[] { 360, 1280 }) {
            d.manage().window().setSize(new Dimension(width, 900));
            d.get(root + "authoring/courses/" + code);
            WebElement grades = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("course-grades")));
            for (WebElement label : grades.findElements(By.tagName("label"))) {
                WebElement box = label.findElement(By.tagName("input"));
                assertThat(box.getSize().getWidth()).as("checkbox width at %d px", width).isLessThan(40);
                assertThat(label.getSize().getHeight()).as("one line, tappable at %d px", width).isBetween(40, 70);
                assertThat(label.getSize().getWidth()).as("label not stretched at %d px", width).isLessThan(300);
            }
            browser.shot("course-editor-checks-" + width);
        }
        d.manage().window().setSize(new Dimension(360, 780));

        // a check lesson written in the form: fields follow the type, a wrong answer is explained under it
        d.get(root + "authoring/courses/" + code + "/lessons/new");
        WebElement type = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("type")));
        assertThat(d.findElement(By.id("check-editor")).isDisplayed()).isFalse();
        new org.openqa.selenium.support.ui.Select(type).selectByValue("CHECK");
        assertThat(d.findElement(By.id("check-editor")).isDisplayed()).isTrue();
        assertThat(d.findElement(By.id("media-block")).isDisplayed()).isFalse();
        d.findElement(By.id("title")).sendKeys("手机小测");
        d.findElement(By.id("qStem1")).sendKeys("执法人员不得少于几人？");
        d.findElement(By.id("qOptions1")).sendKeys("一人\n两人\n三人");
        d.findElement(By.id("qAnswer1")).sendKeys("D");
        ((JavascriptExecutor) d).executeScript("arguments[0].click();", d.findElement(By.id("save-lesson")));
        WebElement err = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#check-q1 .xa-field-error[data-field=answer]")));
        assertThat(err.getText()).contains("A 到 C");
        browser.shot("check-editor-error");
        WebElement answer = d.findElement(By.id("qAnswer1"));
        answer.clear();
        answer.sendKeys("B");
        ((JavascriptExecutor) d).executeScript("arguments[0].click();", d.findElement(By.id("save-lesson")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("authoring-lessons")));
        assertThat(d.findElement(By.id("authoring-lessons")).getText()).contains("手机小测");

        // a new question in the bank's form: only the fields of its type are shown
        d.get(root + "exam-admin/questions/new");
        WebElement qtype = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("type")));
        assertThat(d.findElement(By.id("case-block")).isDisplayed()).isFalse();
        new org.openqa.selenium.support.ui.Select(qtype).selectByValue("CASE_ANALYSIS");
        assertThat(d.findElement(By.id("case-block")).isDisplayed()).isTrue();
        assertThat(d.findElement(By.id("options-block")).isDisplayed()).isFalse();
        Object overflow = ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        assertThat(overflow).isEqualTo(false);
        browser.shot("question-editor-case");
    }

    @Test
    void thePlanFormFindsCoursesByTitle() throws Exception {
        Account admin = accounts.create("phone-plan", Roles.ADMIN, "SFS");
        WebDriver d = browser.open();
        WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
        browser.login(root.toString(), admin.username, PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.menu")));
        d.get(root + "plans");
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("course-search")));
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView(true);", search);
        search.sendKeys("听证");
        List<WebElement> visible = d.findElements(By.cssSelector("#course-picks label")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(visible).isNotEmpty().allSatisfy(l -> assertThat(l.getText()).contains("听证"));
        assertThat(d.findElements(By.cssSelector("#course-picks label")).size()).isGreaterThan(visible.size());
        browser.shot("plan-form-course-search");
        search.clear();
        search.sendKeys("没有这门课程");
        assertThat(d.findElement(By.id("course-none")).isDisplayed()).isTrue();
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView(true);", d.findElement(By.id("plan-audience")));
        browser.shot("plan-form-targeting");
    }
}
