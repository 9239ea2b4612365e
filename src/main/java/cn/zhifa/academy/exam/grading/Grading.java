package cn.zhifa.academy.exam.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.paper.Blueprint;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.records.ExamResultRecorded;

/**
 * Scores answers and keeps each person's result per exam. Objective items are graded at
 * submit; 案例分析 items wait for a grader. When an attempt is fully graded the exam's kept
 * result (by its grading method) is published as {@link ExamResultRecorded}.
 */
@ApplicationScoped
public class Grading {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    QuestionCache questions;

    @Inject
    Event<ExamResultRecorded> results;

    @Inject
    EntityManager em;

    /** The score of an objective answer (canonical form); null for 案例分析. */
    public static BigDecimal score(QuestionCache.Q q, List<String> answer, BigDecimal points, BigDecimal partialCredit) {
        if (q.type() == QuestionType.CASE_ANALYSIS) {
            return null;
        }
        if (answer == null || answer.isEmpty()) {
            return BigDecimal.ZERO;
        }
        switch (q.type()) {
            case SINGLE, TRUE_FALSE:
                return answer.equals(q.key()) ? points : BigDecimal.ZERO;
            case MULTIPLE: {
                Set<String> given = new HashSet<>(answer);
                Set<String> key = new HashSet<>(q.key());
                if (given.equals(key)) {
                    return points;
                }
                if (partialCredit != null && key.containsAll(given)) {
                    return points.multiply(partialCredit).setScale(2, RoundingMode.HALF_UP);
                }
                return BigDecimal.ZERO;
            }
            case FILL: {
                String given = normalise(answer.get(0));
                return q.key().stream().map(Grading::normalise).anyMatch(given::equals) ? points : BigDecimal.ZERO;
            }
            default:
                return BigDecimal.ZERO;
        }
    }

