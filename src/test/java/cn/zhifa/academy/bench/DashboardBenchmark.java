package cn.zhifa.academy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.dashboard.DashboardService;
import cn.zhifa.academy.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dashboard benchmark (not part of the test suite: the class name does not end in Test). Seeds
 * 50,000 people spread over the demo units with five years of records — hours ledger (3 lines a
 * person a year), exam records (one a person a year), auxiliary assessments (one an auxiliary
 * person a year), 300 providers with yearly credit evaluations and events, and plan assignments
 * with enrollments for this year's plans — then times every dashboard panel through the API as
 * the city admin and as a district admin. Run it with
 * {@code ./mvnw -B test -Dtest=DashboardBenchmark -Dbench.jvm=-Xmx1g}; results go to stdout and
 * target/benchmark/dashboard.md.
 */
@QuarkusTest
class DashboardBenchmark {

    static final int PEOPLE = 50_000;
    static final int PROVIDERS = 300;
    static final int RUNS = 30;
    static final int WARMUP = 5;

    @Inject
    DataSource dataSource;

    @Test
    void everyPanelOverFiftyThousandPeopleAndFiveYears() throws Exception {
        int year = DashboardService.currentYear();
        long seedStart = System.nanoTime();
        List<String> counts = seed(year);
        long seedSeconds = (System.nanoTime() - seedStart) / 1_000_000_000;

        List<String> report = new ArrayList<>();
        report.add("# Dashboard benchmark");
        report.add("");
        report.add("- load average before timing: " + ExamBench.loadAverage());
        report.add("- JVM max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; cores: "
                + Runtime.getRuntime().availableProcessors() + "; seeding took " + seedSeconds + " s");
        report.addAll(counts);
        report.add("");
        report.add("| panel (year " + year + ") | city admin p50 | city p95 | district admin p50 | district p95 | rows (city / district) |");
        report.add("|---|---|---|---|---|---|");
        Api city = Api.as("admin", "Demo@2026");
        Api district = Api.as("admin.linjiang", "Demo@2026");
        for (String panel : DashboardService.PANELS) {
            long[] c = time(city, "/api/v1/dashboard/" + panel);
            long[] d = time(district, "/api/v1/dashboard/" + panel);
            int cityRows = city.get().when().get("/api/v1/dashboard/" + panel).then().statusCode(200).extract().jsonPath()
                    .getList("rows").size();
            int districtRows = district.get().when().get("/api/v1/dashboard/" + panel).then().extract().jsonPath()
                    .getList("rows").size();
            report.add("| " + panel + " | " + c[0] + " ms | " + c[1] + " ms | " + d[0] + " ms | " + d[1] + " ms | "
                    + cityRows + " / " + districtRows + " |");
        }
        long[] page = time(city, "/dashboard");
        long[] pageD = time(district, "/dashboard");
        report.add("| whole page /dashboard (7 panels) | " + page[0] + " ms | " + page[1] + " ms | " + pageD[0] + " ms | "
                + pageD[1] + " ms | |");
        long qs = unitId("SFS-LJ-JB");
        long[] drill = time(district, "/api/v1/dashboard/hours/people?key=unit:" + qs);
        long[] xlsx = time(city, "/dashboard/hours.xlsx");
        report.add("| drill-down: a town's people below target | | | " + drill[0] + " ms | " + drill[1] + " ms | |");
        long[] drillExpiring = time(city, "/api/v1/dashboard/expiring/people?key=days:30");
        report.add("| drill-down: qualifications expiring within 30 days | " + drillExpiring[0] + " ms | " + drillExpiring[1]
                + " ms | | | |");
        report.add("| XLSX export of the hours table | " + xlsx[0] + " ms | " + xlsx[1] + " ms | | | |");
        report.add("");
        report.add("- load average after timing: " + ExamBench.loadAverage());
        String text = String.join("\n", report) + "\n";
        Path dir = Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(dir.resolve("dashboard.md"), text);
        System.out.println(text);
    }

