package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

/**
 * The learner's hot paths in plain JDBC (issue 16), like the exam day's {@code DeliveryStatements}:
 * no Hibernate session, no entity, no transaction. Outside a transaction each statement commits on
 * its own, so a steady heartbeat is <b>one statement, one round trip</b>, and 我的学习 reads three
 * (plans with the course graph, enrolments with progress, the year's ledger); published versions
 * and their lessons come from {@link PublishedVersions}.
 */
@ApplicationScoped
public class LearningStatements {

    @Inject
    DataSource dataSource;

    // ---- heartbeat ---------------------------------------------------------------------

    /** What a heartbeat needs of a lesson; lessons of a version never change once learners can be enrolled on it. */
    public record LessonRef(long courseVersionId, long courseId, String lessonKey, LessonType type) {
    }

    private static final int MAX_LESSONS = 20_000;

    private final Map<Long, LessonRef> lessons = new ConcurrentHashMap<>();

    /** The lesson → course cache of the heartbeat; null for an unknown lesson. */
    /** The lesson if it is in memory (never reads the database); null otherwise. */
    LessonRef cachedLessonRef(long lessonId) {
        return lessons.get(lessonId);
    }

    public LessonRef lessonRef(long lessonId) {
        LessonRef ref = lessons.get(lessonId);
        if (ref != null) {
            return ref;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT l.course_version_id, v.course_id, l.lesson_key, l.type FROM lesson l "
                        + "JOIN course_version v ON v.id = l.course_version_id WHERE l.id = ?")) {
            ps.setLong(1, lessonId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ref = new LessonRef(rs.getLong(1), rs.getLong(2), rs.getString(3), LessonType.valueOf(rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading lesson " + lessonId + " failed", e);
        }
        if (lessons.size() >= MAX_LESSONS) {
            lessons.clear();
        }
        lessons.put(lessonId, ref);
        return ref;
    }

    /**
     * The steady heartbeat in one statement: the learner's progress row on the enrolled version is
     * updated with the furthest-point rule evaluated in SQL on the locked row (the same formula as
     * {@link LearningService#slowHeartbeat}: {@code furthest + min(max(hb, elapsed), 3·hb) · 1.5 + 2}),
     * and the year's hours come back with it. No row — the full path decides — when there is no
     * progress row yet (first heartbeat, another version), when the position is beyond what could
     * have been watched (the full path refuses it with 409), or when this beat completes the lesson.
     */
    static final String BEAT = "UPDATE lesson_progress lp SET "
            + "position_seconds = round(CAST(arg.pos AS numeric), 1), "
            + "duration_seconds = CASE WHEN arg.dur IS NULL THEN lp.duration_seconds ELSE round(CAST(arg.dur AS numeric), 1) END, "
            + "furthest_seconds = GREATEST(lp.furthest_seconds, round(CAST(arg.pos AS numeric), 1)), "
            + "updated_at = clock_timestamp() "
            + "FROM (SELECT CAST(? AS float8) AS pos, CAST(? AS float8) AS dur, CAST(? AS bigint) AS person, "
            + "CAST(? AS bigint) AS course, CAST(? AS bigint) AS version, CAST(? AS varchar) AS lesson_key, "
            + "CAST(? AS boolean) AS seek, CAST(? AS float8) AS hb, CAST(? AS float8) AS share, CAST(? AS int) AS yr) arg "
            // the enrolment as a scalar subquery: two unique-index probes whatever the statistics say
            + "WHERE lp.enrollment_id = (SELECT e.id FROM enrollment e WHERE e.person_id = arg.person "
            + "AND e.course_id = arg.course AND e.course_version_id = arg.version) AND lp.lesson_key = arg.lesson_key "
            // the furthest-point rule: at most what could be watched since the last heartbeat
            + "AND (arg.seek OR arg.pos <= CAST(lp.furthest_seconds AS float8) + LEAST(GREATEST(arg.hb, "
            + "EXTRACT(EPOCH FROM clock_timestamp() - lp.updated_at)), 3.0 * arg.hb) * 1.5 + 2) "
            // a heartbeat that completes the lesson takes the full path
            + "AND NOT (lp.completed_at IS NULL AND COALESCE(round(CAST(arg.dur AS numeric), 1), lp.duration_seconds) IS NOT NULL "
            + "AND GREATEST(lp.furthest_seconds, round(CAST(arg.pos AS numeric), 1)) "
            + ">= COALESCE(round(CAST(arg.dur AS numeric), 1), lp.duration_seconds) * CAST(arg.share AS numeric)) "
            + "RETURNING CAST(lp.furthest_seconds AS float8), CAST(lp.position_seconds AS float8), lp.completed_at IS NOT NULL, "
            + "(SELECT COALESCE(SUM(h.hours), 0) FROM hours_ledger h WHERE h.year = arg.yr AND h.person_id = arg.person)";

    /** The stored progress and the year's hours, or null when the full path must decide. */
    public LearningService.Progress beat(long person, LessonRef ref, double position, Double duration, boolean seekAhead,
            int heartbeatSeconds, double completionShare, int year) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BEAT)) {
            ps.setDouble(1, position);
            if (duration == null) {
                ps.setNull(2, java.sql.Types.DOUBLE);
            } else {
                ps.setDouble(2, duration);
            }
            ps.setLong(3, person);
            ps.setLong(4, ref.courseId());
            ps.setLong(5, ref.courseVersionId());
            ps.setString(6, ref.lessonKey());
            ps.setBoolean(7, seekAhead);
            ps.setDouble(8, heartbeatSeconds);
            ps.setDouble(9, completionShare);
            ps.setInt(10, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new LearningService.Progress(rs.getDouble(1), rs.getDouble(2), rs.getBoolean(3), false,
                        rs.getBigDecimal(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording a heartbeat failed", e);
        }
    }

    // ---- 我的学习 -----------------------------------------------------------------------

    /** A course of the learner's plans or enrolments, or a prerequisite of one (direct or not). */
    public record CourseNode(long id, String code, Long publishedVersionId, long[] prerequisites) {
    }

    /** An open plan of the learner: its courses by id, and why the learner was assigned by name. */
    public record PlanRow(long id, String title, int year, LocalDate dueDate, BigDecimal requiredHours, String reason,
            long[] courseIds) {
    }

    public record Plans(List<PlanRow> plans, Map<Long, CourseNode> courses) {
    }

    /** A lesson's stored progress. */
    public record ProgressRow(double furthest, double position, boolean completed, Integer checkScore) {
    }

    public record EnrollmentRow(long id, long courseId, long versionId, boolean completed,
            Map<String, ProgressRow> progress) {
    }

    public record LedgerRow(String description, BigDecimal hours, String source, java.time.Instant recordedAt) {
    }

    /**
     * The learner's enrolments with every progress row, in one query (by enrolment, so by the
     * order the courses were started).
     */
    public Map<Long, EnrollmentRow> enrollments(long person) {
        Map<Long, EnrollmentRow> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT e.id, e.course_id, e.course_version_id, e.completed_at IS NOT NULL, lp.lesson_key, "
                        + "CAST(lp.furthest_seconds AS float8), CAST(lp.position_seconds AS float8), "
                        + "lp.completed_at IS NOT NULL, lp.check_score FROM enrollment e "
                        + "LEFT JOIN lesson_progress lp ON lp.enrollment_id = e.id WHERE e.person_id = ? ORDER BY e.id")) {
            ps.setLong(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long courseId = rs.getLong(2);
                    EnrollmentRow e = out.get(courseId);
                    if (e == null) {
                        e = new EnrollmentRow(rs.getLong(1), courseId, rs.getLong(3), rs.getBoolean(4),
                                new LinkedHashMap<>());
                        out.put(courseId, e);
                    }
                    String key = rs.getString(5);
                    if (key != null) {
                        int score = rs.getInt(9);
                        Integer checkScore = rs.wasNull() ? null : score;
                        e.progress().put(key, new ProgressRow(rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8), checkScore));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading enrolments failed", e);
        }
        return out;
    }

    /**
     * Lets the rest of the caller's transaction run the statements PostgreSQL holds prepared on
     * generic plans instead of planning them again at every execution (issue 16). The plan-and-
     * course-graph statement below never settled on a generic plan (its array parameter makes each
     * custom plan look cheaper), so PostgreSQL planned it anew for every page: 0.77 ms of planning
     * against 0.17 ms of execution in the statement log of the learning benchmark, the largest
     * part of PostgreSQL's time per 我的学习. Call it first inside a transaction (SET LOCAL).
     */
    public void useGenericPlans() {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        } catch (SQLException e) {
            throw new IllegalStateException("setting the plan cache mode failed", e);
        }
    }

