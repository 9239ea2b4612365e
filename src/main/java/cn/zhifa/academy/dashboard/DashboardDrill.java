package cn.zhifa.academy.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.curriculum.CurriculumConfig;
import cn.zhifa.academy.evaluation.EvalMessages;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.qualification.ExpiringQualifications;

/**
 * The people behind one row of a dashboard panel (下钻). A drill key ({@code unit:12},
 * {@code domain:ZHZF} …) is parsed into a {@link Target} of its panel's own type, which owns its
 * query: the detail column, the join and the condition, each with its own bound parameters. The
 * scope ({@code ?1}, the caller's unit subtree) and the limit are added here, the same for all.
 * A row outside the caller's scope is answered 404, a key that names no row 400.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardDrill {

    /** The caller's scope on the joined unit {@code u}, bound to ?1 ({@link OrgScope#subtreePattern}). */
    private static final String U_IN_SCOPE = OrgScope.pathWithin("u.path", "?1");

    private static final String HOURS_OF_YEAR = "coalesce((SELECT sum(h.hours) FROM hours_ledger h "
            + "WHERE h.person_id = p.id AND h.year = ?2), 0)";
    private static final String PLAN_DONE = "(SELECT count(*) FROM enrollment e JOIN training_plan_course c "
            + "ON c.plan_id = ?2 AND c.course_id = e.course_id WHERE e.person_id = p.id AND e.completed_at IS NOT NULL)";
    private static final String PLAN_COURSES = "(SELECT count(*) FROM training_plan_course c WHERE c.plan_id = ?2)";
    private static final String EXAM_RESULT = "x.exam_title || ' ' || x.score";

    @Inject
    EntityManager em;

    @Inject
    OrgScope orgScope;

    @Inject
    CurriculumConfig curriculum;

    @Inject
    ExpiringQualifications expiring;

    /**
     * The query of a drill-down: {@code detail} is the fourth column, {@code join} joins what the
     * condition needs, {@code where} narrows the people; their parameters are {@code ?2},
     * {@code ?3} … in the order of {@code params}.
     */
    record PeopleQuery(String detail, String join, String where, List<Object> params) {

        String sql() {
            int limit = params.size() + 2;
            return "SELECT p.id, p.name, p.employee_no, u.name AS unit, " + detail
                    + " FROM person p JOIN org_unit u ON u.id = p.unit_id " + join
                    + " WHERE " + U_IN_SCOPE + " AND " + where
                    + " ORDER BY u.path, p.name LIMIT ?" + limit;
        }
    }

    /** What a drill key names: one type per panel. */
    sealed interface Target permits UnitBelowTarget, PlanNotCompleted, DomainFailed, ExamFailed, GradeBand,
            ProviderStaff, ExpiringWithin {
    }

    /** 学时: the active officers and auxiliary staff of a unit below the year's hours target. */
    record UnitBelowTarget(long unitId) implements Target {

        PeopleQuery query(int year, BigDecimal target) {
            return new PeopleQuery(HOURS_OF_YEAR, "", "p.unit_id = ?3 AND p.status = 'ACTIVE' "
                    + "AND p.category <> 'PROVIDER_STAFF' AND " + HOURS_OF_YEAR + " < ?4", List.of(year, unitId, target));
        }
    }

    /** 培训计划: the people with an open assignment to the plan who have not completed all its courses. */
    record PlanNotCompleted(long planId) implements Target {

        PeopleQuery query() {
            return new PeopleQuery(PLAN_DONE + " || ' / ' || " + PLAN_COURSES,
                    "JOIN plan_assignment pa ON pa.person_id = p.id AND pa.plan_id = ?2 AND pa.status = 'OPEN'",
                    PLAN_DONE + " < " + PLAN_COURSES, List.of(planId));
        }
    }

    /** 领域通过率: the failed exam results of a domain in the year. */
    record DomainFailed(String domainCode) implements Target {

        PeopleQuery query(int year) {
            return new PeopleQuery(EXAM_RESULT, "JOIN exam_record x ON x.person_id = p.id",
                    "x.domain_code = ?2 AND NOT x.passed AND x.finished_at >= ?3 AND x.finished_at < ?4",
                    List.of(domainCode, yearStart(year), yearStart(year + 1)));
        }
    }

    /** 考试通过率: the failed results of one exam. */
    record ExamFailed(long examId) implements Target {

        PeopleQuery query() {
            return new PeopleQuery(EXAM_RESULT, "JOIN exam_record x ON x.person_id = p.id",
                    "x.exam_id = ?2 AND NOT x.passed", List.of(examId));
        }
    }

    /** 辅助人员考核等次: the confirmed evaluations of the year in one band (优秀, 合格 …). */
    record GradeBand(String band) implements Target {

        PeopleQuery query(int year) {
            return new PeopleQuery("e.cycle_label || ' ' || e.total",
                    "JOIN evaluation e ON e.person_id = p.id AND e.status = 'CONFIRMED'",
                    "e.band = ?2 AND e.period_start >= ?3 AND e.period_start < ?4",
                    List.of(band, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        }
    }

    /** 第三方机构信用: the staff of a provider. */
    record ProviderStaff(long providerId) implements Target {

        PeopleQuery query() {
            return new PeopleQuery("p.status", "", "p.provider_id = ?2", List.of(providerId));
        }
    }

    /** 即将到期资格: qualifications expiring within 30, 60 or 90 days (each window the 30 days before it). */
    record ExpiringWithin(int days) implements Target {
    }

    /**
     * Reads a drill key of a panel. Pure: no database, no scope (those come with the query).
     *
     * @throws InvalidException (400) when the key names no row of the panel
     */
    static Target parse(String panel, String key) {
        String[] k = key == null ? new String[0] : key.split(":", 2);
        if (k.length != 2 || k[1].isBlank()) {
            throw InvalidException.field("key", "dashboard.drill_key_invalid", String.valueOf(key));
        }
        String value = k[1].trim();
        switch (panel + "/" + k[0]) {
            case "hours/unit":
                return new UnitBelowTarget(id(value));
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
            case "expiring/days": {
                long days = id(value);
                if (days != 30 && days != 60 && days != 90) {
                    throw InvalidException.field("key", "dashboard.window_invalid");
                }
                return new ExpiringWithin((int) days);
            }
            default:
                throw InvalidException.field("key", "dashboard.drill_key_invalid", panel + "/" + key);
        }
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw InvalidException.field("key", "dashboard.id_invalid", s);
        }
    }

    private static OffsetDateTime yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(Now.zone()).toOffsetDateTime();
    }

    /** The people behind a row, at most {@link DashboardService#DRILL_LIMIT}. */
    public DashboardService.Drill drill(String panel, String key, int year, String scopePrefix, EvalMessages m) {
        String prefix = OrgScope.subtreePattern(scopePrefix);
        Target target = parse(panel, key);
        String title;
        String detailHeader;
        List<Object[]> rows;
        if (target instanceof UnitBelowTarget t) {
            title = unitName(t.unitId()) + " · " + m.drill_below_target();
            detailHeader = m.col_hours();
            rows = people(t.query(year, BigDecimal.valueOf(curriculum.annualHoursTarget())), prefix);
        } else if (target instanceof PlanNotCompleted t) {
            Object[] plan = one("SELECT title, id FROM training_plan WHERE id = ?1", t.planId()); // two columns: rows of Object[]
            if (plan == null) {
                throw new NotFoundException("dashboard.plan_not_found", t.planId());
            }
            title = plan[0] + " · " + m.drill_not_completed();
            detailHeader = m.col_completed();
            rows = people(t.query(), prefix);
        } else if (target instanceof DomainFailed t) {
            title = t.domainCode() + " · " + m.drill_failed();
            detailHeader = m.col_score();
            rows = people(t.query(year), prefix);
        } else if (target instanceof ExamFailed t) {
            title = m.drill_failed();
            detailHeader = m.col_score();
            rows = people(t.query(), prefix);
        } else if (target instanceof GradeBand t) {
            title = t.band();
            detailHeader = m.col_total();
            rows = people(t.query(year), prefix);
        } else if (target instanceof ProviderStaff t) {
            title = providerName(t.providerId());
            detailHeader = m.col_status();
            rows = people(t.query(), prefix);
        } else {
            ExpiringWithin t = (ExpiringWithin) target;
            title = m.window_days(t.days());
            detailHeader = m.col_expiry();
            rows = expiring(prefix, t.days());
        }
        List<List<Object>> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Object[] r : rows) {
            ids.add(((Number) r[0]).longValue());
            links.add(r.length > 5 ? (String) r[5] : null);
            out.add(List.of(r[1], r[2], r[3], r[4] == null ? "" : String.valueOf(r[4])));
        }
        return new DashboardService.Drill(panel, key, title,
                List.of(m.col_name(), m.col_employee_no(), m.col_unit(), detailHeader), out, ids, links);
    }

    private List<Object[]> people(PeopleQuery q, String prefix) {
        List<Object> params = new ArrayList<>();
        params.add(prefix);
        params.addAll(q.params());
        params.add(DashboardService.DRILL_LIMIT);
        return rows(q.sql(), params.toArray());
    }

    /** The expiring qualifications of the window, with their people read in one statement. */
    private List<Object[]> expiring(String prefix, int days) {
        List<Object[]> quals = expiring.people(prefix, days - 30, days, DashboardService.DRILL_LIMIT);
        if (quals.isEmpty()) {
            return List.of();
        }
        List<Long> ids = quals.stream().map(q -> ((Number) q[0]).longValue()).distinct().toList();
        Map<Long, Object[]> people = new HashMap<>();
        for (Object[] p : rows("SELECT p.id, p.name, p.employee_no, u.name FROM person p "
                + "JOIN org_unit u ON u.id = p.unit_id WHERE p.id IN (?1)", ids)) {
            people.put(((Number) p[0]).longValue(), p);
        }
        List<Object[]> out = new ArrayList<>();
        for (Object[] q : quals) {
            Object[] p = people.get(((Number) q[0]).longValue());
            if (p != null) {
                out.add(new Object[] { p[0], p[1], p[2], p[3], q[1] + " " + q[2], q.length > 3 ? "/qualifications/" + q[3] : null });
            }
        }
        return out;
    }

    /** The unit's name when it is in scope; 404 otherwise. */
    private String unitName(long unitId) {
        Object[] u = one("SELECT name, path FROM org_unit WHERE id = ?1", unitId);
        if (u == null || !orgScope.unitFilter().containsPath((String) u[1])) {
            throw new NotFoundException("dashboard.unit_not_found", unitId);
        }
        return (String) u[0];
    }

    /** The provider's name when its commissioning unit is in scope; 404 otherwise. */
    private String providerName(long providerId) {
        Object[] pr = one("SELECT pr.name, u.path FROM provider pr JOIN org_unit u ON u.id = pr.commissioning_unit_id "
                + "WHERE pr.id = ?1", providerId);
        if (pr == null || !orgScope.unitFilter().containsPath((String) pr[1])) {
            throw new NotFoundException("dashboard.provider_not_found", providerId);
        }
        return (String) pr[0];
    }

    private Object[] one(String sql, Object... params) {
        List<Object[]> r = rows(sql, params);
        return r.isEmpty() ? null : r.get(0);
    }

    private List<Object[]> rows(String sql, Object... params) {
        return rows(em, sql, params);
    }

    /** A native query's rows, its parameters bound as ?1, ?2 … (the panels use it too). */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }
}
