package cn.zhifa.academy.exam.bank;

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
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.people.Grade;

/**
 * Validates authored questions into their stored form. Every problem is reported with the
 * line and the column so an author can fix a whole file in one pass. The parts: identity and
 * text here, the answer key of each type in {@link QuestionKeys}, the cited law and articles in
 * {@link QuestionCitations}, domain, difficulty and audience in {@link QuestionTargeting}.
 */
public final class QuestionRules {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

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
                    p.add(problem(in, QuestionFields.CODE, "question.code_repeated", in.code().trim(), first));
                }
            }
            if (p.isEmpty()) {
                valid.add(v);
            }
            problems.addAll(p);
        }
        return new Result(valid, problems);
    }

    /** A problem of the input at its line: the column, the key of why in the errors bundle and its arguments. */
    static ImportProblem problem(QuestionInput in, String column, String key, Object... args) {
        return ImportProblem.of(in.file(), in.line(), column, key, args);
    }

    static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    static Valid one(QuestionInput in, Domains domains, List<ImportProblem> p) {
        String code = trim(in.code());
        if (code.isEmpty()) {
            p.add(problem(in, QuestionFields.CODE, "question.required"));
        } else if (!CODE.matcher(code).matches()) {
            p.add(problem(in, QuestionFields.CODE, "question.code_invalid"));
        }
        Optional<QuestionType> type = QuestionType.parse(in.type());
        if (type.isEmpty()) {
            p.add(problem(in, QuestionFields.TYPE, "question.type_invalid", trim(in.type())));
        }
        String stem = trim(in.stem());
        if (stem.isEmpty()) {
            p.add(problem(in, QuestionFields.STEM, "question.required"));
        } else if (stem.length() > 5000) {
            p.add(problem(in, QuestionFields.STEM, "question.stem_too_long"));
        }
        List<String> options = in.options() == null ? List.of()
                : in.options().stream().map(QuestionRules::trim).toList();
        String reference = trim(in.referenceAnswer());
        List<Json.RubricPoint> rubric = in.rubric() == null ? List.of() : in.rubric();
        QuestionKeys.Key key = type.map(t -> QuestionKeys.check(in, t, stem, options, reference, rubric, p))
                .orElse(QuestionKeys.Key.NONE);
        String explanation = trim(in.explanation());
        if (explanation.isEmpty() && type.map(QuestionType::objective).orElse(true)) {
            p.add(problem(in, QuestionFields.EXPLANATION, "question.explanation_required"));
        }
        QuestionCitations.Citation citation = QuestionCitations.check(in, type, p);
        QuestionTargeting.Target target = QuestionTargeting.check(in, domains, p);
        List<String> tags = in.tags() == null ? List.of()
                : in.tags().stream().map(QuestionRules::trim).filter(s -> !s.isEmpty()).distinct().toList();
        String sourceCase = trim(in.sourceCase());
        if (!p.isEmpty()) {
            return null;
        }
        return new Valid(code, type.get(), stem, type.get().choice() ? options : List.of(), key.key(),
                type.get() == QuestionType.CASE_ANALYSIS ? reference : null, rubric, key.points(), explanation,
                citation.law().get().name(), String.join(",", citation.articles().stream().map(String::valueOf).toList()),
                target.domainCode(), target.difficulty(), String.join(",", target.grades()),
                String.join(",", target.levels()), String.join(",", tags), sourceCase.isEmpty() ? null : sourceCase);
    }

    /** The answer key in the author's notation, for display and export. */
    public static String keyText(QuestionType type, List<String> key) {
        return switch (type) {
            case SINGLE, MULTIPLE -> String.join("", key.stream().map(i -> String.valueOf((char) ('A' + Integer.parseInt(i)))).toList());
            case TRUE_FALSE -> key.equals(List.of("1")) ? QuestionFields.TRUE : QuestionFields.FALSE;
            case FILL -> String.join("|", key);
            case CASE_ANALYSIS -> "";
        };
    }
}
