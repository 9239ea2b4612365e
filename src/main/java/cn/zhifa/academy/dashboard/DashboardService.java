package cn.zhifa.academy.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.academy.curriculum.CurriculumConfig;
import cn.zhifa.academy.evaluation.EvalMessages;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.qualification.ExpiringQualifications;

/**
 * The administrators' dashboards (统计看板), each one SQL aggregate over the caller's unit
 * subtree (a system administrator sees everything): hours compliance, plan completion, pass
 * rates by domain and by exam, qualifications expiring soon, auxiliary grade distribution and
 * provider credit ranking. Every row can be drilled into the people behind it, and every table
 * exported as XLSX.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardService {

    /** @deprecated the zone is configurable (academy.time-zone): use {@link Now#zone()}. */
    @Deprecated
    static final java.time.ZoneId ZONE = Now.DEFAULT_ZONE_ID;

    public static final List<String> PANELS = List.of("hours", "plans", "domains", "exams", "expiring", "grades", "credit",
            "trend");
    /** Years the trend panel shows, up to the chosen one. */
    static final int TREND_YEARS = 5;
    static final int DRILL_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The caller's scope on the joined unit {@code u}, bound to ?1 ({@link OrgScope#subtreePattern}). */
    private static final String U_IN_SCOPE = OrgScope.pathWithin("u.path", "?1");

    @Inject
    EntityManager em;

    @Inject
    OrgScope orgScope;

    @Inject
    CurriculumConfig curriculum;

    @Inject
    ExpiringQualifications expiring;

    @Inject
    DashboardDrill drills;

    /** One row of a panel's table; {@code drillKey} names the people behind it (null = none). */
    public record PanelRow(List<Object> cells, String drillKey) {
    }

    /**
     * A panel: its table, and the column drawn as the chart ({@code seriesColumns}: every column
     * drawn, for charts of several series such as the trend's lines).
     */
    public record Panel(String key, String title, List<String> headers, List<PanelRow> rows, String chartType,
            int chartColumn, boolean available, String note, List<Integer> seriesColumns) {

        public Panel(String key, String title, List<String> headers, List<PanelRow> rows, String chartType,
                int chartColumn, boolean available, String note) {
            this(key, title, headers, rows, chartType, chartColumn, available, note, List.of(chartColumn));
        }

        /**
         * Every drawn series: its name and values; a cell that is not a number (a year without
         * data, shown "—") is null, which the chart leaves out instead of drawing 0.
         */
        public String seriesJson() {
            List<java.util.Map<String, Object>> out = new ArrayList<>();
            for (int c : seriesColumns) {
                List<Object> values = new ArrayList<>();
                rows.forEach(r -> values.add(r.cells().get(c) instanceof Number n ? n : null));
                out.add(java.util.Map.of("name", headers.get(c), "values", values));
            }
            return json(out);
        }

        /**
         * Whether a chart tells anything: a line needs two points of one series; other charts
         * need a row.
         */
        public boolean drawable() {
            if (!"line".equals(chartType)) {
                return !rows.isEmpty();
            }
            for (int c : seriesColumns) {
                if (rows.stream().filter(r -> r.cells().get(c) instanceof Number).count() >= 2) {
                    return true;
                }
            }
            return false;
        }

        public String labelsJson() {
            return json(rows.stream().map(r -> String.valueOf(r.cells().get(0))).toList());
        }

        public String valuesJson() {
            return json(rows.stream().map(r -> r.cells().get(chartColumn)).toList());
        }

        public String seriesName() {
            return headers.get(chartColumn);
        }

        /**
         * How the chart's value axis is drawn: "percent" (a rate: fixed 0–100 %) when the charted
         * column is a percentage (its header ends in %), otherwise "count" (integer ticks from 0).
         */
        public String axis() {
            return seriesName().endsWith("%") ? "percent" : "count";
        }
    }

    /** The people behind one row of a panel. */
    /** People behind a panel row; {@code detailLinks} (same order, may hold null) link the detail column. */
    public record Drill(String panel, String key, String title, List<String> headers, List<List<Object>> rows,
            List<Long> personIds, List<String> detailLinks) {

        public String detailLink(int index) {
            return index < detailLinks.size() ? detailLinks.get(index) : null;
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int currentYear() {
        return Now.today().getYear();
    }

    /** The caller's unit path prefix ("" = everything). */
    String prefix() {
        OrgScope.UnitFilter f = orgScope.unitFilter();
        if (f instanceof OrgScope.All) {
            return "";
        }
        if (f instanceof OrgScope.Subtree s) {
            return s.pathPrefix();
        }
        throw new ForbiddenException("dashboard.admins_only");
    }

    public List<Panel> all(int year, EvalMessages m) {
        List<Panel> out = new ArrayList<>();
        for (String p : PANELS) {
            out.add(panel(p, year, m));
        }
        return out;
    }

    public Panel panel(String key, int year, EvalMessages m) {
        String prefix = OrgScope.subtreePattern(prefix());
        switch (key) {
            case "hours":
                return hours(prefix, year, m);
            case "plans":
                return plans(prefix, year, m);
            case "domains":
                return domains(prefix, year, m);
            case "exams":
                return exams(prefix, year, m);
            case "expiring":
                return expiring(prefix, m);
            case "grades":
                return grades(prefix, year, m);
            case "credit":
                return credit(prefix, m);
            case "trend":
                return trend(prefix, year, m);
            default:
                throw new NotFoundException("dashboard.panel_not_found", key);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        return DashboardDrill.rows(em, sql, params);
    }

    static long l(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static BigDecimal pct(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    // ---- panels ------------------------------------------------------------------------

    /**
     * Hours compliance per unit, from the aggregates of V151 (issue 16): counted people per unit
     * and, per unit × year, how many reached each whole number of hours — a few rows per unit,
     * whatever the size of the ledger. Exact: a total reaches an integer target exactly when its
     * whole part does.
     */
    private Panel hours(String prefix, int year, EvalMessages m) {
        int target = curriculum.annualHoursTarget();
        List<PanelRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT u.id, u.name, pp.people,
                       CASE WHEN ?3 <= 0 THEN pp.people ELSE coalesce((SELECT sum(h.people) FROM dash_unit_hours h
                            WHERE h.unit_id = u.id AND h.year = ?2 AND h.whole_hours >= ?3), 0) END AS reached
                FROM dash_unit_people pp
                JOIN org_unit u ON u.id = pp.unit_id
                WHERE %s AND pp.people > 0
                ORDER BY u.path
                """.formatted(U_IN_SCOPE), prefix, year, target)) {
            long people = l(r[2]);
            long reached = l(r[3]);
            rows.add(new PanelRow(List.of(r[1], people, reached, people - reached, pct(reached, people)),
                    "unit:" + l(r[0])));
        }
        return new Panel("hours", m.panel_hours(), List.of(m.col_unit(), m.col_people(), m.col_reached(),
                m.col_below(), m.col_share()), rows, "bar", 4, true, m.panel_hours_note(target));
    }

    private Panel plans(String prefix, int year, EvalMessages m) {
        List<PanelRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT tp.id, tp.title, count(*) AS assigned,
                       count(*) FILTER (WHERE coalesce(d.n, 0) >= coalesce(req.n, 0)) AS completed
                FROM training_plan tp
                JOIN plan_assignment pa ON pa.plan_id = tp.id AND pa.status = 'OPEN'
                JOIN person p ON p.id = pa.person_id
                JOIN org_unit u ON u.id = p.unit_id
                LEFT JOIN (SELECT plan_id, count(*) AS n FROM training_plan_course GROUP BY plan_id) req
                       ON req.plan_id = tp.id
                LEFT JOIN (SELECT c.plan_id, e.person_id, count(*) AS n
                           FROM enrollment e
                           JOIN training_plan_course c ON c.course_id = e.course_id
                           JOIN training_plan t2 ON t2.id = c.plan_id AND t2.year = ?2
                           WHERE e.completed_at IS NOT NULL
                           GROUP BY c.plan_id, e.person_id) d ON d.plan_id = tp.id AND d.person_id = pa.person_id
                WHERE tp.year = ?2 AND %s
                GROUP BY tp.id, tp.title ORDER BY tp.id
                """.formatted(U_IN_SCOPE), prefix, year)) {
            long assigned = l(r[2]);
            long completed = l(r[3]);
            rows.add(new PanelRow(List.of(r[1], assigned, completed, pct(completed, assigned)), "plan:" + l(r[0])));
        }
        return new Panel("plans", m.panel_plans(), List.of(m.col_plan(), m.col_assigned(), m.col_completed(),
                m.col_share()), rows, "bar", 3, true, null);
    }

    /** Pass rates by domain, from the per unit × year × domain × exam aggregate (V151, issue 16). */
    private Panel domains(String prefix, int year, EvalMessages m) {
        List<PanelRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT x.domain_code, coalesce(d.name, x.domain_code), sum(x.candidates), sum(x.passed)
                FROM dash_unit_exam x
                JOIN org_unit u ON u.id = x.unit_id
                LEFT JOIN enforcement_domain d ON d.code = x.domain_code
                WHERE %s AND x.year = ?2
                GROUP BY x.domain_code, d.name, d.sort_order HAVING sum(x.candidates) > 0
                ORDER BY d.sort_order, x.domain_code
                """.formatted(U_IN_SCOPE), prefix, year)) {
            long n = l(r[2]);
            long passed = l(r[3]);
            rows.add(new PanelRow(List.of(r[1], n, passed, pct(passed, n)), "domain:" + r[0]));
        }
        return new Panel("domains", m.panel_domains(), List.of(m.col_domain(), m.col_candidates(), m.col_passed(),
                m.col_pass_rate()), rows, "bar", 3, true, null);
    }

    /** Pass rates by exam, from the same aggregate; the 50 exams finished last. */
    private Panel exams(String prefix, int year, EvalMessages m) {
        List<PanelRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT x.exam_id, max(x.exam_title), sum(x.candidates), sum(x.passed),
                       round(sum(x.score_sum) / sum(x.candidates), 1)
                FROM dash_unit_exam x
                JOIN org_unit u ON u.id = x.unit_id
                WHERE %s AND x.year = ?2
                GROUP BY x.exam_id HAVING sum(x.candidates) > 0
                ORDER BY max(x.last_finished) DESC LIMIT 50
                """.formatted(U_IN_SCOPE), prefix, year)) {
            long n = l(r[2]);
            long passed = l(r[3]);
            rows.add(new PanelRow(List.of(r[1], n, passed, pct(passed, n), r[4]), "exam:" + l(r[0])));
        }
        return new Panel("exams", m.panel_exams(), List.of(m.col_exam(), m.col_candidates(), m.col_passed(),
                m.col_pass_rate(), m.col_average()), rows, "bar", 3, true, null);
    }

    private Panel expiring(String prefix, EvalMessages m) {
        if (!expiring.available()) {
            return new Panel("expiring", m.panel_expiring(), List.of(m.col_window(), m.col_people()), List.of(), "bar", 1,
                    false, m.panel_expiring_unavailable());
        }
        List<PanelRow> rows = new ArrayList<>();
        int from = 0;
        for (int to : new int[] { 30, 60, 90 }) {
            rows.add(new PanelRow(List.of(m.window_days(to), expiring.count(prefix, from, to)), "days:" + to));
            from = to;
        }
        return new Panel("expiring", m.panel_expiring(), List.of(m.col_window(), m.col_people()), rows, "bar", 1, true,
                null);
    }

    private Panel grades(String prefix, int year, EvalMessages m) {
        List<PanelRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT e.band, count(*), min(b.position)
                FROM evaluation e
                JOIN org_unit u ON u.id = e.unit_id
                LEFT JOIN eval_band b ON b.scheme_id = e.scheme_id AND b.label = e.band
                WHERE e.subject_kind = 'AUXILIARY' AND e.status = 'CONFIRMED' AND %s
                  AND e.period_start >= ?2 AND e.period_start < ?3
                GROUP BY e.band ORDER BY min(b.position), e.band
                """.formatted(U_IN_SCOPE), prefix, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))) {
            rows.add(new PanelRow(List.of(r[0], l(r[1])), "band:" + r[0]));
        }
        return new Panel("grades", m.panel_grades(), List.of(m.col_band(), m.col_count()), rows, "pie", 1, true, null);
    }

    private Panel credit(String prefix, EvalMessages m) {
        List<PanelRow> rows = new ArrayList<>();
        LocalDate today = Now.today();
        for (Object[] r : rows("""
                SELECT pr.id, pr.name, ev.total, ev.band, ev.cycle_label,
                       (SELECT max(b.ends_on) FROM provider_blacklist b WHERE b.provider_id = pr.id
                          AND b.lifted_at IS NULL AND b.starts_on <= ?2 AND b.ends_on > ?2)
                FROM provider pr
                JOIN org_unit u ON u.id = pr.commissioning_unit_id
                LEFT JOIN LATERAL (SELECT e.total, e.band, e.cycle_label FROM evaluation e
                                   WHERE e.provider_id = pr.id AND e.status = 'CONFIRMED'
                                   ORDER BY e.period_start DESC, e.id DESC LIMIT 1) ev ON TRUE
                WHERE %s
                ORDER BY ev.total DESC NULLS LAST, pr.name LIMIT 100
                """.formatted(U_IN_SCOPE), prefix, today)) {
            rows.add(new PanelRow(List.of(r[1], r[2] == null ? "-" : r[2], r[3] == null ? "-" : r[3],
                    r[4] == null ? "-" : r[4], r[5] == null ? "-" : m.blacklisted_until() + " " + r[5]),
                    "provider:" + l(r[0])));
        }
        return new Panel("credit", m.panel_credit(), List.of(m.col_provider(), m.col_total(), m.col_band(), m.col_cycle(),
                m.col_blacklist()), rows, "bar", 1, true, null);
    }

    /**
     * The trend over years (issue 13 item 7): per year up to the chosen one, the hours
     * compliance (today's counted staff who reached the target that year, as the hours panel
     * counts) and the exam pass rate, both from the V151 aggregates. A year without ledger lines
     * or exam records has no figure ("—"), not 0; years before the first with data are left out.
     */
    private Panel trend(String prefix, int year, EvalMessages m) {
        int target = curriculum.annualHoursTarget();
        List<PanelRow> rows = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT y.year,
                       (SELECT coalesce(sum(pp.people), 0) FROM dash_unit_people pp JOIN org_unit u ON u.id = pp.unit_id
                         WHERE %1$s) AS people,
                       (SELECT coalesce(sum(h.people), 0) FROM dash_unit_hours h JOIN org_unit u ON u.id = h.unit_id
                         WHERE %1$s AND h.year = y.year AND h.whole_hours >= ?4) AS reached,
                       (SELECT coalesce(sum(h.people), 0) FROM dash_unit_hours h JOIN org_unit u ON u.id = h.unit_id
                         WHERE %1$s AND h.year = y.year) AS logged,
                       (SELECT coalesce(sum(x.candidates), 0) FROM dash_unit_exam x JOIN org_unit u ON u.id = x.unit_id
                         WHERE %1$s AND x.year = y.year) AS candidates,
                       (SELECT coalesce(sum(x.passed), 0) FROM dash_unit_exam x JOIN org_unit u ON u.id = x.unit_id
                         WHERE %1$s AND x.year = y.year) AS passed
                FROM generate_series(?2, ?3) AS y(year) ORDER BY y.year
                """.formatted(U_IN_SCOPE), prefix, year - TREND_YEARS + 1, year, Math.max(target, 0))) {
            long people = l(r[1]);
            long reached = target <= 0 ? people : l(r[2]);
            boolean hours = l(r[3]) > 0 && people > 0;
            long candidates = l(r[4]);
            boolean exams = candidates > 0;
            if (rows.isEmpty() && !hours && !exams) {
                continue; // before the first year with data
            }
            List<Object> cells = new ArrayList<>();
            cells.add(String.valueOf(((Number) r[0]).intValue()));
            cells.add(hours ? pct(Math.min(reached, people), people) : "—");
            cells.add(candidates);
            cells.add(exams ? pct(l(r[5]), candidates) : "—");
            rows.add(new PanelRow(cells, null));
        }
        return new Panel("trend", m.panel_trend(), List.of(m.col_year(), m.col_hours_share(), m.col_candidates(),
                m.col_pass_rate()), rows, "line", 1, true, m.panel_trend_note(target), List.of(1, 3));
    }

    // ---- drill-down --------------------------------------------------------------------

    /** The people behind a row ({@link DashboardDrill}); a row outside the caller's scope is answered 404. */
    public Drill drill(String panel, String key, int year, EvalMessages m) {
        return drills.drill(panel, key, year, prefix(), m);
    }

    // ---- export ------------------------------------------------------------------------

    public byte[] xlsx(String sheetName, List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
            Row h = s.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            int r = 1;
            for (List<Object> row : rows) {
                Row x = s.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (v instanceof Number n) {
                        x.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        x.createCell(i).setCellValue(v == null ? "" : String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] xlsx(Panel p) {
        return xlsx(p.title(), p.headers(), p.rows().stream().map(PanelRow::cells).toList());
    }

    public byte[] xlsx(Drill d) {
        return xlsx(d.title(), d.headers(), d.rows());
    }
}