    /** Full-width to half-width, no spaces or trailing punctuation, lower case. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[\\s\u3000]", "").replaceAll("[\u3002.,\uff0c;\uff1b]+$", "") /* trailing stops, commas, semicolons, also full width */;
    }

    /** What grading at submit reads of an item. */
    private record Ungraded(int position, long questionVersionId, String answerJson, BigDecimal points,
            BigDecimal partialCredit, boolean graded, BigDecimal score) {
    }

    static final String ITEMS = "SELECT position, question_version_id, answer_json, points, partial_credit, "
            + "graded_at IS NOT NULL, score FROM attempt_item WHERE attempt_id = ? ORDER BY position";

    static final String SCORE = "UPDATE attempt_item i SET score = u.score, graded_at = ?, graded_by = 'system' "
            + "FROM unnest(?::int[], ?::numeric[]) AS u(position, score) WHERE i.attempt_id = ? AND i.position = u.position";

    /**
     * Grades the objective items of a submitted attempt and sets its totals (GRADED when nothing
     * waits). The items are read and scored as plain rows, one statement each way, on the
     * transaction's connection: as 50 entities, Hibernate's dirty check and one update per item
     * were a third of a submit's CPU, and a submit wave is CPU work beside the saves (issue 11).
     * No item of the attempt is managed in this session before (submit loads the attempt alone),
     * so no entity holds a stale score afterwards.
     */
    public void gradeAtSubmit(ExamAttempt a, Exam exam) {
        Instant now = Now.instant();
        BigDecimal total = em.unwrap(Session.class).doReturningWork(c -> {
            List<Ungraded> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ITEMS)) {
                ps.setLong(1, a.id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Ungraded(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                                rs.getBigDecimal(5), rs.getBoolean(6), rs.getBigDecimal(7)));
                    }
                }
            }
            int pending = 0;
            BigDecimal sum = BigDecimal.ZERO;
            List<Integer> positions = new ArrayList<>();
            List<BigDecimal> scores = new ArrayList<>();
            for (Ungraded i : items) {
                QuestionCache.Q q = questions.get(i.questionVersionId());
                if (q.type() == QuestionType.CASE_ANALYSIS) {
                    if (!i.graded()) {
                        pending++;
                    } else if (i.score() != null) {
                        sum = sum.add(i.score());
                    }
                    continue;
                }
                BigDecimal score = score(q, Json.strings(i.answerJson()), i.points(), i.partialCredit());
                positions.add(i.position());
                scores.add(score);
                sum = sum.add(score);
            }
            if (!positions.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(SCORE)) {
                    ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    ps.setArray(2, c.createArrayOf("int4", positions.toArray()));
                    ps.setArray(3, c.createArrayOf("numeric", scores.toArray()));
                    ps.setLong(4, a.id);
                    ps.executeUpdate();
                }
            }
            a.pendingItems = pending;
            return pending > 0 ? null : sum;
        });
        if (total != null) {
            finish(a, exam, total);
        }
    }

    /** The sum of the items' scores (an ungraded item counts 0). */
    public static BigDecimal total(List<AttemptItem> items) {
        return items.stream().map(i -> i.score == null ? BigDecimal.ZERO : i.score).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    /** Totals, band and pass/fail of a fully graded attempt; then the kept result is republished. */
    void finish(ExamAttempt a, Exam exam, BigDecimal score) {
        a.score = score;
        a.percent = percent(score, a.maxScore);
        a.band = exam.gradeBands().bandOf(a.percent);
        Blueprint b = Blueprint.findById(exam.blueprintId);
        a.passed = score.compareTo(b.passMark) >= 0;
        a.status = ExamAttempt.Status.GRADED;
        a.gradedAt = Now.instant();
        a.pendingItems = 0;
        keep(exam, a.personId, b);
    }

    static BigDecimal percent(BigDecimal score, BigDecimal max) {
        return max.signum() == 0 ? BigDecimal.ZERO
                : score.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
    }

    /** The result an exam keeps for a person across attempts, fired as an event. */
    void keep(Exam exam, long personId, Blueprint b) {
        List<ExamAttempt> graded = ExamAttempt.list("examId = ?1 AND personId = ?2 AND status = ?3 ORDER BY number",
                exam.id, personId, ExamAttempt.Status.GRADED);
        if (graded.isEmpty()) {
            return;
        }
        long used = ExamAttempt.count("examId = ?1 AND personId = ?2 AND status <> ?3", exam.id, personId,
                ExamAttempt.Status.PREPARED);
        BigDecimal percent;
        boolean passed;
        Instant finished;
        switch (exam.gradingMethod) {
            case FIRST -> {
                ExamAttempt x = graded.get(0);
                percent = x.percent;
                passed = x.passed;
                finished = x.submittedAt;
            }
            case LATEST -> {
                ExamAttempt x = graded.get(graded.size() - 1);
                percent = x.percent;
                passed = x.passed;
                finished = x.submittedAt;
            }
            case AVERAGE -> {
                percent = graded.stream().map(x -> x.percent).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(graded.size()), 2, RoundingMode.HALF_UP);
                BigDecimal passPercent = percent(b.passMark, graded.get(0).maxScore);
                passed = percent.compareTo(passPercent) >= 0;
                finished = graded.get(graded.size() - 1).submittedAt;
            }
            default -> {
                ExamAttempt x = graded.stream().max(Comparator.comparing((ExamAttempt y) -> y.percent)
                        .thenComparing(y -> -y.number)).orElseThrow();
                percent = x.percent;
                passed = x.passed;
                finished = x.submittedAt;
            }
        }
        ExamPurpose purpose = exam.purpose;
        boolean resit = false;
        if (purpose == ExamPurpose.RESIT && exam.resitOfExamId != null) {
            Exam original = Exam.findById(exam.resitOfExamId);
            purpose = original.purpose;
            resit = true;
        }
        results.fire(new ExamResultRecorded(personId, exam.id, exam.code, exam.title, purpose, resit, exam.domainCode,
                percent, exam.gradeBands().bandOf(percent), passed, (int) used, finished));
    }
}
