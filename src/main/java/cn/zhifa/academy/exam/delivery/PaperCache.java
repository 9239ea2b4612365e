package cn.zhifa.academy.exam.delivery;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.paper.Papers;

/**
 * Prepared papers held in memory on this node, ready to be sent the moment their candidate
 * presses 开始 (issue 11): per (exam, person) the prepared attempt, its layout (for the first
 * save's option mapping) and the paper's items <b>already rendered as JSON bytes</b> (a fresh
 * start has no answers, so the items of a prepared paper never change until it starts). Filled
 * when this node prepares papers and, for papers another node prepared, by the preparation
 * sweep ({@link #warm}); bounded by {@code academy.exam.paper-cache-max}. The cache is only a
 * shortcut: the activating UPDATE still checks everything in PostgreSQL, and a paper that was
 * withdrawn, already started or whose exam changed simply falls back to the full path.
 * <p>
 * It also remembers which candidates have started an exam on this node, so that the question
 * document needs no query for them (once started, an attempt never becomes unstarted).
 */
@ApplicationScoped
public class PaperCache {

    /** A prepared paper as 开始 needs it; {@code items} is the JSON array of the paper's items. */
    record Prepared(long attemptId, long examId, long personId, int number, BigDecimal maxScore, long[] versions,
            String[] orders, byte[] items) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    QuestionCache questions;

    @Inject
    ObjectMapper json;

    @Inject
    ExamConfig config;

    private final Map<Long, Map<Long, Prepared>> prepared = new ConcurrentHashMap<>();

    private final Map<Long, Set<Long>> started = new ConcurrentHashMap<>();

    private final AtomicInteger size = new AtomicInteger();

    /** The prepared paper of the person at the exam, if this node holds it. */
    Prepared get(long examId, long personId) {
        Map<Long, Prepared> m = prepared.get(examId);
        return m == null ? null : m.get(personId);
    }

    /** How many prepared papers this node holds (operations, tests). */
    public int size() {
        return size.get();
    }

    /** Keeps a freshly drawn paper (false when the cache is full: that candidate takes the full path). */
    boolean put(long attemptId, long examId, long personId, int number, BigDecimal maxScore, List<Papers.Drawn> drawn) {
        long[] versions = new long[drawn.size()];
        String[] orders = new String[drawn.size()];
        int[] positions = new int[drawn.size()];
        int[] sections = new int[drawn.size()];
        BigDecimal[] points = new BigDecimal[drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            Papers.Drawn d = drawn.get(i);
            versions[i] = d.versionId();
            orders[i] = d.optionOrder();
            positions[i] = d.position();
            sections[i] = d.sectionPosition();
            points[i] = d.points().setScale(2, java.math.RoundingMode.HALF_UP); // as NUMERIC(5, 2) gives it back
        }
        return put(attemptId, examId, personId, number, maxScore.setScale(2, java.math.RoundingMode.HALF_UP), positions,
                sections, versions, orders, points);
    }

