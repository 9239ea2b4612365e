package cn.zhifa.academy.exam.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.ExamScope;
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.exam.NativeRows;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;

/**
 * 阅卷: 案例分析 answers waiting for a person. Graders see the question, the reference answer
 * and the rubric beside the response; drafts are saved as they go, and completing the last
 * item of an attempt grades it.
 */
@ApplicationScoped
public class GradingQueue {

    @Inject
    EntityManager em;

    @Inject
    PeopleDirectory people;

    @Inject
    QuestionCache questions;

    @Inject
    Grading grading;

    @Inject
    ExamScope scope;

    @Inject
    AuditLog audit;

    /**
     * One waiting answer. With 匿名阅卷 the candidate's name is withheld ({@code null}) and the
     * grader sees "考生 #n": n numbers the exam's candidates in the order of their first attempt.
     */
    public record Pending(long attemptId, int position, long examId, String examTitle, String candidate,
            Instant submittedAt, String questionCode, BigDecimal draftScore, boolean hasDraft, boolean anonymous,
            int candidateNo) {
    }

    /**
     * The answer to grade. {@code points} is what the question is worth in this exam (the
     * blueprint's per-question value); {@code rubricTotal} the sum of the rubric's scores, which
     * can differ: the page then shows each rubric score scaled to {@code points}.
     */
    public record Task(long attemptId, int position, long examId, String examTitle, String stemHtml,
            String referenceAnswer, List<Json.RubricPoint> rubric, String response, BigDecimal points,
            BigDecimal score, String comment, boolean completed, String gradedBy, boolean anonymous, int candidateNo,
            String candidate, BigDecimal rubricTotal) {

        /** The rubric total differs from the question's value in this exam. */
        public boolean rubricScaled() {
            return rubricTotal.signum() > 0 && rubricTotal.compareTo(points) != 0;
        }

        /** A rubric score in this exam's points (two decimals at most). */
        public BigDecimal scaled(BigDecimal score) {
            if (score == null || !rubricScaled()) {
                return score;
            }
            return score.multiply(points).divide(rubricTotal, 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        }
    }

    /** "考生 #n": the candidate's rank by first attempt in the exam (stable while grading). */
    static final String CANDIDATE_NO = "(SELECT count(*) FROM (SELECT min(a2.id) AS first FROM exam_attempt a2 "
            + "WHERE a2.exam_id = a.exam_id GROUP BY a2.person_id) f WHERE f.first <= (SELECT min(a3.id) FROM exam_attempt a3 "
            + "WHERE a3.exam_id = a.exam_id AND a3.person_id = a.person_id))";

    /** Items waiting, oldest submission first, in exams the grader manages (a trainer: the exams they created). */
    @Transactional
    public List<Pending> pending(Long examId, int limit) {
        OrgScope.Condition inScope = scope.paths("u.path", "?1");
        String creator = scope.creatorOnly();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inScope.bind(em.createNativeQuery("SELECT i.attempt_id, i.position, e.id, e.title, p.name, a.submitted_at, "
                + "q.code, i.score, i.graded_by, e.anonymous_grading, " + CANDIDATE_NO + " FROM attempt_item i JOIN exam_attempt a ON a.id = i.attempt_id "
                + "JOIN exam e ON e.id = a.exam_id JOIN org_unit u ON u.id = e.owner_unit_id "
                + "JOIN question_version v ON v.id = i.question_version_id JOIN question q ON q.id = v.question_id "
                + "JOIN person p ON p.id = a.person_id "
                + "WHERE a.status = 'SUBMITTED' AND v.type = 'CASE_ANALYSIS' AND i.graded_at IS NULL "
                + "AND " + inScope.text() + " AND (?2 = 0 OR e.id = ?2) AND (?4 = '' OR e.created_by = ?4) "
                + "ORDER BY a.submitted_at, i.attempt_id, i.position LIMIT ?3")
                .setParameter(2, examId == null ? 0L : examId).setParameter(3, limit)
                .setParameter(4, creator == null ? "" : creator)).getResultList();
        List<Pending> out = new ArrayList<>();
        for (Object[] r : rows) {
            boolean anonymous = Boolean.TRUE.equals(r[9]);
            out.add(new Pending(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                    (String) r[3], anonymous ? null : (String) r[4], NativeRows.instant(r[5]), (String) r[6],
                    (BigDecimal) r[7], r[8] != null, anonymous, ((Number) r[10]).intValue()));
        }
        return out;
    }

    private AttemptItem item(long attemptId, int position) {
        ExamAttempt a = ExamAttempt.findById(attemptId);
        if (a == null) {
            throw new NotFoundException("exam.attempt_not_found");
        }
        scope.exam(a.examId); // 404 outside the grader's scope
        AttemptItem.Key k = new AttemptItem.Key();
        k.attemptId = attemptId;
        k.position = position;
        AttemptItem i = em.find(AttemptItem.class, k);
        if (i == null || questions.get(i.questionVersionId).type() != QuestionType.CASE_ANALYSIS) {
            throw new NotFoundException("exam.grading_item_not_found");
        }
        return i;
    }

    @Transactional
    public Task task(long attemptId, int position) {
        AttemptItem i = item(attemptId, position);
        ExamAttempt a = ExamAttempt.findById(attemptId);
        Exam e = Exam.findById(a.examId);
        QuestionCache.Q q = questions.get(i.questionVersionId);
        List<String> answer = i.answer();
        int no = ((Number) em.createNativeQuery("SELECT " + CANDIDATE_NO + " FROM exam_attempt a WHERE a.id = ?1")
                .setParameter(1, attemptId).getSingleResult()).intValue();
        String name = e.anonymousGrading ? null
                : people.find(a.personId).map(PeopleDirectory.PersonSummary::name).orElse(null);
        BigDecimal rubricTotal = q.rubric().stream().map(r -> r.score() == null ? BigDecimal.ZERO : r.score())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Task(attemptId, position, e.id, e.title, q.stemHtml(), q.referenceAnswer(), q.rubric(),
                answer.isEmpty() ? "" : answer.get(0), i.points, i.score, i.graderComment, i.gradedAt != null,
                i.gradedBy, e.anonymousGrading, no, name, rubricTotal);
    }

    /** A revealed name: who the candidate behind "考生 #n" is. */
    public record Revealed(long attemptId, int candidateNo, String candidate) {
    }

    /**
     * 显示姓名: the name behind "考生 #n" for a grader of an anonymously graded exam. Anonymity
     * is the rule, so seeing a name is an explicit act with a reason, written to the audit log
     * (grader, answer, candidate number, reason) in the same transaction; nothing else changes,
     * and the next view of the answer is anonymous again. Outside the grader's scope: 404.
     */
    @Transactional
    public Revealed reveal(long attemptId, int position, String reason, String grader) {
        item(attemptId, position); // 404 outside the grader's scope
        ExamAttempt a = ExamAttempt.findById(attemptId);
        Exam e = Exam.findById(a.examId);
        if (!e.anonymousGrading) {
            throw ConflictException.on("anonymousGrading", "exam.grading_not_anonymous");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidException.field("reason", "exam.grading_reveal_reason_required");
        }
        if (reason.length() > 500) {
            throw InvalidException.field("reason", "exam.grading_reveal_reason_long");
        }
        int no = ((Number) em.createNativeQuery("SELECT " + CANDIDATE_NO + " FROM exam_attempt a WHERE a.id = ?1")
                .setParameter(1, attemptId).getSingleResult()).intValue();
        String name = peopleDirectory.find(a.personId)
                .map(p -> p.name()).orElse("");
        audit.record("exam.grading_reveal", "exam-attempt", a.id, AuditLog.detail("exam", e.id, "position", position,
                "candidateNo", no, "reason", reason.trim(), "grader", grader));
        return new Revealed(attemptId, no, name);
    }

    /** Saves the grader's score and comment; {@code complete} finalises the item (audited). */
    @Transactional
    public Task grade(long attemptId, int position, BigDecimal score, String comment, boolean complete, String grader) {
        AttemptItem i = item(attemptId, position);
        ExamAttempt a = ExamAttempt.findById(attemptId);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        if (a.status != ExamAttempt.Status.SUBMITTED || i.gradedAt != null) {
            throw ConflictException.on("status", "exam.grading_done");
        }
        if (score != null && (score.signum() < 0 || score.compareTo(i.points) > 0)) {
            throw InvalidException.field("score", "exam.grading_score_range", i.points.stripTrailingZeros().toPlainString());
        }
        if (comment != null && comment.length() > 2000) {
            throw InvalidException.field("comment", "exam.grading_comment_long");
        }
        if (complete && score == null) {
            throw InvalidException.field("score", "exam.grading_score_required");
        }
        i.score = score;
        i.graderComment = comment == null || comment.isBlank() ? null : comment.trim();
        i.gradedBy = grader;
        if (complete) {
            i.gradedAt = Now.instant();
            a.pendingItems = Math.max(0, a.pendingItems - 1);
            audit.record("exam.grade", "exam-attempt", a.id,
                    AuditLog.detail("position", position, "score", score, "grader", grader));
            if (AttemptItem.count("attemptId = ?1 AND gradedAt IS NULL", a.id) == 0) {
                em.flush();
                Exam e = Exam.findById(a.examId);
                grading.finish(a, e, Grading.total(AttemptItem.list("attemptId = ?1 ORDER BY position", a.id)));
            }
        }
        return task(attemptId, position);
    }

    @jakarta.inject.Inject
    cn.zhifa.academy.people.PeopleDirectory peopleDirectory;

}
