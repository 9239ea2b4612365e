package cn.zhifa.academy.exam.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAttempt;
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

    /** Grades the objective items of a submitted attempt and sets its totals (GRADED when nothing waits). */
    public void gradeAtSubmit(ExamAttempt a, Exam exam) {
        List<AttemptItem> items = AttemptItem.list("attemptId = ?1 ORDER BY position", a.id);
        int pending = 0;
        for (AttemptItem i : items) {
            QuestionCache.Q q = questions.get(i.questionVersionId);
            if (q.type() == QuestionType.CASE_ANALYSIS) {
                if (i.gradedAt == null) {
                    pending++;
                }
                continue;
            }
            i.score = score(q, i.answer(), i.points, i.partialCredit);
            i.gradedAt = Now.instant();
            i.gradedBy = "system";
        }
        a.pendingItems = pending;
        if (pending == 0) {
            finish(a, exam, items);
        }
    }

    /** Totals, band and pass/fail of a fully graded attempt; then the kept result is republished. */
    void finish(ExamAttempt a, Exam exam, List<AttemptItem> items) {
        BigDecimal score = items.stream().map(i -> i.score == null ? BigDecimal.ZERO : i.score).reduce(BigDecimal.ZERO,
                BigDecimal::add);
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
