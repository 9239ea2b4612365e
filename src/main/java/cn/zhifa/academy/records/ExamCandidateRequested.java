package cn.zhifa.academy.records;

/**
 * Asks the exam engine to add a person to an exam's candidate list (for example a renewal
 * exam assigned when a qualification enters its renewal window). Observed synchronously in
 * the caller's transaction; unknown exam codes are logged and ignored.
 */
public record ExamCandidateRequested(String examCode, long personId, String reason, String requestedBy) {
}
