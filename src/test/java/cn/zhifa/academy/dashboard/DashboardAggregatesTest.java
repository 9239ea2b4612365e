package cn.zhifa.academy.dashboard;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 16: the hours, domain and exam panels read aggregates kept by triggers (V151). After
 * every kind of write that changes them — ledger lines added and removed, exam results, a person
 * moving unit, leaving service — each panel equals the same figures computed live from the base
 * tables (the queries the panels ran before), its drill-down lists exactly the people behind the
 * row, and its XLSX holds the same table.
 */
@QuarkusTest
class DashboardAggregatesTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EvalFixtures fx;

    @Inject
    EntityManager em;

    final int year = LocalDate.now().getYear();

    @Test
    void panelsFollowEveryWriteAndEqualTheLiveFiguresTheDrillDownsAndTheXlsx() throws Exception {
        Account a = accounts.create("dash-agg", Roles.ADMIN, "SFS");
        Api city = Api.as(a.username, PASSWORD);
        assertPanelsAreLive(city);

        Person p1 = fx.person("SFS-LJ-JB", PersonCategory.OFFICER);
        Person p2 = fx.person("SFS-QS-QS", PersonCategory.LEGAL_REVIEWER);
        fx.hours(p1.id, year, 59);
        assertPanelsAreLive(city);
        fx.hours(p1.id, year, 1); // 60: reaches the target
        fx.hours(p2.id, year, 75);
        fx.hours(p2.id, year - 1, 20);
        long exam = 9_000_000L + (long) (Math.random() * 1_000_000);
        fx.examResult(p1.id, exam, ExamPurpose.ANNUAL, 50, LocalDate.now().minusDays(1));
        fx.examResult(p2.id, exam, ExamPurpose.ANNUAL, 88, LocalDate.now().minusDays(1));
        assertPanelsAreLive(city);

        // p1 moves to 青山镇: people, hours and exam results move with them
        sql("UPDATE person SET unit_id = (SELECT id FROM org_unit WHERE code = 'SFS-QS-QS') WHERE id = " + p1.id);
        assertPanelsAreLive(city);
        // p2 leaves service: no longer counted for hours; exam results stay (they count every candidate)
        sql("UPDATE person SET status = 'ON_LEAVE' WHERE id = " + p2.id);
        assertPanelsAreLive(city);
        sql("UPDATE person SET status = 'ACTIVE' WHERE id = " + p2.id);
        // a ledger line removed: p1 falls below the target again
        sql("DELETE FROM hours_ledger WHERE id = (SELECT max(id) FROM hours_ledger WHERE person_id = " + p1.id + ")");
        // a result corrected: the score and the pass flag change
        sql("UPDATE exam_record SET score = 65, passed = true, band = '合格' WHERE person_id = " + p1.id + " AND exam_id = "
                + exam);
        assertPanelsAreLive(city);

        // the exam row equals its drill-down (failed candidates) and the figures of the two results
        JsonPath exams = city.get().when().get("/api/v1/dashboard/exams").then().statusCode(200).extract().jsonPath();
        List<Object> row = exams.getList("rows.find { it.drillKey == 'exam:" + exam + "' }.cells");
        assertThat(row).containsExactly("测试考试 " + exam, 2, 2, 100.0f, 76.5f);

        // every hours row: below-target people = the drill-down's rows; the XLSX holds the same table
        JsonPath hours = city.get().when().get("/api/v1/dashboard/hours").then().statusCode(200).extract().jsonPath();
        List<List<Object>> cells = hours.getList("rows.cells");
        List<String> keys = hours.getList("rows.drillKey");
        for (int i = 0; i < cells.size(); i++) {
            long below = ((Number) cells.get(i).get(3)).longValue();
            JsonPath drill = city.get().queryParam("key", keys.get(i)).when().get("/api/v1/dashboard/hours/people").then()
                    .statusCode(200).extract().jsonPath();
            assertThat((long) drill.getList("personIds").size()).as("below target in " + cells.get(i).get(0))
                    .isEqualTo(Math.min(below, DashboardService.DRILL_LIMIT));
        }
        byte[] xlsx = city.get().when().get("/dashboard/hours.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                assertThat(s.getRow(i + 1).getCell(0).getStringCellValue()).isEqualTo(cells.get(i).get(0));
                for (int c = 1; c <= 3; c++) {
                    assertThat(s.getRow(i + 1).getCell(c).getNumericCellValue())
                            .isEqualTo(((Number) cells.get(i).get(c)).doubleValue());
                }
            }
        }
        // the domain row: failed candidates of the year = its drill-down
        JsonPath domains = city.get().when().get("/api/v1/dashboard/domains").then().statusCode(200).extract().jsonPath();
        List<Object> zhzf = domains.getList("rows.find { it.drillKey == 'domain:ZHZF' }.cells");
        long failed = ((Number) zhzf.get(1)).longValue() - ((Number) zhzf.get(2)).longValue();
        JsonPath drill = city.get().queryParam("key", "domain:ZHZF").when().get("/api/v1/dashboard/domains/people").then()
                .statusCode(200).extract().jsonPath();
        assertThat((long) drill.getList("personIds").size()).isEqualTo(Math.min(failed, DashboardService.DRILL_LIMIT));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    /** The three aggregate panels of this and last year equal the live queries over the base tables. */
    private void assertPanelsAreLive(Api city) {
        for (int y : new int[] { year, year - 1 }) {
            JsonPath hours = city.get().queryParam("year", y).when().get("/api/v1/dashboard/hours").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(figures(hours, 3)).as("hours " + y).isEqualTo(live("""
                    SELECT u.name, count(*), count(*) FILTER (WHERE x.total >= 60)
                    FROM (SELECT p.unit_id, coalesce(sum(h.hours), 0) AS total FROM person p
                          LEFT JOIN hours_ledger h ON h.person_id = p.id AND h.year = ?1
                          WHERE p.status = 'ACTIVE' AND p.category <> 'PROVIDER_STAFF' GROUP BY p.id, p.unit_id) x
                    JOIN org_unit u ON u.id = x.unit_id GROUP BY u.id, u.name, u.path ORDER BY u.path
                    """, y, false));
            JsonPath domains = city.get().queryParam("year", y).when().get("/api/v1/dashboard/domains").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(figures(domains, 3)).as("domains " + y).isEqualTo(live("""
                    SELECT coalesce(d.name, x.domain_code), count(*), count(*) FILTER (WHERE x.passed)
                    FROM exam_record x LEFT JOIN enforcement_domain d ON d.code = x.domain_code
                    WHERE EXTRACT(YEAR FROM x.finished_at AT TIME ZONE 'Asia/Shanghai') = ?1
                    GROUP BY x.domain_code, d.name, d.sort_order ORDER BY d.sort_order, x.domain_code
                    """, y, false));
            JsonPath exams = city.get().queryParam("year", y).when().get("/api/v1/dashboard/exams").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(sorted(figures(exams, 5))).as("exams " + y).isEqualTo(sorted(live("""
                    SELECT max(x.exam_title), count(*), count(*) FILTER (WHERE x.passed), round(avg(x.score), 1)
                    FROM exam_record x WHERE EXTRACT(YEAR FROM x.finished_at AT TIME ZONE 'Asia/Shanghai') = ?1
                    GROUP BY x.exam_id ORDER BY max(x.finished_at) DESC LIMIT 50
                    """, y, true)));
        }
    }

    /** Label and counts of each row ("name|n|m"), plus the average for the exam panel. */
    @SuppressWarnings("unchecked")
    private static List<String> figures(JsonPath panel, int columns) {
        List<String> out = new ArrayList<>();
        for (List<Object> c : (List<List<Object>>) (List<?>) panel.getList("rows.cells")) {
            StringBuilder b = new StringBuilder(String.valueOf(c.get(0)));
            b.append('|').append(((Number) c.get(1)).longValue()).append('|').append(((Number) c.get(2)).longValue());
            if (columns == 5) {
                b.append('|').append(new BigDecimal(String.valueOf(c.get(4))).setScale(1, RoundingMode.HALF_UP));
            }
            out.add(b.toString());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<String> live(String sql, int y, boolean average) {
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(sql).setParameter(1, y).getResultList());
        List<String> out = new ArrayList<>();
        for (Object[] r : rows) {
            StringBuilder b = new StringBuilder(String.valueOf(r[0])).append('|').append(((Number) r[1]).longValue())
                    .append('|').append(((Number) r[2]).longValue());
            if (average) {
                b.append('|').append(((BigDecimal) r[3]).setScale(1, RoundingMode.HALF_UP));
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }
}