    /** p50 and p95 in ms over RUNS calls after WARMUP calls. */
    private long[] time(Api api, String path) {
        long[] ms = new long[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            long s = System.nanoTime();
            api.get().when().get(path).then().statusCode(200);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - s) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        return new long[] { ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1] };
    }

    private long unitId(String code) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM org_unit WHERE code = '" + code + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<String> seed(int year) throws Exception {
        int first = year - 4;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // bulk load without row triggers (the dashboard aggregates are rebuilt once at the end)
            s.execute("SET session_replication_role = replica");
            s.execute("CREATE TEMP TABLE bench_units AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM org_unit");
            s.execute("""
                    INSERT INTO person (id, name, employee_no, category, grade, unit_id, status, status_since,
                                        id_hash, id_masked, created_at, updated_at, version)
                    SELECT 20000000 + g,
                           (ARRAY['王','李','张','刘','陈','杨','黄','赵'])[1 + g % 8] || '看板' || g,
                           'D' || lpad(g::text, 7, '0'),
                           (ARRAY['OFFICER','OFFICER','LEGAL_REVIEWER','AUXILIARY'])[1 + g % 4],
                           'SERVING',
                           (SELECT id FROM bench_units WHERE n = g % (SELECT count(*) FROM bench_units)),
                           (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ON_LEAVE'])[1 + g % 5],
                           DATE '2020-01-01', encode(sha256(('dash-' || g)::bytea), 'hex'), '330203**********00',
                           now(), now(), 0
                    FROM generate_series(1, $PEOPLE) g
                    """.replace("$PEOPLE", String.valueOf(PEOPLE)));
            s.execute("INSERT INTO media_object (object_key, filename, content_type, size_bytes, sha256, uploaded_by, created_at) "
                    + "VALUES ('bench/evidence', 'evidence.pdf', 'application/pdf', 1, repeat('0', 64), 'bench', now())");
            s.execute("""
                    INSERT INTO hours_ledger (person_id, year, hours, source, description, evidence_media_id, recorded_by, recorded_at)
                    SELECT 20000000 + g, y, (4 + (g * 7 + y * 3 + k * 11) % 28)::numeric, 'OFFLINE', '基准培训',
                           (SELECT max(id) FROM media_object), 'bench', now()
                    FROM generate_series(1, $PEOPLE) g, generate_series($FIRST, $LAST) y, generate_series(1, 3) k
                    """.replace("$PEOPLE", String.valueOf(PEOPLE)).replace("$FIRST", String.valueOf(first)).replace("$LAST", String.valueOf(year)));
            s.execute("""
                    INSERT INTO exam_record (person_id, exam_id, exam_code, exam_title, purpose, resit, domain_code, score, band,
                                             passed, attempts_used, finished_at, recorded_at)
                    SELECT 20000000 + g, 50000000 + y * 100 + g % 9, 'B-' || y || '-' || g % 9, y || ' 年度考试 ' || g % 9,
                           CASE WHEN g % 4 = 3 THEN 'AUXILIARY' ELSE 'ANNUAL' END, false,
                           (ARRAY['ZHZF','SCJG','STHJ','JTYS','WHSC','NYNC','YJGL','WSJK','TY'])[1 + g % 9],
                           sc, CASE WHEN sc >= 60 THEN '合格' ELSE '不合格' END, sc >= 60, 1,
                           make_timestamptz(y, 1 + g % 11, 1 + g % 27, 9, 0, 0, 'Asia/Shanghai'), now()
                    FROM generate_series(1, $PEOPLE) g, generate_series($FIRST, $LAST) y,
                         LATERAL (SELECT (35 + (g * 13 + y) % 65)::numeric AS sc) x
                    """.replace("$PEOPLE", String.valueOf(PEOPLE)).replace("$FIRST", String.valueOf(first)).replace("$LAST", String.valueOf(year)));
            s.execute("""
                    INSERT INTO evaluation (scheme_id, subject_kind, person_id, unit_id, cycle_label, period_start, period_end,
                                            status, base_score, adjustment, total, band, created_by, confirmed_by, confirmed_at)
                    SELECT sc.id, 'AUXILIARY', p.id, p.unit_id, y::text, make_date(y, 1, 1), make_date(y + 1, 1, 1), 'CONFIRMED',
                           t, 0, t, CASE WHEN t >= 90 THEN '优秀' WHEN t >= 75 THEN '合格' WHEN t >= 60 THEN '基本合格' ELSE '不合格' END,
                           'bench', 'bench', now()
                    FROM person p, generate_series($FIRST, $LAST) y,
                         (SELECT id FROM eval_scheme WHERE code = 'FZRY-ZRZKH' ORDER BY version_no DESC LIMIT 1) sc,
                         LATERAL (SELECT (40 + (p.id * 7 + y) % 60)::numeric AS t) x
                    WHERE p.id > 20000000 AND p.category = 'AUXILIARY'
                    """.replace("$FIRST", String.valueOf(first)).replace("$LAST", String.valueOf(year)));
            s.execute("""
                    INSERT INTO provider (credit_code, name, service_categories, commissioning_unit_id, status, created_at, updated_at, version)
                    SELECT '91330203BN' || lpad(g::text, 8, '0'), '基准服务公司' || g, '协助巡查',
                           (SELECT id FROM bench_units WHERE n = g % (SELECT count(*) FROM bench_units)), 'ACTIVE', now(), now(), 0
                    FROM generate_series(1, $PROVIDERS) g
                    """.replace("$PROVIDERS", String.valueOf(PROVIDERS)));
            s.execute("""
                    INSERT INTO credit_event (provider_id, kind, points, occurred_on, description, recorded_by)
                    SELECT pr.id, CASE WHEN k = 1 THEN 'COMPLAINT' WHEN k = 2 THEN 'PROFITEERING' ELSE 'REPAIR' END,
                           CASE WHEN k < 3 THEN -3 ELSE 2 END, make_date(y, 1 + k * 3, 10), '基准事件', 'bench'
                    FROM provider pr, generate_series($FIRST, $LAST) y, generate_series(1, 3) k
                    WHERE pr.name LIKE '基准服务公司%'
                    """.replace("$FIRST", String.valueOf(first)).replace("$LAST", String.valueOf(year - 1)));
            s.execute("""
                    INSERT INTO evaluation (scheme_id, subject_kind, provider_id, unit_id, cycle_label, period_start, period_end,
                                            status, base_score, adjustment, total, band, created_by, confirmed_by, confirmed_at)
                    SELECT sc.id, 'PROVIDER', pr.id, pr.commissioning_unit_id, y::text, make_date(y, 1, 1), make_date(y + 1, 1, 1),
                           'CONFIRMED', t + 4, -4, t,
                           CASE WHEN t >= 90 THEN 'AA' WHEN t >= 80 THEN 'A' WHEN t >= 70 THEN 'B' WHEN t >= 60 THEN 'C' ELSE 'D' END,
                           'bench', 'bench', now()
                    FROM provider pr, generate_series($FIRST, $LAST) y,
                         (SELECT id FROM eval_scheme WHERE code = 'DSFJG-XYPJ' ORDER BY version_no DESC LIMIT 1) sc,
                         LATERAL (SELECT (50 + (pr.id * 11 + y) % 50)::numeric AS t) x
                    WHERE pr.name LIKE '基准服务公司%'
                    """.replace("$FIRST", String.valueOf(first)).replace("$LAST", String.valueOf(year - 1)));
            s.execute("""
                    INSERT INTO plan_assignment (plan_id, person_id, status, opened_at)
                    SELECT tp.id, p.id, 'OPEN', now() FROM training_plan tp, person p
                    WHERE tp.year = $LAST AND p.id > 20000000 AND p.category IN ('OFFICER', 'LEGAL_REVIEWER')
                    ON CONFLICT DO NOTHING
                    """.replace("$LAST", String.valueOf(year)));
            s.execute("""
                    INSERT INTO enrollment (person_id, course_id, course_version_id, started_at, completed_at)
                    SELECT p.id, c.id, c.published_version_id, now(), CASE WHEN (p.id + c.id) % 3 > 0 THEN now() END
                    FROM person p JOIN course c ON c.published_version_id IS NOT NULL
                    WHERE p.id > 20000000 AND p.category IN ('OFFICER', 'LEGAL_REVIEWER') AND p.id % 2 = 0
                    ON CONFLICT DO NOTHING
                    """);
            // qualifications: one per officer, a fifth of them expiring within the next 90 days (the expiring panel)
            s.execute("""
                    INSERT INTO qualification (type_id, person_id, domain_code, number, state, state_since, issued_on,
                                               expires_on, issue_mode, basis)
                    SELECT (SELECT min(id) FROM qualification_type), p.id, 'TY', 'BQ' || p.id, 'VALID', DATE '2022-01-01',
                           DATE '2022-01-01', CURRENT_DATE + CASE WHEN p.id % 5 = 0 THEN (p.id % 90)::int + 1
                                                               ELSE 200 + (p.id % 900)::int END,
                           'MANUAL', 'bench'
                    FROM person p WHERE p.id > 20000000 AND p.category = 'OFFICER'
                    ON CONFLICT DO NOTHING
                    """);
            s.execute("SET session_replication_role = DEFAULT");
            long rebuild = System.nanoTime();
            s.execute("SELECT dash_rebuild()");
            long rebuildMs = (System.nanoTime() - rebuild) / 1_000_000;
            // what the aggregates cost a write: 10,000 ledger lines through the triggers, then without them
            long withTriggers = timeLedgerInsert(s, year, 1_000_000);
            s.execute("SET session_replication_role = replica");
            long withoutTriggers = timeLedgerInsert(s, year, 2_000_000);
            s.execute("SET session_replication_role = DEFAULT");
            s.execute("DELETE FROM hours_ledger WHERE description = '基准写入'");
            s.execute("SELECT dash_rebuild()");
            s.execute("ANALYZE");
            List<String> out = new ArrayList<>();
            out.add("- dash_rebuild() over the seeded history: " + rebuildMs + " ms");
            out.add("- 10,000 hours-ledger inserts (one statement each) with the aggregate triggers: " + withTriggers
                    + " ms; without: " + withoutTriggers + " ms");
            for (String t : List.of("person", "hours_ledger", "exam_record", "evaluation", "provider", "credit_event",
                    "plan_assignment", "enrollment", "qualification", "dash_unit_hours", "dash_unit_exam")) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + t)) {
                    r.next();
                    out.add("- " + t + ": " + r.getLong(1) + " rows");
                }
            }
            assertThat(out.get(2)).contains(String.valueOf(PEOPLE).substring(0, 2));
            return out;
        }
    }

    /** Inserts 10,000 ledger lines one statement each (as the service writes them) and returns the time in ms. */
    private static long timeLedgerInsert(Statement s, int year, int offset) throws Exception {
        long t0 = System.nanoTime();
        try (java.sql.PreparedStatement ps = s.getConnection().prepareStatement("INSERT INTO hours_ledger (person_id, year, "
                + "hours, source, description, evidence_media_id, recorded_by, recorded_at) VALUES (?, ?, 1.5, 'OFFLINE', "
                + "'基准写入', (SELECT max(id) FROM media_object), 'bench', now())")) {
            for (int i = 0; i < 10_000; i++) {
                ps.setLong(1, 20000001L + (i * 7L + offset) % PEOPLE);
                ps.setInt(2, year);
                ps.executeUpdate();
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
