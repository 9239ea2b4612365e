package cn.zhifa.academy.exam.delivery;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.NotFoundException;

/**
 * The exam day's hot path in plain JDBC (issue 11): 开始 on a prepared paper, the paper, and an
 * answer save are each <b>one statement, one round trip</b> to PostgreSQL, with no Hibernate
 * session, no entity and no read of the account or person tables (the caller's person comes
 * from {@code CurrentUser}). Outside a transaction each statement commits on its own, so a
 * reply is sent only after PostgreSQL made it durable.
 */
@ApplicationScoped
public class DeliveryStatements {

    @Inject
    DataSource dataSource;

    @Inject
    QuestionCache questions;

    @Inject
    ExamConfig config;

    /** What a save needs to map displayed options to canonical ones: immutable once drawn. */
    record Layout(long personId, long examId, long[] versions, String[] orders) {
    }

    private static final int MAX_LAYOUTS = 50_000;

    private final Map<Long, Layout> layouts = new ConcurrentHashMap<>();

    /**
     * The window, minutes and attempts that apply to the person after overrides
     * ({@link ExamService#terms} in SQL): the most generous extras, the newest window override.
     */
    private static final String TERMS = "arg AS (SELECT ?::bigint AS exam, ?::bigint AS person, "
            + "?::timestamptz AS now, ?::varchar AS device), "
            + "ov AS (SELECT o.* FROM exam_override o, arg WHERE o.exam_id = arg.exam AND (o.person_id = arg.person "
            + "OR (o.unit_id IS NOT NULL AND EXISTS (SELECT 1 FROM person p JOIN org_unit pu ON pu.id = p.unit_id "
            + "JOIN org_unit ou ON ou.id = o.unit_id WHERE p.id = arg.person AND pu.path LIKE ou.path || '%')))), "
            + "win AS (SELECT opens_at, closes_at FROM ov WHERE opens_at IS NOT NULL "
            + "ORDER BY created_at DESC, id DESC LIMIT 1), "
            + "t AS (SELECT e.id, e.title, e.duration_minutes + COALESCE((SELECT max(extra_minutes) FROM ov), 0) AS minutes, "
            + "e.max_attempts + COALESCE((SELECT max(extra_attempts) FROM ov), 0) AS attempts, "
            + "COALESCE((SELECT opens_at FROM win), e.opens_at) AS opens_at, "
            + "COALESCE((SELECT closes_at FROM win), e.closes_at) AS closes_at "
            + "FROM exam e, arg WHERE e.id = arg.exam AND e.status = 'PUBLISHED') ";

    private static final String ITEM_COLUMNS = "i.position, i.section_position, i.question_version_id, i.points, "
            + "i.option_order, i.answer_json, i.flagged, i.answer_seq";

    /**
     * 开始 on a prepared paper: one UPDATE stamps start, deadline and device if the exam is open
     * to the person now and they have an attempt left, and returns the paper. Empty when there is
     * no prepared paper or it may not start now (the caller then explains why, or draws one).
     */
    public Optional<DeliveryViews.Paper> activate(long examId, long personId, String device, Instant now) {
        String sql = "WITH " + TERMS + ", a AS (UPDATE exam_attempt x SET status = 'IN_PROGRESS', started_at = arg.now, "
                + "deadline_at = LEAST(arg.now + make_interval(mins => t.minutes), t.closes_at), device_id = arg.device, "
                + "version = x.version + 1 FROM t, arg WHERE x.exam_id = t.id AND x.person_id = arg.person "
                + "AND x.status = 'PREPARED' AND arg.now >= t.opens_at AND arg.now < t.closes_at AND x.number <= t.attempts "
                + "RETURNING x.id, x.exam_id, x.number, x.started_at, x.deadline_at, x.max_score, t.title) "
                + "SELECT a.id, a.exam_id, a.title, a.number, 'IN_PROGRESS', a.started_at, a.deadline_at, a.max_score, "
                + "NULL, " + ITEM_COLUMNS + " FROM a JOIN attempt_item i ON i.attempt_id = a.id ORDER BY i.position";
        Rows rows;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, examId);
            ps.setLong(2, personId);
            ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(4, device);
            try (ResultSet rs = ps.executeQuery()) {
                rows = rows(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("starting a prepared paper failed", e);
        }
        // built after the connection went back: the question lookups may read through Hibernate,
        // which takes a connection of its own
        return Optional.ofNullable(paper(rows, personId, now));
    }

