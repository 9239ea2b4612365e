package cn.zhifa.academy.exam;

/** When a candidate may see their answers, the keys and the explanations. */
public enum ReviewPolicy {
    /** Only score, band and pass/fail; never the keys. */
    SCORE_ONLY,
    /** Right after the attempt is graded. */
    AFTER_SUBMIT,
    /** After the exam window has closed for everyone. */
    AFTER_CLOSE;

    public String msgKey() {
        return "review_" + name();
    }
}
