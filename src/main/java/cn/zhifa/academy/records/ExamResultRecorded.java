package cn.zhifa.academy.records;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Fired (synchronously, inside the grading transaction) whenever a person's final result
 * for an exam is set or changes: after the last objective item is graded at submit, after
 * a grader finishes the 案例分析 items, or when a later attempt changes the kept result.
 * The result is the one the exam keeps across attempts (highest by default).
 *
 * @param score      the kept score as a percentage of the paper (0–100)
 * @param domainCode enforcement domain code of the exam, {@code TY} for 通用
 * @param purpose    effective purpose (a 补考 carries the purpose of the exam it repeats)
 * @param resit      whether this result came from a 补考
 */
public record ExamResultRecorded(long personId, long examId, String examCode, String examTitle,
        ExamPurpose purpose, boolean resit, String domainCode, BigDecimal score, String band,
        boolean passed, int attemptsUsed, Instant finishedAt) {
}
