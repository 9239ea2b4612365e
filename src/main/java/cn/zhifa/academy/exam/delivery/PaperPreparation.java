package cn.zhifa.academy.exam.delivery;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.WeakPoints;
import cn.zhifa.academy.exam.paper.Papers;
import cn.zhifa.academy.platform.AdvisoryLocks;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Draws every candidate's paper before the bell (issue 11), so that 开始 is one UPDATE.
 * <p>
 * A prepared paper is an {@code exam_attempt} in status PREPARED with its items: drawn by
 * {@link Papers#draw} exactly as at 开始 (random per candidate, following the blueprint), written
 * 500 at a time with two set-based statements ({@code unnest} of arrays) and invisible to
 * everyone until its candidate starts it. Papers are prepared when an exam is published and
 * whenever its audience may have grown (an edit, an override naming a person, a requested
 * candidate), after that transaction committed; a sweep on every node catches the rest
 * (exams published by the demo data, people who joined the audience through their unit or
 * category). Several nodes may prepare at once: they take turns batch by batch under a per-exam
 * advisory lock, and every insert is {@code ON CONFLICT DO NOTHING} against the one-open-paper-per-candidate index.
 * The sweep also withdraws papers of people who left the audience, so a prepared paper stays
 * the candidate's admission ticket.
 */
@ApplicationScoped
public class PaperPreparation {

    private static final Logger LOG = Logger.getLogger(PaperPreparation.class);

    /** Fired (inside the transaction that changed the exam) when an exam may need papers. */
    public record PapersNeeded(long examId) {
    }

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    Papers papers;

    @Inject
    ExamConfig config;

    @Inject
    PaperCache cache;

    @Inject
    WeakPoints weakPoints;

    @Inject
    QuestionDocument documents;

    private final SecureRandom random = new SecureRandom();

    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paper-preparation");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** After the exam's change committed: prepare its papers in the background. */
    void onPapersNeeded(@Observes(during = TransactionPhase.AFTER_SUCCESS) PapersNeeded e) {
        if (queued.add(e.examId())) {
            worker.submit(() -> {
                queued.remove(e.examId());
                try {
                    if (prepare(e.examId()) > 0) {
                        documents.of(e.examId()); // built before the bell, not by its first 开始
                    }
                } catch (RuntimeException ex) {
                    LOG.warnf(ex, "preparing papers of exam %d failed (the sweep or the start will draw them)", e.examId());
                }
            });
        }
    }

    @Scheduled(every = "${academy.exam.prepare-every:60s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = Now.instant();
        List<Long> exams = QuarkusTransaction.requiringNew().call(() -> Exam.<Exam> list(
                "status = ?1 AND closesAt > ?2 AND opensAt < ?3", Exam.Status.PUBLISHED, now,
                now.plus(config.prepareAheadHours(), ChronoUnit.HOURS)).stream().map(x -> x.id).toList());
        for (Long id : exams) {
            try {
                withdrawIneligible(id);
                int n = prepare(id);
                if (n > 0) {
                    LOG.infof("prepared %d paper(s) for exam %d", n, id);
                }
                int warmed = QuarkusTransaction.requiringNew().call(() -> cache.warmIfBehind(id));
                if (warmed > 0) {
                    LOG.infof("holding %d more prepared paper(s) of exam %d in memory", warmed, id);
                }
                if (n > 0 || warmed > 0) {
                    documents.of(id); // this node's copy of the question document, before the bell
                }
            } catch (RuntimeException ex) {
                LOG.warnf(ex, "preparing papers of exam %d failed", id);
            }
        }
    }

    /**
     * Prepares a paper for every eligible person of the exam who has none yet, batch by batch;
     * returns how many were written. Does nothing for an exam that is not published or closed.
     */
    public int prepare(long examId) {
        int total = 0;
        while (true) {
            Integer n = QuarkusTransaction.requiringNew().call(() -> prepareBatch(examId));
            if (n == null) {
                if (total >= ANALYZE_AFTER) {
                    analyze();
                }
                return total;
            }
            total += n;
        }
    }

    /** Papers written in one run from which the attempt tables' statistics are refreshed at once. */
    static final int ANALYZE_AFTER = 200;

    /**
     * Refreshes the planner's statistics of the attempt tables after a bulk preparation. Without
     * it, the batched 开始 ({@link StartWriter#ACTIVATE}) was planned on statistics from before the
     * papers existed (autovacuum analyses a large table only after 10 % of it changed): PostgreSQL
     * expected one PREPARED row, scanned every prepared paper once per start of the batch, and
     * took 1.6 s for a batch of 1,000 starts instead of 26 ms (measured; docs/performance.md).
     * ANALYZE samples a bounded number of rows, so this costs well under a second at any size.
     */
    void analyze() {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("ANALYZE exam_attempt, attempt_item");
        } catch (SQLException e) {
            LOG.warnf(e, "could not refresh the statistics of the attempt tables (autovacuum will)");
        }
    }

    /** One batch in the caller's transaction; null when there is nothing (more) to do. */
    Integer prepareBatch(long examId) {
        Exam exam = Exam.findById(examId);
        if (exam == null || exam.status != Exam.Status.PUBLISHED || !exam.closesAt.isAfter(Now.instant())) {
            return null;
        }
        // nodes preparing the same exam take turns batch by batch (and never draw twice)
        AdvisoryLocks.lock(em, AdvisoryLocks.key("prepare-papers", examId, 0));
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT p.id FROM person p WHERE " + eligible(examId)
                + " AND NOT EXISTS (SELECT 1 FROM exam_attempt x WHERE x.exam_id = " + examId
                + " AND x.person_id = p.id) ORDER BY p.id LIMIT " + Math.max(1, config.prepareBatch())).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        Papers.Spec spec = papers.spec(exam);
        Map<Long, Integer> numbers = new HashMap<>();
        ids.forEach(id -> numbers.put(id.longValue(), 1));
        return write(examId, spec, numbers, true);
    }

    /**
     * Draws and writes a paper for one person (a late joiner, a further attempt) in the
     * caller's transaction; a paper that already waits is kept. Returns whether one was written.
     */
    boolean prepareOne(Exam exam, long personId, int number) {
        return write(exam.id, papers.spec(exam), Map.of(personId, number), false) == 1;
    }

    /** Draws and writes the papers; {@code keep}: also hold them in this node's {@link PaperCache}. */
    private int write(long examId, Papers.Spec spec, Map<Long, Integer> numbers, boolean keep) {
        Map<Long, List<Papers.Drawn>> drawn = new HashMap<>();
        BigDecimal max = null;
        for (Long person : numbers.keySet()) {
            List<Papers.Drawn> d = Papers.hasWeakPointSection(spec)
                    ? papers.draw(spec, random, weakPoints.preferredVersions(person, spec))
                    : papers.draw(spec, random);
            drawn.put(person, d);
            max = d.stream().map(Papers.Drawn::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            Long[] people = numbers.keySet().toArray(new Long[0]);
            Integer[] nums = new Integer[people.length];
            for (int i = 0; i < people.length; i++) {
                nums[i] = numbers.get(people[i]);
            }
            Map<Long, Long> attempts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exam_attempt (exam_id, person_id, number, "
                    + "status, max_score) SELECT ?, x.p, x.n, 'PREPARED', ? FROM unnest(?::bigint[], ?::int[]) AS x(p, n) "
                    + "ON CONFLICT DO NOTHING RETURNING id, person_id")) {
                ps.setLong(1, examId);
                ps.setBigDecimal(2, max);
                ps.setArray(3, c.createArrayOf("bigint", people));
                ps.setArray(4, c.createArrayOf("int4", nums));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attempts.put(rs.getLong(2), rs.getLong(1));
                    }
                }
            }
            if (attempts.isEmpty()) {
                return 0;
            }
            int rows = attempts.keySet().stream().mapToInt(p -> drawn.get(p).size()).sum();
            Long[] attempt = new Long[rows];
            Integer[] position = new Integer[rows];
            Long[] version = new Long[rows];
            Integer[] section = new Integer[rows];
            BigDecimal[] points = new BigDecimal[rows];
            BigDecimal[] partial = new BigDecimal[rows];
            String[] order = new String[rows];
            int r = 0;
            for (Map.Entry<Long, Long> a : attempts.entrySet()) {
                for (Papers.Drawn d : drawn.get(a.getKey())) {
                    attempt[r] = a.getValue();
                    position[r] = d.position();
                    version[r] = d.versionId();
                    section[r] = d.sectionPosition();
                    points[r] = d.points();
                    partial[r] = d.partialCredit();
                    order[r] = d.optionOrder();
                    r++;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attempt_item (attempt_id, position, "
                    + "question_version_id, section_position, points, partial_credit, option_order) "
                    + "SELECT * FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::int[], ?::numeric[], ?::numeric[], "
                    + "?::varchar[])")) {
                ps.setArray(1, array(c, "bigint", attempt));
                ps.setArray(2, array(c, "int4", position));
                ps.setArray(3, array(c, "bigint", version));
                ps.setArray(4, array(c, "int4", section));
                ps.setArray(5, array(c, "numeric", points));
                ps.setArray(6, array(c, "numeric", partial));
                ps.setArray(7, array(c, "varchar", order));
                ps.executeUpdate();
            }
            if (keep) {
                // rendered now, sent at 开始 (a rolled-back batch leaves entries the activation cannot find: harmless)
                for (Map.Entry<Long, Long> a : attempts.entrySet()) {
                    cache.put(a.getValue(), examId, a.getKey(), numbers.get(a.getKey()), max, drawn.get(a.getKey()));
                }
            }
            return attempts.size();
        } catch (SQLException e) {
            throw new IllegalStateException("writing prepared papers of exam " + examId + " failed", e);
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    /**
     * Withdraws prepared papers of people who are no longer in the audience (moved, on leave,
     * the audience narrowed); a paper being started at the same moment is skipped, never torn.
     */
    public int withdrawIneligible(long examId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("WITH gone AS (SELECT x.id FROM "
                + "exam_attempt x JOIN person p ON p.id = x.person_id WHERE x.exam_id = " + examId
                + " AND x.status = 'PREPARED' AND NOT (" + eligible(examId) + ") FOR UPDATE OF x SKIP LOCKED), "
                + "items AS (DELETE FROM attempt_item WHERE attempt_id IN (SELECT id FROM gone)) "
                + "DELETE FROM exam_attempt WHERE id IN (SELECT id FROM gone) AND status = 'PREPARED'").executeUpdate());
    }

    /** Withdraws every prepared paper of an exam (it was cancelled). */
    public int withdrawAll(long examId) {
        cache.forget(examId);
        return em.createNativeQuery("WITH gone AS (SELECT id FROM exam_attempt WHERE exam_id = " + examId
                + " AND status = 'PREPARED' FOR UPDATE SKIP LOCKED), "
                + "items AS (DELETE FROM attempt_item WHERE attempt_id IN (SELECT id FROM gone)) "
                + "DELETE FROM exam_attempt WHERE id IN (SELECT id FROM gone) AND status = 'PREPARED'").executeUpdate();
    }

    /**
     * {@link ExamService#eligible} as SQL over {@code person p}: in post, and named in the list
     * or matching every kind of filter the exam sets (a unit matches its whole subtree).
     */
    static String eligible(long examId) {
        String aud = "exam_audience a WHERE a.exam_id = " + examId + " AND a.kind = ";
        return "p.status = 'ACTIVE' AND (EXISTS (SELECT 1 FROM " + aud + "'PERSON' AND a.value = p.id::text) "
                + "OR (EXISTS (SELECT 1 FROM exam_audience a WHERE a.exam_id = " + examId + " AND a.kind <> 'PERSON') "
                + "AND (NOT EXISTS (SELECT 1 FROM " + aud + "'CATEGORY') OR EXISTS (SELECT 1 FROM " + aud
                + "'CATEGORY' AND a.value = p.category)) "
                + "AND (NOT EXISTS (SELECT 1 FROM " + aud + "'GRADE') OR EXISTS (SELECT 1 FROM " + aud
                + "'GRADE' AND a.value = p.grade)) "
                + "AND (NOT EXISTS (SELECT 1 FROM " + aud + "'UNIT') OR EXISTS (SELECT 1 FROM exam_audience a "
                + "JOIN org_unit u ON u.id::text = a.value JOIN org_unit pu ON pu.id = p.unit_id WHERE a.exam_id = "
                + examId + " AND a.kind = 'UNIT' AND pu.path LIKE u.path || '%')) "
                + "AND (NOT EXISTS (SELECT 1 FROM " + aud + "'PROVIDER') OR EXISTS (SELECT 1 FROM " + aud
                + "'PROVIDER' AND a.value = p.provider_id::text))))";
    }
}
