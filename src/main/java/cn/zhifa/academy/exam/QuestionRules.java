package cn.zhifa.academy.exam;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.people.Grade;

/**
 * Validates authored questions into their stored form. Every problem is reported with the
 * line and the column so an author can fix a whole file in one pass.
 */
public final class QuestionRules {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    static final Map<String, String> LEVELS = Map.of("市", "CITY", "区县", "DISTRICT", "镇街", "TOWN", "CITY", "CITY",
            "DISTRICT", "DISTRICT", "TOWN", "TOWN");
    private static final Set<String> TRUE = Set.of("true", "对", "正确", "√", "T", "是", "Y");
    private static final Set<String> FALSE = Set.of("false", "错", "错误", "×", "F", "否", "N");

    /** A validated question, ready to store. Keys use original option indexes. */
    public record Valid(String code, QuestionType type, String stemMd, List<String> options, List<String> key,
            String referenceAnswer, List<Json.RubricPoint> rubric, BigDecimal points, String explanation, String law,
            String articles, String domainCode, int difficulty, String grades, String levels, String tags,
            String sourceCase) {

        public String contentHash() {
            String canonical = String.join("\u0001", type.name(), stemMd, Json.write(options), Json.write(key),
                    String.valueOf(referenceAnswer), Json.write(rubric), String.valueOf(points), explanation, law,
                    articles, domainCode, String.valueOf(difficulty), grades, levels, tags, String.valueOf(sourceCase));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record Result(List<Valid> valid, List<ImportProblem> problems) {
    }

    /** Domain name (or code) → code, from the registry's catalogue. */
    public interface Domains {
        Optional<String> code(String nameOrCode);
    }

    private QuestionRules() {
    }

    public static Result validate(List<QuestionInput> inputs, Domains domains) {
        List<Valid> valid = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (QuestionInput in : inputs) {
            List<ImportProblem> p = new ArrayList<>();
            Valid v = one(in, domains, p);
            if (in.code() != null && !in.code().isBlank()) {
                Integer first = seen.putIfAbsent(in.code().trim(), in.line());
                if (first != null) {
                    p.add(problem(in, "编号", "编号“" + in.code().trim() + "”与第" + first + "行重复"));
                }
            }
            if (p.isEmpty()) {
                valid.add(v);
            }
            problems.addAll(p);
        }
        return new Result(valid, problems);
    }

    private static ImportProblem problem(QuestionInput in, String column, String message) {
        return new ImportProblem(in.file(), in.line(), column, message);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    static Valid one(QuestionInput in, Domains domains, List<ImportProblem> p) {
        String code = trim(in.code());
        if (code.isEmpty()) {
            p.add(problem(in, "编号", "不能为空"));
        } else if (!CODE.matcher(code).matches()) {
            p.add(problem(in, "编号", "只能使用字母、数字、- 和 _，最长 40 个字符"));
        }
        Optional<QuestionType> type = QuestionType.parse(in.type());
        if (type.isEmpty()) {
            p.add(problem(in, "题型", "应为 单选、多选、判断、填空 或 案例分析，而不是“" + trim(in.type()) + "”"));
        }
        String stem = trim(in.stem());
        if (stem.isEmpty()) {
            p.add(problem(in, "题干", "不能为空"));
        } else if (stem.length() > 5000) {
            p.add(problem(in, "题干", "超过 5000 字"));
        }
        List<String> options = in.options() == null ? List.of()
                : in.options().stream().map(QuestionRules::trim).toList();
        List<String> key = List.of();
        String reference = trim(in.referenceAnswer());
        List<Json.RubricPoint> rubric = in.rubric() == null ? List.of() : in.rubric();
        BigDecimal points = null;
        if (type.isPresent()) {
            QuestionType t = type.get();
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
        }
        String explanation = trim(in.explanation());
        if (explanation.isEmpty() && type.map(QuestionType::objective).orElse(true)) {
            p.add(problem(in, "解析", "请写明解析并引用条文"));
        }
        String lawName = trim(in.law());
        Optional<Laws.Law> law = Laws.find(lawName);
        if (lawName.isEmpty()) {
            p.add(problem(in, "法律", "不能为空"));
        } else if (law.isEmpty()) {
            p.add(problem(in, "法律", "未知的法律“" + lawName + "”"));
        }
        TreeSet<Integer> articles = new TreeSet<>();
        String articleText = trim(in.articles());
        if (!articleText.isEmpty()) {
            for (String a : articleText.split("[,，、\\s]+")) {
                try {
                    int n = Integer.parseInt(a.trim());
                    if (n <= 0 || (law.isPresent() && law.get().articles() > 0 && n > law.get().articles())) {
                        p.add(problem(in, "条款", law.map(l -> "《" + l.name() + "》没有第" + n + "条").orElse("条号应为正整数")));
                    } else {
                        articles.add(n);
                    }
                } catch (NumberFormatException e) {
                    p.add(problem(in, "条款", "条号应为数字，如 33 或 33,34，而不是“" + a + "”"));
                }
            }
        } else if (type.map(QuestionType::objective).orElse(true)) {
            p.add(problem(in, "条款", "请填写解析引用的条号"));
        }
        String domainCode = null;
        String domain = trim(in.domain());
        if (domain.isEmpty()) {
            p.add(problem(in, "领域", "不能为空（通用 或 执法领域名称）"));
        } else {
            domainCode = domains.code(domain).orElse(null);
            if (domainCode == null) {
                p.add(problem(in, "领域", "未知的领域“" + domain + "”"));
            }
        }
        int difficulty = 0;
        try {
            difficulty = Integer.parseInt(trim(in.difficulty()));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (difficulty < 1 || difficulty > 5) {
            p.add(problem(in, "难度", "应为 1–5 的整数"));
        }
        List<String> grades = new ArrayList<>();
        for (String g : in.grades() == null ? List.<String> of() : in.grades()) {
            Grade.fromLabel(trim(g)).ifPresentOrElse(x -> grades.add(x.name()),
                    () -> p.add(problem(in, "适用分级", "未知的分级“" + g + "”（新任、在岗、骨干、领导）")));
        }
        List<String> levels = new ArrayList<>();
        for (String l : in.levels() == null ? List.<String> of() : in.levels()) {
            String v = LEVELS.get(trim(l));
            if (v == null) {
                p.add(problem(in, "适用层级", "未知的层级“" + l + "”（市、区县、镇街）"));
            } else {
                levels.add(v);
            }
        }
        List<String> tags = in.tags() == null ? List.of()
                : in.tags().stream().map(QuestionRules::trim).filter(s -> !s.isEmpty()).distinct().toList();
        String sourceCase = trim(in.sourceCase());
        if (!p.isEmpty()) {
            return null;
        }
        return new Valid(code, type.get(), stem, type.get().choice() ? options : List.of(), key,
                type.get() == QuestionType.CASE_ANALYSIS ? reference : null, rubric, points, explanation,
                law.get().name(), String.join(",", articles.stream().map(String::valueOf).toList()), domainCode,
                difficulty, String.join(",", grades), String.join(",", levels), String.join(",", tags),
                sourceCase.isEmpty() ? null : sourceCase);
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

    /** The answer key in the author's notation, for display and export. */
    public static String keyText(QuestionType type, List<String> key) {
        return switch (type) {
            case SINGLE, MULTIPLE -> String.join("", key.stream().map(i -> String.valueOf((char) ('A' + Integer.parseInt(i)))).toList());
            case TRUE_FALSE -> key.equals(List.of("1")) ? "对" : "错";
            case FILL -> String.join("|", key);
            case CASE_ANALYSIS -> "";
        };
    }
}
