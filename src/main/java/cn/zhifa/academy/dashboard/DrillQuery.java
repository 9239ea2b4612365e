package cn.zhifa.academy.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.zhifa.academy.evaluation.EvalMessages;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;

/**
 * The people behind one row of a dashboard panel (the drill-down): one small type per panel,
 * each owning its title, its detail column, its SQL and its parameters. {@link #of} reads the
 * {@code panel} and {@code kind:value} key of a row; {@link DashboardService#drill} runs it.
 */
sealed interface DrillQuery permits DrillQuery.Sql, DrillQuery.ExpiringWindow {

    /** What the query needs from the service: the database, within the caller's scope. */
    interface Lookup {

        List<Object[]> rows(String sql, Object... params);

        Object[] one(String sql, Object... params);

        /** The unit's name when it is in scope; 404 otherwise. */
        String unitName(long unitId);

        /** The provider's name when its commissioning unit is in scope; 404 otherwise. */
        String providerName(long providerId);

        /** Qualifications expiring in the window: person id, label, date, qualification id. */
        List<Object[]> expiringPeople(int fromDays, int toDays, int limit);
    }

    /** The title of the drill-down page; may look the row up (and refuse one outside the scope). */
    String title(Lookup lookup, EvalMessages m);

    /** The header of the detail column. */
    String detailHeader(EvalMessages m);

    /**
     * The rows: person id, name, employee number, unit, detail and (optionally) a link to the
     * detail, at most {@code limit}.
     */
    List<Object[]> rows(Lookup lookup, String prefix, int year, int limit);

    /** The query of a row key, or null when the panel has no such drill-down. */
    static DrillQuery of(String panel, String kind, String value, BigDecimal hoursTarget) {
        switch (panel + "/" + kind) {
            case "hours/unit":
                return new HoursBelowTarget(id(value), hoursTarget);
            case "plans/plan":
                return new PlanNotCompleted(id(value));
            case "domains/domain":
                return new DomainFailed(value);
            case "exams/exam":
                return new ExamFailed(id(value));
            case "grades/band":
                return new GradeBand(value);
            case "credit/provider":
                return new ProviderStaff(id(value));
            case "expiring/days":
                return ExpiringWindow.of((int) id(value));
            default:
                return null;
        }
    }