    /**
     * The learner's open plans with their courses, and the course graph those courses and the
     * {@code enrolled} ones need: every course with its published version and prerequisites,
     * prerequisites of prerequisites included (for the order and the locks) — one query.
     */
    public Plans plans(long person, Collection<Long> enrolled) {
        String sql = "WITH RECURSIVE pl AS (SELECT p.id, p.title, p.year, p.due_date, p.required_hours, a.pinned_reason "
                + "FROM plan_assignment a JOIN training_plan p ON p.id = a.plan_id "
                + "WHERE a.person_id = ? AND a.status = 'OPEN' AND p.status = 'ACTIVE'), "
                + "pc AS (SELECT t.plan_id, t.course_id FROM training_plan_course t JOIN pl ON pl.id = t.plan_id), "
                + "seed AS (SELECT course_id AS id FROM pc UNION SELECT unnest(CAST(? AS bigint[]))), "
                + "closure (id) AS (SELECT id FROM seed UNION SELECT cp.prerequisite_id FROM course_prerequisite cp "
                + "JOIN closure ON cp.course_id = closure.id) "
                + "SELECT 0, c.id, c.code, c.published_version_id, NULL, CAST(NULL AS date), CAST(NULL AS numeric), NULL, "
                + "ARRAY(SELECT cp.prerequisite_id FROM course_prerequisite cp WHERE cp.course_id = c.id ORDER BY 1) "
                + "FROM course c JOIN closure ON closure.id = c.id "
                + "UNION ALL SELECT 1, pl.id, pl.title, NULL, pl.year, pl.due_date, pl.required_hours, pl.pinned_reason, "
                + "ARRAY(SELECT pc.course_id FROM pc WHERE pc.plan_id = pl.id ORDER BY 1) FROM pl";
        List<PlanRow> plans = new ArrayList<>();
        Map<Long, CourseNode> courses = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, person);
            ps.setArray(2, c.createArrayOf("bigint", enrolled.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    long[] ids = longs(rs.getArray(9));
                    if (rs.getInt(1) == 0) {
                        long v = rs.getLong(4);
                        courses.put(id, new CourseNode(id, rs.getString(3), rs.wasNull() ? null : v, ids));
                    } else {
                        Date due = rs.getDate(6);
                        plans.add(new PlanRow(id, rs.getString(3), rs.getInt(5), due == null ? null : due.toLocalDate(),
                                rs.getBigDecimal(7), rs.getString(8), ids));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading plans failed", e);
        }
        return new Plans(plans, courses);
    }

    /** The learner's ledger of a year, newest first (its sum is the hours total). */
    public List<LedgerRow> ledger(long person, int year) {
        List<LedgerRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT description, hours, source, recorded_at FROM hours_ledger WHERE person_id = ? AND year = ? "
                        + "ORDER BY recorded_at DESC")) {
            ps.setLong(1, person);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(4);
                    out.add(new LedgerRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                            at == null ? null : at.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the hours ledger failed", e);
        }
        return out;
    }

    private static long[] longs(java.sql.Array array) throws SQLException {
        if (array == null) {
            return new long[0];
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).mapToLong(v -> ((Number) v).longValue()).toArray();
    }
}
