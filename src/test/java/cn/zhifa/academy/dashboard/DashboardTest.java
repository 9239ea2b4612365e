package cn.zhifa.academy.dashboard;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.evaluation.EvalFixtures;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Dashboards: scoped to the admin's subtree, drill-down refused outside it, XLSX with the table's content. */
@QuarkusTest
class DashboardTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EvalFixtures fx;

    Api admin(String unit) {
        Account a = accounts.create("dash", Roles.ADMIN, unit);
        return Api.as(a.username, PASSWORD);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aDistrictAdminSeesOnlyTheirSubtreeAndCannotDrillOutsideIt() {
        int year = LocalDate.now().getYear();
        Person lj = fx.person("SFS-LJ-JB", PersonCategory.OFFICER);
        Person qs = fx.person("SFS-QS-QS", PersonCategory.OFFICER);
        fx.hours(lj.id, year, 70);
        long exam = 8_000_000L + (long) (Math.random() * 1_000_000);
        fx.examResult(lj.id, exam, ExamPurpose.ANNUAL, 50, LocalDate.now().minusDays(1));
        fx.examResult(qs.id, exam, ExamPurpose.ANNUAL, 90, LocalDate.now().minusDays(1));

        Api district = admin("SFS-LJ");
        JsonPath hours = district.get().when().get("/api/v1/dashboard/hours").then().statusCode(200).extract().jsonPath();
        List<String> units = hours.getList("rows.cells.collect { it[0] }");
        assertThat(units).contains("临江区", "江滨街道").doesNotContain("青山区", "青山镇", "示范市");

        Api city = admin("SFS");
        List<String> cityUnits = city.get().when().get("/api/v1/dashboard/hours").then().extract().jsonPath()
                .getList("rows.cells.collect { it[0] }");
        assertThat(cityUnits).contains("示范市", "临江区", "青山区");

        // the exam panel counts only the district's candidate: 1 candidate, 0 passed
        JsonPath exams = district.get().when().get("/api/v1/dashboard/exams").then().extract().jsonPath();
        Map<String, Object> row = exams.getMap("rows.find { it.drillKey == 'exam:" + exam + "' }");
        assertThat((List<Object>) row.get("cells")).containsExactly("测试考试 " + exam, 1, 0, 0.0f, 50.0f);
        JsonPath cityExams = city.get().when().get("/api/v1/dashboard/exams").then().extract().jsonPath();
        assertThat((List<Object>) cityExams.getMap("rows.find { it.drillKey == 'exam:" + exam + "' }").get("cells"))
                .containsExactly("测试考试 " + exam, 2, 1, 50.0f, 70.0f);

        // drill into the failed candidates: the district sees its person; the city sees only the failed one too
        JsonPath drill = district.get().queryParam("key", "exam:" + exam).when().get("/api/v1/dashboard/exams/people").then()
                .statusCode(200).extract().jsonPath();
        assertThat(drill.getList("personIds", Long.class)).containsExactly(lj.id);

        // out of scope: a unit of another district, a provider of another district
        long qsUnit = fx.unit("SFS-QS");
        district.get().queryParam("key", "unit:" + qsUnit).when().get("/api/v1/dashboard/hours/people").then()
                .statusCode(404).contentType("application/problem+json");
        district.get().queryParam("panel", "hours").queryParam("key", "unit:" + qsUnit).when().get("/dashboard/people").then()
                .statusCode(404);
        long yunxiProvider = fx.provider("SFS-YX").id;
        district.get().queryParam("key", "provider:" + yunxiProvider).when().get("/api/v1/dashboard/credit/people").then()
                .statusCode(404);
        district.get().queryParam("key", "nonsense").when().get("/api/v1/dashboard/hours/people").then().statusCode(400)
                .contentType("application/problem+json");
        district.get().when().get("/api/v1/dashboard/nothing").then().statusCode(404);

        // in scope: the town's people below the hours target (our person has 70 ≥ 60: not listed)
        JsonPath below = district.get().queryParam("key", "unit:" + fx.unit("SFS-LJ-JB")).when()
                .get("/api/v1/dashboard/hours/people").then().statusCode(200).extract().jsonPath();
        assertThat(below.getList("personIds", Long.class)).isNotEmpty().doesNotContain(lj.id);

        // learners have no dashboard
        Account learner = accounts.create("dash-learner", Roles.LEARNER, "SFS-LJ");
        Api.as(learner.username, PASSWORD).get().when().get("/api/v1/dashboard/hours").then().statusCode(403);
    }

    @Test
    void thePageHasStablePanelIdsChartsAndDrillLinksAndEveryTableExportsAsXlsx() throws Exception {
        Api city = admin("SFS");
        String html = city.get().when().get("/dashboard").then().statusCode(200).extract().asString();
        for (String p : DashboardService.PANELS) {
            assertThat(html).contains("id=\"panel-" + p + "\"", "id=\"export-" + p + "\"");
        }
        assertThat(html).contains("/static/vendor/echarts/echarts.min.js", "id=\"chart-hours\"", "id=\"drill-hours-0\"");
        // the demo's confirmed assessments are of 2025
        assertThat(city.get().when().get("/dashboard?year=2025").then().statusCode(200).extract().asString())
                .contains("id=\"chart-grades\"", "id=\"drill-grades-0\"", "id=\"chart-credit\"");
        city.get().when().get("/static/vendor/echarts/echarts.min.js").then().statusCode(200);

        JsonPath grades = city.get().when().get("/api/v1/dashboard/grades?year=2025").then().extract().jsonPath();
        byte[] xlsx = city.get().when().get("/dashboard/grades.xlsx?year=2025").then().statusCode(200)
                .contentType(DashboardPage.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("等次");
            assertThat(s.getLastRowNum()).isEqualTo(grades.getList("rows").size());
            List<String> bands = grades.getList("rows.cells.collect { it[0] }");
            assertThat(bands).contains("不合格");
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                assertThat(s.getRow(i).getCell(0).getStringCellValue()).isEqualTo(bands.get(i - 1));
                assertThat(s.getRow(i).getCell(1).getNumericCellValue())
                        .isEqualTo(((Number) grades.getList("rows.cells.collect { it[1] }").get(i - 1)).doubleValue());
            }
        }
        for (String p : DashboardService.PANELS) {
            city.get().when().get("/dashboard/" + p + ".xlsx").then().statusCode(200);
        }
        // a drill-down list exports too, and its page links back
        String drill = city.get().queryParam("panel", "grades").queryParam("key", "band:不合格").queryParam("year", 2025)
                .when().get("/dashboard/people").then().statusCode(200).extract().asString();
        assertThat(drill).contains("id=\"drill-people\"", "id=\"export-drill\"");
        byte[] people = city.get().queryParam("panel", "grades").queryParam("key", "band:不合格").queryParam("year", 2025)
                .when().get("/dashboard/people.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(people))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(1);
        }
        // the qualifications feature feeds the expiring panel: the demo city has one within 30 days
        city.get().when().get("/dashboard").then().body(not(containsString("资格证书模块尚未接入")),
                containsString("id=\"drill-expiring-0\""));
        String expiring = city.get().queryParam("panel", "expiring").queryParam("key", "days:30").when()
                .get("/dashboard/people").then().statusCode(200).extract().asString();
        assertThat(expiring).contains("id=\"drill-detail-0\"", "/qualifications/");
    }

    /**
     * Issue 13 item 7: the trend over years. Years before the first with data are left out, a
     * year without data is "—" (no point), not 0; the hours share agrees with the ledger (today's
     * counted staff of the subtree who reached the target that year) and the pass rate with the
     * exam records; another district sees none of it; one year of data draws no line.
     */
    @SuppressWarnings("unchecked")
    @Test
    void theTrendShowsYearsWithDataOnAPercentAxisAndAgreesWithTheRecords() {
        Person a = fx.person("SFS-YX-BS", PersonCategory.OFFICER);
        Person b = fx.person("SFS-YX-BS", PersonCategory.OFFICER);
        fx.hours(a.id, 2011, 70);
        long exam = 8_000_000L + (long) (Math.random() * 1_000_000);
        fx.examResult(a.id, exam, ExamPurpose.ANNUAL, 80, LocalDate.of(2013, 5, 1));
        fx.examResult(b.id, exam + 1, ExamPurpose.ANNUAL, 40, LocalDate.of(2013, 5, 2));

        Api town = admin("SFS-YX-BS");
        List<List<Object>> rows = town.get().queryParam("year", 2013).when().get("/api/v1/dashboard/trend").then()
                .statusCode(200).extract().jsonPath().getList("rows.cells");
        // 2009 and 2010 have no data and come before the first year that has: left out
        assertThat(rows.stream().map(r -> r.get(0)).toList()).containsExactly("2011", "2012", "2013");
        long people = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) Person.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM person p JOIN org_unit u ON u.id = p.unit_id "
                        + "WHERE u.path LIKE (SELECT path FROM org_unit WHERE code = 'SFS-YX-BS') || '%' "
                        + "AND p.status = 'ACTIVE' AND p.category <> 'PROVIDER_STAFF'").getSingleResult()).longValue());
        double share = Math.round(1000.0 / people) / 10.0;
        assertThat(((Number) rows.get(0).get(1)).doubleValue()).isCloseTo(share, org.assertj.core.data.Offset.offset(0.001));
        assertThat(rows.get(0).get(3)).isEqualTo("—");
        assertThat(rows.get(1)).containsExactly("2012", "—", 0, "—");
        assertThat(rows.get(2).get(1)).isEqualTo("—");
        assertThat(rows.get(2).get(2)).isEqualTo(2);
        assertThat(((Number) rows.get(2).get(3)).doubleValue()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.001));

        // one point per series: no line is drawn, the page says why and shows the table
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(town.get().when().get("/dashboard?year=2013").then()
                .statusCode(200).extract().asString());
        assertThat(page.select("#chart-trend")).isEmpty();
        assertThat(page.select("#empty-trend").text()).contains("只有一个年度");
        assertThat(page.select("#table-trend tbody tr")).hasSize(3);

        // a second year of exams: a line on the fixed 0–100 % axis, the missing years as gaps (null)
        fx.examResult(a.id, exam + 2, ExamPurpose.ANNUAL, 90, LocalDate.of(2012, 6, 1));
        page = org.jsoup.Jsoup.parse(town.get().when().get("/dashboard?year=2013").then().statusCode(200).extract().asString());
        org.jsoup.nodes.Element chart = page.selectFirst("#chart-trend");
        assertThat(chart).isNotNull();
        assertThat(chart.attr("data-type")).isEqualTo("line");
        assertThat(chart.attr("data-axis")).isEqualTo("percent");
        assertThat(chart.attr("data-labels")).isEqualTo("[\"2011\",\"2012\",\"2013\"]");
        assertThat(chart.attr("data-lines")).contains("[" + share + ",null,null]").contains("[null,100.0,50.0]");

        // another district sees none of it
        List<Object> other = admin("SFS-LJ").get().queryParam("year", 2013).when().get("/api/v1/dashboard/trend").then()
                .statusCode(200).extract().jsonPath().getList("rows");
        assertThat(other).isEmpty();
    }
}
