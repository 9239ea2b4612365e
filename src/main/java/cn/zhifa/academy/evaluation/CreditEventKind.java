package cn.zhifa.academy.evaluation;

/** 信用事件的种类. Complaints and profiteering deduct; repair and commendation add back. */
public enum CreditEventKind {
    /** 经核实的投诉 */
    COMPLAINT(-1),
    /** 牟利行为 */
    PROFITEERING(-1),
    /** 信用修复 */
    REPAIR(1),
    /** 表彰加分 */
    COMMENDATION(1);

    public final int sign;

    CreditEventKind(int sign) {
        this.sign = sign;
    }

    public String msgKey() {
        return "credit_kind_" + name();
    }
}