    private boolean put(long attemptId, long examId, long personId, int number, BigDecimal maxScore, int[] positions,
            int[] sections, long[] versions, String[] orders, BigDecimal[] points) {
        if (size.get() >= config.paperCacheMax()) {
            return false;
        }
        List<DeliveryViews.Item> items = new ArrayList<>(versions.length);
        for (int i = 0; i < versions.length; i++) {
            QuestionCache.Q q = questions.get(versions[i]);
            AttemptItem shape = new AttemptItem();
            shape.optionOrder = orders[i];
            items.add(new DeliveryViews.Item(positions[i], sections[i], versions[i], q.type().name(),
                    AnswerMapping.optionOrder(shape), points[i],
                    List.of(), false, 0));
        }
        byte[] rendered;
        try {
            rendered = json.writeValueAsBytes(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rendering prepared paper " + attemptId + " failed", e);
        }
        Prepared p = new Prepared(attemptId, examId, personId, number, maxScore, versions, orders, rendered);
        if (prepared.computeIfAbsent(examId, k -> new ConcurrentHashMap<>()).put(personId, p) == null) {
            size.incrementAndGet();
        }
        return true;
    }

    /** The paper has started (or is gone): it is no longer a prepared one. */
    void remove(Prepared p) {
        Map<Long, Prepared> m = prepared.get(p.examId());
        if (m != null && m.remove(p.personId(), p)) {
            size.decrementAndGet();
        }
    }

    /** Drops every prepared paper of an exam (cancelled, withdrawn, changed). */
    void forget(long examId) {
        Map<Long, Prepared> m = prepared.remove(examId);
        if (m != null) {
            size.addAndGet(-m.size());
        }
    }

    void markStarted(long examId, long personId) {
        started.computeIfAbsent(examId, k -> ConcurrentHashMap.newKeySet()).add(personId);
    }

    /** True only if this node saw the person start the exam (false says nothing: ask the database). */
    boolean knownStarted(long examId, long personId) {
        Set<Long> s = started.get(examId);
        return s != null && s.contains(personId);
    }

    /** {@link #warm} if the database holds more prepared papers of the exam than this node does. */
    public int warmIfBehind(long examId) {
        long inDb;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM exam_attempt WHERE exam_id = ? AND status = 'PREPARED'")) {
            ps.setLong(1, examId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                inDb = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<Long, Prepared> have = prepared.get(examId);
        if (inDb == 0 || (have != null && have.size() >= inDb) || size.get() >= config.paperCacheMax()) {
            return 0;
        }
        return warm(examId);
    }

    /**
     * Loads the prepared papers of an exam that this node does not hold yet (prepared by another
     * node), in one query; returns how many were added. In the caller's transaction (question
     * versions not cached yet are read through Hibernate).
     */
    public int warm(long examId) {
        Map<Long, Prepared> have = prepared.getOrDefault(examId, Map.of());
        int added = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.id, a.person_id, a.number, a.max_score, i.position, i.section_position, i.question_version_id, "
                        + "i.points, i.option_order FROM exam_attempt a JOIN attempt_item i ON i.attempt_id = a.id "
                        + "WHERE a.exam_id = ? AND a.status = 'PREPARED' ORDER BY a.id, i.position")) {
            ps.setLong(1, examId);
            ps.setFetchSize(5000); // a cursor inside the caller's transaction, not the whole result at once
            try (ResultSet rs = ps.executeQuery()) {
                long current = -1;
                long person = 0;
                int number = 0;
                BigDecimal max = null;
                List<Object[]> rows = new ArrayList<>();
                while (true) {
                    boolean more = rs.next();
                    long id = more ? rs.getLong(1) : -2;
                    if (id != current && current > 0 && !rows.isEmpty()) {
                        if (!have.containsKey(person)) {
                            if (!add(current, examId, person, number, max, rows)) {
                                break; // full
                            }
                            added++;
                        }
                        rows.clear();
                    }
                    if (!more) {
                        break;
                    }
                    current = id;
                    person = rs.getLong(2);
                    number = rs.getInt(3);
                    max = rs.getBigDecimal(4);
                    rows.add(new Object[] { rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getBigDecimal(8),
                            rs.getString(9) });
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading the prepared papers of exam " + examId + " failed", e);
        }
        return added;
    }

    private boolean add(long attemptId, long examId, long personId, int number, BigDecimal max, List<Object[]> rows) {
        int n = rows.size();
        int[] positions = new int[n];
        int[] sections = new int[n];
        long[] versions = new long[n];
        BigDecimal[] points = new BigDecimal[n];
        String[] orders = new String[n];
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            positions[i] = (Integer) r[0];
            sections[i] = (Integer) r[1];
            versions[i] = (Long) r[2];
            points[i] = (BigDecimal) r[3];
            orders[i] = (String) r[4];
        }
        return put(attemptId, examId, personId, number, max, positions, sections, versions, orders, points);
    }
}
