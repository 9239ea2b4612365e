package cn.zhifa.academy.evaluation;

/** Where an item's score comes from. */
public enum ItemSource {
    /** Entered by the supervisor (0..max). */
    MANUAL,
    /** The best exam score (records.ExamRecord) with the item's purposes in the 12 months up to the cycle's end. */
    EXAM_SCORE,
    /** 学时 of the cycle's year (curriculum hours ledger) against a target. */
    TRAINING_HOURS,
    /** Share of a provider's staff holding a valid qualification. */
    QUALIFIED_SHARE,
    /** Verified complaints (credit events) in the cycle, each deducting points from the item's maximum. */
    COMPLAINTS;

    public String msgKey() {
        return "source_" + name();
    }
}
