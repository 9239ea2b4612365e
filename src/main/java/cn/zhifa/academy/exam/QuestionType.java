package cn.zhifa.academy.exam;

import java.util.Arrays;
import java.util.Optional;

/** 题型. Everything but 案例分析 is graded automatically at submit. */
public enum QuestionType {
    SINGLE("单选"), MULTIPLE("多选"), TRUE_FALSE("判断"), FILL("填空"), CASE_ANALYSIS("案例分析");

    public final String label;

    QuestionType(String label) {
        this.label = label;
    }

    public boolean objective() {
        return this != CASE_ANALYSIS;
    }

    public boolean choice() {
        return this == SINGLE || this == MULTIPLE;
    }

    public String msgKey() {
        return "qtype_" + name();
    }

    /** Accepts the Chinese label or the enum name. */
    public static Optional<QuestionType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equalsIgnoreCase(t)).findFirst();
    }
}
