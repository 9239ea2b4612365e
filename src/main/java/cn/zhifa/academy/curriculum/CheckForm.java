package cn.zhifa.academy.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import cn.zhifa.academy.platform.web.UxMessages;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The form-based editor of a check lesson's questions (issue 13 item 9), replacing the raw YAML
 * box: one block per question with type, stem, options one per line, the answer (letters, or
 * 对/错) and the explanation. Every bad field gets its own message under the field; a valid form
 * becomes the same YAML the course files use, so the service validates it once more.
 */
public final class CheckForm {

    /** The question types of a check, as the course files name them. */
    public static final List<String> TYPES = List.of("single", "multiple", "judge");

    // 对 正确 是 √ / 错 错误 否 × (unicode escapes: no Chinese literals in Java)
    private static final List<String> TRUE = List.of("true", "t", "\u5bf9", "\u6b63\u786e", "\u662f", "\u221a", "y");
    private static final List<String> FALSE = List.of("false", "f", "\u9519", "\u9519\u8bef", "\u5426", "\u00d7", "x", "n");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    /** One question block as typed, with the message of each bad field ({@code stem}, {@code options}, {@code answer}). */
    public record Row(int number, String type, String stem, String options, String answer, String explanation,
            Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }

        public boolean typeIs(String t) {
            return t.equals(type);
        }

        boolean blank() {
            return isBlank(stem) && isBlank(options) && isBlank(answer) && isBlank(explanation);
        }
    }

    private final List<Row> rows;
    private final String formError;

    private CheckForm(List<Row> rows, String formError) {
        this.rows = rows;
        this.formError = formError;
    }

    public List<Row> rows() {
        return rows;
    }

    /** A message for the whole list (no question at all), or null. */
    public String formError() {
        return formError;
    }

    public boolean hasErrors() {
        return formError != null || rows.stream().anyMatch(r -> !r.errors().isEmpty());
    }

    /** How many fields are wrong, for the summary above the form. */
    public int errorCount() {
        return (formError == null ? 0 : 1) + rows.stream().mapToInt(r -> r.errors().size()).sum();
    }

    private static UxMessages m() {
        return MessageBundles.get(UxMessages.class);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** An empty editor: one blank question. */
    public static CheckForm empty() {
        return new CheckForm(List.of(blankRow(1)), null);
    }

    private static Row blankRow(int n) {
        return new Row(n, "single", "", "", "", "", Map.of());
    }

    /** The stored questions of a lesson ({@code check_json}), plus one blank block to add a question. */
    public static CheckForm of(String checkJson) {
        List<Row> rows = new ArrayList<>();
        if (checkJson != null) {
            try {
                List<CheckQuestion> qs = JSON.readValue(checkJson, new TypeReference<List<CheckQuestion>>() {
                });
                for (CheckQuestion q : qs) {
                    String answer = switch (q.type()) {
                        case "judge" -> "true".equals(q.answer()) ? "\u5bf9" : "\u9519";
                        default -> q.answer() == null ? "" : q.answer().replace(",", "");
                    };
                    rows.add(new Row(rows.size() + 1, q.type(), q.stem(),
                            String.join("\n", q.options() == null ? List.of() : q.options()), answer,
                            q.explanation() == null ? "" : q.explanation(), Map.of()));
                }
            } catch (JsonProcessingException e) {
                // an unreadable stored check shows as an empty editor
            }
        }
        rows.add(blankRow(rows.size() + 1));
        return new CheckForm(rows, null);
    }

    /** The posted blocks (parallel lists), checked field by field; blank blocks drop out. */
    public static CheckForm posted(List<String> types, List<String> stems, List<String> options, List<String> answers,
            List<String> explanations) {
        int n = Math.max(size(stems), Math.max(size(types), Math.max(size(options), size(answers))));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String type = at(types, i);
            Row raw = new Row(rows.size() + 1, TYPES.contains(type) ? type : "single", at(stems, i), at(options, i),
                    at(answers, i), at(explanations, i), Map.of());
            if (raw.blank()) {
                continue;
            }
            rows.add(check(raw));
        }
        String formError = rows.isEmpty() ? m().check_none() : null;
        return new CheckForm(rows, formError);
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i).trim();
    }

    static List<String> optionLines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Row check(Row r) {
        Map<String, String> errors = new LinkedHashMap<>();
        UxMessages m = m();
        if (isBlank(r.stem())) {
            errors.put("stem", m.check_stem_missing());
        }
        List<String> opts = optionLines(r.options());
        if (!r.typeIs("judge") && (opts.size() < 2 || opts.size() > 8)) {
            errors.put("options", m.check_options_count(opts.size()));
        }
        String answer = r.answer() == null ? "" : r.answer().trim();
        if (r.typeIs("judge")) {
            String a = answer.toLowerCase();
            if (!TRUE.contains(a) && !FALSE.contains(a)) {
                errors.put("answer", m.check_answer_judge());
            }
        } else if (!errors.containsKey("options")) {
            TreeSet<Character> letters = letters(answer);
            char last = (char) ('A' + opts.size() - 1);
            boolean inRange = letters != null && letters.stream().allMatch(c -> c >= 'A' && c <= last);
            if (r.typeIs("single") && (letters == null || letters.size() != 1 || !inRange)) {
                errors.put("answer", m.check_answer_single(String.valueOf(last)));
            } else if (r.typeIs("multiple") && (letters == null || letters.size() < 2 || !inRange)) {
                errors.put("answer", m.check_answer_multiple(String.valueOf(last)));
            }
        }
        return new Row(r.number(), r.type(), r.stem(), r.options(), r.answer(), r.explanation(), errors);
    }

    /** "ACD", "a, c, d", "Ａ、Ｃ" → {A, C, D}; null when something other than letters and separators is there. */
    private static TreeSet<Character> letters(String answer) {
        String a = cn.zhifa.academy.people.roster.HalfWidth.convert(answer).toUpperCase()
                .replaceAll("[,\\s\u3001\uff0c;\uff1b]+", "");
        if (a.isEmpty() || !a.matches("[A-Z]+")) {
            return null;
        }
        TreeSet<Character> out = new TreeSet<>();
        for (char c : a.toCharArray()) {
            out.add(c);
        }
        return out;
    }

    /** The same questions and messages plus an empty block at the end (to add a question). */
    public CheckForm withBlank() {
        List<Row> more = new ArrayList<>(rows);
        more.add(blankRow(rows.size() + 1));
        return new CheckForm(more, formError);
    }

    /** The questions in the course-file YAML (the list under {@code questions:}), for the service. */
    public String yaml() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("type", r.type());
            q.put("stem", r.stem());
            if (!r.typeIs("judge")) {
                q.put("options", optionLines(r.options()));
                TreeSet<Character> l = letters(r.answer());
                q.put("answer", l == null ? r.answer() : String.join(",", l.stream().map(String::valueOf).toList()));
            } else {
                q.put("answer", TRUE.contains(r.answer().trim().toLowerCase()) ? "true" : "false");
            }
            q.put("explanation", r.explanation() == null ? "" : r.explanation());
            out.add(q);
        }
        try {
            return YAML.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