    /**
     * The paper of the person's own started attempt (404 for anyone else's, or one still
     * prepared); a running attempt answers only the device that holds it (409 asks for takeover).
     */
    public DeliveryViews.Paper paper(long attemptId, Long personId, String device) {
        if (personId == null) {
            throw new NotFoundException("exam.attempt_not_found");
        }
        String sql = "SELECT a.id, a.exam_id, e.title, a.number, a.status, a.started_at, a.deadline_at, a.max_score, "
                + "a.device_id, " + ITEM_COLUMNS + " FROM exam_attempt a JOIN exam e ON e.id = a.exam_id "
                + "JOIN attempt_item i ON i.attempt_id = a.id WHERE a.id = ? AND a.person_id = ? "
                + "AND a.status <> 'PREPARED' ORDER BY i.position";
        Rows rows;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, attemptId);
                ps.setLong(2, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    rows = rows(rs);
                }
            }
            if (rows == null) {
                throw new NotFoundException("exam.attempt_not_found");
            }
            if (rows.status().equals("IN_PROGRESS")) {
                String holder = rows.holder();
                if (holder == null && device != null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE exam_attempt SET device_id = ? WHERE id = ? AND device_id IS NULL")) {
                        ps.setString(1, device);
                        ps.setLong(2, attemptId);
                        ps.executeUpdate();
                    }
                } else if (holder != null && !holder.equals(device)) {
                    throw new ConflictException("exam.takeover_required").titled("Device takeover required");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a paper failed", e);
        }
        // built after the connection went back (see activate)
        return paper(rows, personId, Now.instant());
    }

    /**
     * A paper's rows as read, before any question is looked up: the caller reads them while it
     * holds its connection and builds the paper after giving it back. Building it while holding
     * the connection starved the pool on a node whose question cache was cold (the second node of
     * the failover benchmark: every start held one connection and waited for another, the
     * Hibernate read of a question, until the acquisition timeout).
     */
    private record Rows(long id, long examId, String title, int number, String status, Instant started,
            Instant deadline, BigDecimal max, String holder, List<ItemRow> items) {
    }

    /**
     * One item of a paper as read: a plain record, not an {@link AttemptItem} (issue 11: the
     * entity's enhanced setters tracked every field of 50 fresh objects per re-fetch for a dirty
     * check that never comes, a fifth of the re-fetch's own CPU).
     */
    private record ItemRow(int position, int sectionPosition, long questionVersionId, BigDecimal points,
            String optionOrder, String answerJson, boolean flagged, long answerSeq) {
    }

    /** Null when the statement returned no row. */
    private static Rows rows(ResultSet rs) throws SQLException {
        Rows head = null;
        List<ItemRow> items = new ArrayList<>();
        while (rs.next()) {
            if (head == null) {
                head = new Rows(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        instant(rs.getObject(6, OffsetDateTime.class)), instant(rs.getObject(7, OffsetDateTime.class)),
                        rs.getBigDecimal(8), rs.getString(9), items);
            }
            items.add(new ItemRow(rs.getInt(10), rs.getInt(11), rs.getLong(12), rs.getBigDecimal(13), rs.getString(14),
                    rs.getString(15), rs.getBoolean(16), rs.getLong(17)));
        }
        return head;
    }

    /** The paper of rows read earlier; holds no connection while it looks the questions up. */
    private DeliveryViews.Paper paper(Rows r, long personId, Instant now) {
        if (r == null || r.items().isEmpty()) {
            return null;
        }
        List<DeliveryViews.Item> items = new ArrayList<>();
        long[] versions = new long[r.items().size()];
        String[] orders = new String[r.items().size()];
        int k = 0;
        for (ItemRow i : r.items()) {
            QuestionCache.Q q = questions.get(i.questionVersionId());
            items.add(new DeliveryViews.Item(i.position(), i.sectionPosition(), i.questionVersionId(), q.type().name(),
                    AnswerMapping.optionOrder(i.optionOrder()), i.points(),
                    AnswerMapping.displayedAnswer(q, i.optionOrder(), i.answerJson()), i.flagged(), i.answerSeq()));
            versions[k] = i.questionVersionId();
            orders[k++] = i.optionOrder();
        }
        remember(r.id(), new Layout(personId, r.examId(), versions, orders));
        return new DeliveryViews.Paper(r.id(), r.examId(), r.title(), r.number(), r.status(), r.started(), r.deadline(),
                now, config.graceSeconds(), r.max(), items);
    }

    void remember(long attemptId, Layout layout) {
        if (layouts.size() >= MAX_LAYOUTS) {
            layouts.clear(); // crude but bounded; a miss costs one read
        }
        layouts.put(attemptId, layout);
    }

    /** Forgets every layout, as a node that has not served these attempts yet (tests). */
    void forgetLayouts() {
        layouts.clear();
    }

    /** The layout if it is in memory (never reads the database); null otherwise. */
    Layout cachedLayout(long attemptId) {
        return layouts.get(attemptId);
    }

    /** The attempt's layout if it is the person's own and started; empty otherwise. */
    Optional<Layout> layout(long attemptId, long personId) {
        Layout l = layouts.get(attemptId);
        if (l == null) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT a.person_id, a.exam_id, i.question_version_id, i.option_order FROM exam_attempt a "
                            + "JOIN attempt_item i ON i.attempt_id = a.id WHERE a.id = ? AND a.status <> 'PREPARED' "
                            + "ORDER BY i.position")) {
                ps.setLong(1, attemptId);
                long person = 0;
                long exam = 0;
                List<Long> versions = new ArrayList<>();
                List<String> orders = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        person = rs.getLong(1);
                        exam = rs.getLong(2);
                        versions.add(rs.getLong(3));
                        orders.add(rs.getString(4));
                    }
                }
                if (versions.isEmpty()) {
                    return Optional.empty();
                }
                l = new Layout(person, exam, versions.stream().mapToLong(Long::longValue).toArray(),
                        orders.toArray(new String[0]));
                remember(attemptId, l);
            } catch (SQLException e) {
                throw new IllegalStateException("reading a paper layout failed", e);
            }
        }
        return l.personId() == personId ? Optional.of(l) : Optional.empty();
    }

    /**
     * One save in one statement: checks the attempt (owner, state, device, deadline + grace),
     * applies the answer only if {@code seq} is newer than the stored one, and appends the event
     * with its true outcome. The row lock (FOR SHARE) orders it against a submit of the attempt.
     */
    static final String SAVE = "WITH arg AS (SELECT ?::bigint AS attempt, ?::bigint AS person, ?::int AS pos, "
            + "?::bigint AS seq, ?::text AS answer, ?::boolean AS flagged, ?::varchar AS device, ?::timestamptz AS now, "
            + "?::int AS grace), " + DeliveryStatements.SAVE_BODY;

    /**
     * The save statement after its arguments ({@code arg}: attempt, person, pos, seq, answer,
     * flagged, device, now, grace); public so that the save benchmark hands PostgreSQL's own
     * client (pgbench) exactly the service's statement.
     */
    public static final String SAVE_BODY = "a AS (SELECT x.status, x.deadline_at, x.device_id FROM exam_attempt x, arg WHERE x.id = arg.attempt "
            + "AND x.person_id = arg.person AND x.status <> 'PREPARED' FOR SHARE OF x), "
            + "v AS (SELECT CASE WHEN a.status <> 'IN_PROGRESS' THEN 'SUBMITTED' "
            + "WHEN a.device_id IS NOT NULL AND a.device_id IS DISTINCT FROM arg.device THEN 'DEVICE_REPLACED' "
            + "WHEN arg.now > a.deadline_at + make_interval(secs => arg.grace) THEN 'LATE' ELSE 'OK' END AS verdict, "
            + "a.deadline_at FROM a, arg), "
            + "cur AS (SELECT i.answer_seq FROM attempt_item i, arg WHERE i.attempt_id = arg.attempt AND i.position = arg.pos), "
            + "u AS (UPDATE attempt_item i SET answer_json = arg.answer, flagged = COALESCE(arg.flagged, i.flagged), "
            + "answer_seq = arg.seq, answered_at = arg.now FROM arg, v WHERE v.verdict = 'OK' "
            + "AND i.attempt_id = arg.attempt AND i.position = arg.pos AND i.answer_seq < arg.seq RETURNING i.answer_seq), "
            + "e AS (INSERT INTO answer_event (attempt_id, position, seq, answer_json, flagged, device_id, outcome, "
            + "received_at) SELECT arg.attempt, arg.pos, arg.seq, arg.answer, arg.flagged, arg.device, "
            + "CASE WHEN v.verdict <> 'OK' THEN v.verdict WHEN EXISTS (SELECT 1 FROM u) THEN 'APPLIED' ELSE 'STALE' END, "
            + "arg.now FROM arg, v RETURNING outcome) "
            + "SELECT e.outcome, v.deadline_at, (SELECT answer_seq FROM cur) FROM e, v";

    /** The outcome of one save as stored; empty when the attempt is not the person's (404). */
    record SaveResult(DeliveryViews.SaveOutcome outcome, Instant deadline, long storedBefore) {
    }

    Optional<SaveResult> save(long attemptId, long personId, int position, long seq, String answerJson, Boolean flagged,
            String device, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SAVE)) {
            ps.setLong(1, attemptId);
            ps.setLong(2, personId);
            ps.setInt(3, position);
            ps.setLong(4, seq);
            ps.setString(5, answerJson);
            if (flagged == null) {
                ps.setNull(6, Types.BOOLEAN);
            } else {
                ps.setBoolean(6, flagged);
            }
            ps.setString(7, device);
            ps.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setInt(9, config.graceSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SaveResult(DeliveryViews.SaveOutcome.valueOf(rs.getString(1)),
                        instant(rs.getObject(2, OffsetDateTime.class)), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saving an answer failed", e);
        }
    }

    /** Whether the person has started (or finished) an attempt at the exam: may read its questions. */
    public boolean hasStarted(long examId, long personId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM exam_attempt WHERE exam_id = ? AND person_id = ? AND status <> 'PREPARED' LIMIT 1")) {
            ps.setLong(1, examId);
            ps.setLong(2, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checking an attempt failed", e);
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
