package cn.zhifa.academy.exam;

/** How an exam keeps one result across several attempts. */
public enum GradingMethod {
    HIGHEST, LATEST, FIRST, AVERAGE;

    public String msgKey() {
        return "grading_" + name();
    }
}
