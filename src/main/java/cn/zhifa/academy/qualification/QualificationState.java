package cn.zhifa.academy.qualification;

/** State of a qualification: 有效 / 暂扣 / 注销 / 过期. */
public enum QualificationState {
    /** 有效 */
    VALID,
    /** 暂扣: suspended, may be restored. */
    SUSPENDED,
    /** 注销: cancelled, final unless an administrator re-issues with a reason. */
    CANCELLED,
    /** 过期: the expiry date has passed. */
    EXPIRED;

    public String msgKey() {
        return "state_" + name();
    }

    public String warnKey() {
        return "verify_warn_" + name();
    }

    public String cssClass() {
        return "qstate qstate-" + name().toLowerCase();
    }
}
