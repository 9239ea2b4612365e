package cn.zhifa.academy.exam.bank;

import static cn.zhifa.academy.exam.bank.QuestionRules.problem;
import static cn.zhifa.academy.exam.bank.QuestionRules.trim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * The answer key of a question by its type (part of {@link QuestionRules}): options and option
 * letters for choice questions, true or false, accepted texts for fill-in, reference
 * answer, points and rubric for case analysis. Problems go to the caller's list.
 */
final class QuestionKeys {

    private static final Set<String> TRUE = Set.copyOf(QuestionFields.TRUE_SPELLINGS);
    private static final Set<String> FALSE = Set.copyOf(QuestionFields.FALSE_SPELLINGS);

    /** The stored key (original option indexes, "1"/"0", or accepted texts) and the points of a case question. */
    record Key(List<String> key, BigDecimal points) {
        static final Key NONE = new Key(List.of(), null);
    }

    private QuestionKeys() {
    }

    static Key check(QuestionInput in, QuestionType t, String stem, List<String> options, String reference,
            List<Json.RubricPoint> rubric, List<ImportProblem> p) {
        List<String> key = List.of();
        BigDecimal points = null;
        if (t.choice()) {
            if (options.size() < 2 || options.size() > 8) {
                p.add(problem(in, QuestionFields.OPTIONS, "question.options_count", ErrorTexts.key(t.errorKey()), options.size()));
            } else if (options.stream().anyMatch(String::isEmpty)) {
                p.add(problem(in, QuestionFields.OPTIONS, "question.option_empty"));
            } else if (new LinkedHashSet<>(options).size() != options.size()) {
                p.add(problem(in, QuestionFields.OPTIONS, "question.options_repeated"));
            }
            key = letters(in, options.size(), t, p);
        } else if (!options.isEmpty()) {
            p.add(problem(in, QuestionFields.OPTIONS, "question.options_unexpected", ErrorTexts.key(t.errorKey())));
        }
        if (t == QuestionType.TRUE_FALSE) {
            List<String> a = in.answer() == null ? List.of() : in.answer();
            if (a.size() != 1 || !(TRUE.contains(trim(a.get(0))) || FALSE.contains(trim(a.get(0))))) {
                p.add(problem(in, QuestionFields.ANSWER, "question.true_false_answer"));
            } else {
                key = List.of(TRUE.contains(trim(a.get(0))) ? "1" : "0");
            }
        }
        if (t == QuestionType.FILL) {
            List<String> a = in.answer() == null ? List.of()
                    : in.answer().stream().map(QuestionRules::trim).filter(s -> !s.isEmpty()).toList();
            if (a.isEmpty()) {
                p.add(problem(in, QuestionFields.ANSWER, "question.fill_answer_required"));
            } else if (!stem.contains("__")) {
                p.add(problem(in, QuestionFields.STEM, "question.fill_blank_missing"));
            }
            key = a;
        }
        if (t == QuestionType.CASE_ANALYSIS) {
            if (reference.isEmpty()) {
                p.add(problem(in, QuestionFields.REFERENCE, "question.case_reference_required"));
            }
            if (in.answer() != null && !in.answer().isEmpty()) {
                p.add(problem(in, QuestionFields.ANSWER, "question.case_no_answer"));
            }
            points = decimal(in, QuestionFields.POINTS, in.points(), p);
            if (points != null && !rubric.isEmpty()) {
                BigDecimal sum = rubric.stream().map(r -> r.score() == null ? BigDecimal.ZERO : r.score())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(points) != 0) {
                    p.add(problem(in, QuestionFields.RUBRIC, "question.rubric_sum", sum.stripTrailingZeros().toPlainString(),
                            points.stripTrailingZeros().toPlainString()));
                }
            }
        } else if (!reference.isEmpty()) {
            p.add(problem(in, QuestionFields.REFERENCE, "question.reference_only_case"));
        }
        return new Key(key, points);
    }

    private static List<String> letters(QuestionInput in, int optionCount, QuestionType t, List<ImportProblem> p) {
        List<String> raw = in.answer() == null ? List.of() : in.answer();
        // "ABD" in one cell or [A, B, D] in a list
        List<String> letters = new ArrayList<>();
        for (String s : raw) {
            for (char c : trim(s).toUpperCase().replaceAll(QuestionFields.LETTER_SEPARATORS, "").toCharArray()) {
                letters.add(String.valueOf(c));
            }
        }
        TreeSet<Integer> idx = new TreeSet<>();
        for (String l : letters) {
            int i = l.charAt(0) - 'A';
            if (l.length() != 1 || i < 0 || i >= Math.max(optionCount, 1)) {
                p.add(problem(in, QuestionFields.ANSWER, "question.letter_invalid", l));
                return List.of();
            }
            if (!idx.add(i)) {
                p.add(problem(in, QuestionFields.ANSWER, "question.letter_repeated", l));
                return List.of();
            }
        }
        if (t == QuestionType.SINGLE && idx.size() != 1) {
            p.add(problem(in, QuestionFields.ANSWER, "question.single_one_key"));
        }
        if (t == QuestionType.MULTIPLE && idx.size() < 2) {
            p.add(problem(in, QuestionFields.ANSWER, "question.multiple_two_keys"));
        }
        return idx.stream().map(String::valueOf).toList();
    }

    private static BigDecimal decimal(QuestionInput in, String column, String text, List<ImportProblem> p) {
        try {
            BigDecimal d = new BigDecimal(trim(text));
            if (d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
                p.add(problem(in, column, "question.points_range"));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            p.add(problem(in, column, "question.number"));
            return null;
        }
    }
}
