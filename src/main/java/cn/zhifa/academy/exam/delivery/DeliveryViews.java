package cn.zhifa.academy.exam.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What candidates receive. None of these carries a key unless the review policy allows it. */
public final class DeliveryViews {

    private DeliveryViews() {
    }

    /**
     * The candidate's own part of the paper: which question at which position, the option
     * permutation, saved answers (in displayed option order) and the deadline. The texts come
     * once per exam from the shared question document ({@link QuestionDocument}). No keys.
     */
    public record Paper(long attemptId, long examId, String examTitle, int number, String status, Instant startedAt,
            Instant deadline, Instant serverNow, int graceSeconds, BigDecimal maxScore, List<Item> items) {
    }

    /**
     * One question of the paper: {@code question} names it in the question document,
     * {@code order} is the option permutation (displayed option i is the document's option
     * order[i]; empty for types without options).
     */
    public record Item(int position, int section, long question, String type, List<Integer> order, BigDecimal points,
            List<String> answer, boolean flagged, long seq) {
    }

    public enum SaveOutcome {
        APPLIED, STALE, LATE, SUBMITTED, DEVICE_REPLACED
    }

    /** The acknowledgement of a save, sent only after the transaction committed. */
    public record Saved(int position, SaveOutcome outcome, long seq, Instant savedAt, Instant deadline,
            Instant serverNow) {
    }

    /** Score, band and pass/fail; the review (answers, keys, explanations) only when the policy allows. */
    public record Result(long attemptId, long examId, String examTitle, int number, String status,
            String submitKind, Instant submittedAt, BigDecimal score, BigDecimal maxScore, BigDecimal percent,
            String band, Boolean passed, int pendingItems, boolean reviewAvailable, String reviewNote,
            List<ReviewItem> review) {
    }

    public record ReviewItem(int position, String typeLabel, String stemHtml, List<String> options, String yourAnswer,
            String key, BigDecimal score, BigDecimal points, String explanation, String referenceAnswer,
            String graderComment) {
    }

    /** The light poll of a running page: status, deadline (after overrides), server time, device. */
    public record Status(long attemptId, String status, Instant deadline, Instant serverNow, int graceSeconds,
            boolean thisDeviceHolds) {
    }

    /** One line of 我的考试. */
    public record MyExam(long examId, String code, String title, String purpose, Instant opensAt, Instant closesAt,
            int durationMinutes, int attemptsAllowed, int attemptsUsed, String state, Long runningAttemptId,
            Long lastAttemptId, BigDecimal keptPercent, String keptBand, Boolean keptPassed) {

        public String stateKey() {
            return "state_" + state;
        }

        public String purposeKey() {
            return "purpose_" + purpose;
        }
    }
}