    /** A number in a row key; 400 otherwise. */
    static long id(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw InvalidException.field("key", "dashboard.id_invalid", s);
        }
    }

    /**
     * A drill-down that is one query over the people in scope: {@code ?1} is the caller's unit
     * path pattern and {@code ?2} the year in each, the query's own parameters follow from {@code ?3}.
     */
    abstract static sealed class Sql implements DrillQuery
            permits HoursBelowTarget, PlanNotCompleted, DomainFailed, ExamFailed, GradeBand, ProviderStaff {

        private static final String SCOPE = OrgScope.pathWithin("u.path", "?1");

        /** The detail column (an SQL expression). */
        abstract String detail();

        /** Joins after person and unit; none by default. */
        String join() {
            return "";
        }

        /** The condition besides the scope. */
        abstract String where();

        /** The parameters from {@code ?3} on. */
        abstract List<Object> params(int year);

        final String sql(int limit) {
            return "SELECT p.id, p.name, p.employee_no, u.name AS unit, " + detail() + "\n"
                    + "FROM person p JOIN org_unit u ON u.id = p.unit_id " + join() + "\n"
                    + "WHERE " + SCOPE + " AND " + where() + "\n"
                    + "ORDER BY u.path, p.name LIMIT " + limit + "\n";
        }

        @Override
        public final List<Object[]> rows(Lookup lookup, String prefix, int year, int limit) {
            List<Object> params = new ArrayList<>();
            params.add(prefix);
            params.add(year);
            params.addAll(params(year));
            return lookup.rows(sql(limit), params.toArray());
        }
    }

    /** hours/unit: the active people of a unit below the annual hours target. */
    final class HoursBelowTarget extends Sql {
        private static final String HOURS = "coalesce((SELECT sum(h.hours) FROM hours_ledger h "
                + "WHERE h.person_id = p.id AND h.year = ?2), 0)";
        final long unitId;
        final BigDecimal target;

        HoursBelowTarget(long unitId, BigDecimal target) {
            this.unitId = unitId;
            this.target = target;
        }

        @Override
        public String title(Lookup lookup, EvalMessages m) {
            return lookup.unitName(unitId) + " · " + m.drill_below_target();
        }

        @Override
        public String detailHeader(EvalMessages m) {
            return m.col_hours();
        }

        @Override
        String detail() {
            return HOURS + " AS t";
        }

        @Override
        String where() {
            return "p.unit_id = ?3 AND p.status = 'ACTIVE' AND p.category <> 'PROVIDER_STAFF' AND " + HOURS + " < ?4";
        }

        @Override
        List<Object> params(int year) {
            return List.of(unitId, target);
        }
    }

    /** plans/plan: the people of a plan who have not completed its courses. */
    final class PlanNotCompleted extends Sql {
        private static final String DONE = "(SELECT count(*) FROM enrollment e JOIN training_plan_course c "
                + "ON c.plan_id = ?3 AND c.course_id = e.course_id WHERE e.person_id = p.id AND e.completed_at IS NOT NULL)";
        private static final String ALL = "(SELECT count(*) FROM training_plan_course c WHERE c.plan_id = ?3)";
        final long planId;

        PlanNotCompleted(long planId) {
            this.planId = planId;
        }

        @Override
        public String title(Lookup lookup, EvalMessages m) {
            Object[] plan = lookup.one("SELECT title, year FROM training_plan WHERE id = ?1", planId);
            return plan[0] + " · " + m.drill_not_completed();
        }

        @Override
        public String detailHeader(EvalMessages m) {
            return m.col_completed();
        }

        @Override
        String detail() {
            return DONE + " || ' / ' || " + ALL;
        }

        @Override
        String join() {
            return "JOIN plan_assignment pa ON pa.person_id = p.id AND pa.plan_id = ?3 AND pa.status = 'OPEN'";
        }

        @Override
        String where() {
            return DONE + " < " + ALL + " AND ?2 = ?2";
        }

        @Override
        List<Object> params(int year) {
            return List.of(planId);
        }
    }

    /** domains/domain: the people who failed an exam of the domain in the year. */
    final class DomainFailed extends Sql {
        final String domainCode;

        DomainFailed(String domainCode) {
            this.domainCode = domainCode;
        }

        @Override
        public String title(Lookup lookup, EvalMessages m) {
            return domainCode + " · " + m.drill_failed();
        }

        @Override
        public String detailHeader(EvalMessages m) {
            return m.col_score();
        }

        @Override
        String detail() {
            return "x.exam_title || ' ' || x.score";
        }

        @Override
        String join() {
            return "JOIN exam_record x ON x.person_id = p.id";
        }

        @Override
        String where() {
            return "x.domain_code = ?3 AND NOT x.passed AND x.finished_at >= ?4 AND x.finished_at < ?5 AND ?2 = ?2";
        }

        @Override
        List<Object> params(int year) {
            return List.of(domainCode, start(year), start(year + 1));
        }

        private static OffsetDateTime start(int year) {
            return LocalDate.of(year, 1, 1).atStartOfDay(Now.zone()).toOffsetDateTime();
        }
    }

    /** exams/exam: the people who failed the exam. */
    final class ExamFailed extends Sql {
        final long examId;

        ExamFailed(long examId) {
            this.examId = examId;
        }

        @Override
        public String title(Lookup lookup, EvalMessages m) {
            return m.drill_failed();
        }

        @Override
        public String detailHeader(EvalMessages m) {
            return m.col_score();
        }

        @Override
        String detail() {
            return "x.exam_title || ' ' || x.score";
        }

        @Override
        String join() {
            return "JOIN exam_record x ON x.person_id = p.id";
        }

        @Override
        String where() {
            return "x.exam_id = ?3 AND NOT x.passed AND ?2 = ?2";
        }

        @Override
        List<Object> params(int year) {
            return List.of(examId);
        }
    }

    /** grades/band: the people whose confirmed evaluation of the year has the band. */
    final class GradeBand extends Sql {
        final String band;

        GradeBand(String band) {
            this.band = band;
        }

        @Override
        public String title(Lookup lookup, EvalMessages m) {
            return band;
        }

        @Override
        public String detailHeader(EvalMessages m) {
            return m.col_total();
        }

        @Override
        String detail() {
            return "e.cycle_label || ' ' || e.total";
        }

        @Override
        String join() {
            return "JOIN evaluation e ON e.person_id = p.id AND e.status = 'CONFIRMED'";
        }

        @Override
        String where() {
            return "e.band = ?3 AND e.period_start >= ?4 AND e.period_start < ?5 AND ?2 = ?2";
        }

        @Override
        List<Object> params(int year) {
            return List.of(band, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        }
    }

    /** credit/provider: the staff of a provider. */
    final class ProviderStaff extends Sql {
        final long providerId;

        ProviderStaff(long providerId) {
            this.providerId = providerId;
        }

        @Override
        public String title(Lookup lookup, EvalMessages m) {
            return lookup.providerName(providerId);
        }

        @Override
        public String detailHeader(EvalMessages m) {
            return m.col_status();
        }

        @Override
        String detail() {
            return "p.status";
        }

        @Override
        String where() {
            return "p.provider_id = ?3 AND ?2 = ?2";
        }

        @Override
        List<Object> params(int year) {
            return List.of(providerId);
        }
    }

    /** expiring/days: the people whose qualification expires in the 30-day window ending {@code to} days ahead. */
    record ExpiringWindow(int to) implements DrillQuery {

        static ExpiringWindow of(int to) {
            if (to != 30 && to != 60 && to != 90) {
                throw InvalidException.field("key", "dashboard.window_invalid");
            }
            return new ExpiringWindow(to);
        }

        @Override
        public String title(Lookup lookup, EvalMessages m) {
            return m.window_days(to);
        }

        @Override
        public String detailHeader(EvalMessages m) {
            return m.col_expiry();
        }

        @Override
        public List<Object[]> rows(Lookup lookup, String prefix, int year, int limit) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] q : lookup.expiringPeople(to - 30, to, limit)) {
                Object[] p = lookup.one("SELECT p.id, p.name, p.employee_no, u.name FROM person p JOIN org_unit u "
                        + "ON u.id = p.unit_id WHERE p.id = ?1", ((Number) q[0]).longValue());
                if (p != null) {
                    rows.add(new Object[] { p[0], p[1], p[2], p[3], q[1] + " " + q[2],
                            q.length > 3 ? "/qualifications/" + q[3] : null });
                }
            }
            return rows;
        }
    }
}
