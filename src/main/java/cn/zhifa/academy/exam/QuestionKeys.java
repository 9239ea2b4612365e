package cn.zhifa.academy.exam;

import static cn.zhifa.academy.exam.QuestionRules.problem;
import static cn.zhifa.academy.exam.QuestionRules.trim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer key of a question by its type (part of {@link QuestionRules}): options and option
 * letters for choice questions, 对/错 for true-false, accepted texts for fill-in, reference
 * answer, points and rubric for case analysis. Problems go to the caller's list.
 */
final class QuestionKeys {

    private static final Set<String> TRUE = Set.of("true", "对", "正确", "√", "T", "是", "Y");
    private static final Set<String> FALSE = Set.of("false", "错", "错误", "×", "F", "否", "N");

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
                p.add(problem(in, "选项", t.label + "题需要 2–8 个选项，现有 " + options.size() + " 个"));
            } else if (options.stream().anyMatch(String::isEmpty)) {
                p.add(problem(in, "选项", "选项不能为空"));
            } else if (new LinkedHashSet<>(options).size() != options.size()) {
                p.add(problem(in, "选项", "选项有重复"));
            }
            key = letters(in, options.size(), t, p);
        } else if (!options.isEmpty()) {
            p.add(problem(in, "选项", t.label + "题不应有选项"));
        }
        if (t == QuestionType.TRUE_FALSE) {
            List<String> a = in.answer() == null ? List.of() : in.answer();
            if (a.size() != 1 || !(TRUE.contains(trim(a.get(0))) || FALSE.contains(trim(a.get(0))))) {
                p.add(problem(in, "答案", "判断题答案应为 对 或 错"));
            } else {
                key = List.of(TRUE.contains(trim(a.get(0))) ? "1" : "0");
            }
        }
        if (t == QuestionType.FILL) {
            List<String> a = in.answer() == null ? List.of()
                    : in.answer().stream().map(QuestionRules::trim).filter(s -> !s.isEmpty()).toList();
            if (a.isEmpty()) {
                p.add(problem(in, "答案", "填空题至少需要一个可接受的答案"));
            } else if (!stem.contains("__")) {
                p.add(problem(in, "题干", "填空题题干应用 ____ 标出空位"));
            }
            key = a;
        }
        if (t == QuestionType.CASE_ANALYSIS) {
            if (reference.isEmpty()) {
                p.add(problem(in, "参考答案", "案例分析题需要参考答案"));
            }
            if (in.answer() != null && !in.answer().isEmpty()) {
                p.add(problem(in, "答案", "案例分析题由人工评分，请把要点写在参考答案和评分要点中"));
            }
            points = decimal(in, "分值", in.points(), p);
            if (points != null && !rubric.isEmpty()) {
                BigDecimal sum = rubric.stream().map(r -> r.score() == null ? BigDecimal.ZERO : r.score())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(points) != 0) {
                    p.add(problem(in, "评分要点", "评分要点分值之和 " + sum.stripTrailingZeros().toPlainString()
                            + " 不等于分值 " + points.stripTrailingZeros().toPlainString()));
                }
            }
        } else if (!reference.isEmpty()) {
            p.add(problem(in, "参考答案", "只有案例分析题需要参考答案"));
        }
        return new Key(key, points);
    }

    private static List<String> letters(QuestionInput in, int optionCount, QuestionType t, List<ImportProblem> p) {
        List<String> raw = in.answer() == null ? List.of() : in.answer();
        // "ABD" in one cell or [A, B, D] in a list
        List<String> letters = new ArrayList<>();
        for (String s : raw) {
            for (char c : trim(s).toUpperCase().replaceAll("[,，、\\s]", "").toCharArray()) {
                letters.add(String.valueOf(c));
            }
        }
        TreeSet<Integer> idx = new TreeSet<>();
        for (String l : letters) {
            int i = l.charAt(0) - 'A';
            if (l.length() != 1 || i < 0 || i >= Math.max(optionCount, 1)) {
                p.add(problem(in, "答案", "“" + l + "”不是有效的选项字母"));
                return List.of();
            }
            if (!idx.add(i)) {
                p.add(problem(in, "答案", "选项“" + l + "”重复"));
                return List.of();
            }
        }
        if (t == QuestionType.SINGLE && idx.size() != 1) {
            p.add(problem(in, "答案", "单选题应有且只有一个正确选项"));
        }
        if (t == QuestionType.MULTIPLE && idx.size() < 2) {
            p.add(problem(in, "答案", "多选题至少有两个正确选项"));
        }
        return idx.stream().map(String::valueOf).toList();
    }

    private static BigDecimal decimal(QuestionInput in, String column, String text, List<ImportProblem> p) {
        try {
            BigDecimal d = new BigDecimal(trim(text));
            if (d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
                p.add(problem(in, column, "应在 0–100 之间"));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            p.add(problem(in, column, "应为数字"));
            return null;
        }
    }
}
