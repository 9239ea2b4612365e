package cn.zhifa.academy.curriculum;

import java.util.List;

/**
 * A question of a check lesson (小测). {@code answer} is the key: "B" (single), "A,C" (multiple)
 * or "true"/"false" (judge). Learners get {@link #forLearner()} only.
 */
public record CheckQuestion(String type, String stem, List<String> options, String answer, String explanation) {

    /** Where the letters of a multiple-choice answer are split (A,C / A，C / A C): a word of the course-file format. */
    private static final String ANSWER_SEPARATORS = cn.zhifa.academy.platform.text.FormatWords.of("course-file")
            .get("answer.separators");

    /** What a learner may see before answering: no key, no explanation. */
    public record LearnerView(int index, String type, String stem, List<String> options) {
        /** 1-based, for display. */
        public int number() {
            return index + 1;
        }
    }

    public LearnerView forLearner(int index) {
        return new LearnerView(index, type, stem, options == null ? List.of() : options);
    }

    /** Whether a learner's answer (same encoding as the key, letters in any order) is right. */
    public boolean accepts(String given) {
        if (given == null) {
            return false;
        }
        return normalise(given).equals(normalise(answer));
    }

    static String normalise(String s) {
        return java.util.Arrays.stream(s.toUpperCase().split(ANSWER_SEPARATORS)).filter(x -> !x.isEmpty()).sorted()
                .reduce((a, b) -> a + "," + b).orElse("");
    }
}
