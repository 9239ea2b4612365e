package cn.zhifa.academy.exam.bank;

import java.util.Arrays;
import java.util.Optional;

import cn.zhifa.academy.platform.text.FormatWords;

/** 题型. Everything but case analysis is graded automatically at submit. */
public enum QuestionType {
    SINGLE, MULTIPLE, TRUE_FALSE, FILL, CASE_ANALYSIS;

    /**
     * The type as written in the question files (the 题型 column of the spreadsheet, the exports):
     * a word of the format ({@code formats/question-fields.properties}), the same in every language.
     * Pages show {@link #msgKey()} instead.
     */
    public final String label;

    QuestionType() {
        this.label = FormatWords.of(QuestionFields.FORMAT).get("type." + name());
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

    /** The key of the type's name in the {@code errors} bundle (an argument of problems). */
    String errorKey() {
        return "question.type." + name();
    }

    /** Accepts the written type ({@link #label}) or the enum name. */
    public static Optional<QuestionType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equalsIgnoreCase(t)).findFirst();
    }
}
