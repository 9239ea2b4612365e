package cn.zhifa.academy.caselibrary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.content.FrontMatterDocument;
import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * Reads one case-library/ file (典型案例文件): YAML front matter through the shared
 * {@link FrontMatterDocument}, the seven sections through {@link CaseSections}, then
 * {@link CaseRules}. Never throws; every problem comes back with the file and its line.
 */
public final class CaseFile {

    static final Set<String> KEYS = Set.of("code", "title", "keywords", "domain", "matter", "caseType", "orgLevel",
            "legalBasis", "tags", "source", "date", "knowledge");

    /** The content when the file is valid, and every problem. */
    public record Parsed(CaseContent content, List<ContentProblem> problems, int codeLine) {
        public boolean ok() {
            return content != null && problems.isEmpty();
        }
    }

    private CaseFile() {
    }

    /**
     * @param file the path relative to the folder, e.g. shichang/SJ-2025-001.md
     * @param domains names of the enforcement domains
     */
    public static Parsed parse(String file, String text, Set<String> domains) {
        FrontMatterDocument.Parsed fm = FrontMatterDocument.parse(file, text);
        if (!fm.ok()) {
            return new Parsed(null, fm.problems(), 0);
        }
        String normalised = (text.startsWith("\ufeff") ? text.substring(1) : text).replace("\r\n", "\n");
        Lines lines = new Lines(normalised);
        Map<String, Object> meta = fm.document().meta();
        List<ContentProblem> problems = new ArrayList<>();

        for (String key : meta.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(problem(file, lines.key(key), "case.file.key_unknown", key, String.join(
                        CaseFormat.choicesSeparator(), List.of("code", "title", "keywords", "domain", "matter",
                                "caseType", "orgLevel", "legalBasis", "tags", "source", "date", "knowledge"))));
            }
        }
        List<CaseRules.Issue> typeIssues = new ArrayList<>();
        CaseSections.Parsed body = CaseSections.parse(fm.document().body(), fm.document().bodyStartLine());
        body.issues().forEach(i -> problems.add(new ContentProblem(file, i.line(), i.message())));

        CaseInput in = new CaseInput(text(meta, "code", typeIssues), text(meta, "title", typeIssues),
                list(meta, "keywords", typeIssues), text(meta, "domain", typeIssues), text(meta, "matter", typeIssues),
                text(meta, "caseType", typeIssues), text(meta, "orgLevel", typeIssues), legalBasis(meta, typeIssues),
                list(meta, "tags", typeIssues), text(meta, "source", typeIssues), text(meta, "date", typeIssues),
                CaseRules.keyed(body.sections()));
        CaseRules.Result result = CaseRules.check(in, domains);
        for (CaseRules.Issue issue : concat(typeIssues, result.issues())) {
            problems.add(new ContentProblem(file, line(issue.field(), lines, body), issue.message()));
        }
        String code = in.code() == null ? null : in.code().strip();
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (code != null && !name.equals(code + ".md")) {
            problems.add(problem(file, lines.key("code"), "case.file.name_mismatch", code));
        }
        problems.sort(java.util.Comparator.comparingInt(ContentProblem::line));
        return new Parsed(problems.isEmpty() ? result.content() : null, List.copyOf(problems), lines.key("code"));
    }

    /** A problem at a line, its text (a key of the errors bundle) in the reader's language. */
    static ContentProblem problem(String file, int line, String key, Object... args) {
        return new ContentProblem(file, line, ErrorTexts.text(ErrorTexts.currentLocale(), key, args));
    }

    private static List<CaseRules.Issue> concat(List<CaseRules.Issue> a, List<CaseRules.Issue> b) {
        List<CaseRules.Issue> out = new ArrayList<>(a);
        // a type problem already explains the field; do not add "missing" for it again
        for (CaseRules.Issue i : b) {
            if (a.stream().noneMatch(x -> i.field().startsWith(x.field()))) {
                out.add(i);
            }
        }
        return out;
    }

    /** The file line a field path points at. */
    private static int line(String field, Lines lines, CaseSections.Parsed body) {
        if (field.startsWith("sections.")) {
            return CaseRules.sectionByKey(field.substring("sections.".length()))
                    .map(s -> body.lines().containsKey(s) ? body.lines().get(s) : CaseSections.expectedLine(body, s))
                    .orElse(1);
        }
        if (field.startsWith("legalBasis[")) {
            int index = Integer.parseInt(field.substring("legalBasis[".length(), field.indexOf(']')));
            String sub = field.contains(".") ? field.substring(field.indexOf('.') + 1) : null;
            return lines.item("legalBasis", index, sub);
        }
        String key = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        int l = lines.key(key);
        return l > 0 ? l : 1; // a missing field: the front matter's first line
    }

    private static String text(Map<String, Object> meta, String key, List<CaseRules.Issue> issues) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        if (v instanceof Date d) { // a YAML timestamp
            return new java.sql.Date(d.getTime()).toLocalDate().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        issues.add(new CaseRules.Issue(key, "case.file.not_text", key));
        return null;
    }

    private static List<String> list(Map<String, Object> meta, String key, List<CaseRules.Issue> issues) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            issues.add(new CaseRules.Issue(key, "case.file.not_list", key));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof Map || o instanceof List) {
                issues.add(new CaseRules.Issue(key, "case.file.item_not_text", key));
                return null;
            }
            out.add(o == null ? null : String.valueOf(o));
        }
        return out;
    }

    private static List<CaseInput.LegalBasisInput> legalBasis(Map<String, Object> meta, List<CaseRules.Issue> issues) {
        Object v = meta.get("legalBasis");
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            issues.add(new CaseRules.Issue("legalBasis", "case.file.basis_not_list"));
            return null;
        }
        List<CaseInput.LegalBasisInput> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map<?, ?> m)) {
                issues.add(new CaseRules.Issue("legalBasis[" + (i + 1) + "]", "case.file.basis_item", i + 1));
                out.add(null);
                continue;
            }
            for (Object k : m.keySet()) {
                if (!Set.of("law", "article", "note").contains(String.valueOf(k))) {
                    issues.add(new CaseRules.Issue("legalBasis[" + (i + 1) + "]." + k, "case.file.basis_key_unknown", k));
                }
            }
            Object article = m.get("article");
            out.add(new CaseInput.LegalBasisInput(m.get("law") == null ? null : String.valueOf(m.get("law")),
                    article == null ? null : String.valueOf(article), m.get("note") == null ? null : String.valueOf(m.get("note"))));
        }
        return out;
    }

    /** Where keys and list items are in the front matter (block style, as the files use). */
    static final class Lines {
        private final String[] lines;
        private final Map<String, Integer> keys = new LinkedHashMap<>();
        private final int end;

        Lines(String text) {
            lines = text.split("\n", -1);
            int close = 0;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].equals("---")) {
                    close = i;
                    break;
                }
            }
            end = close;
            for (int i = 1; i < end; i++) {
                String l = lines[i];
                int colon = l.indexOf(':');
                if (colon > 0 && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#") && !l.startsWith("-")) {
                    keys.putIfAbsent(l.substring(0, colon).trim(), i + 1);
                }
            }
        }

        int key(String key) {
            return keys.getOrDefault(key, 0);
        }

        /** Line of the n-th (1-based) "- " item under a key, or of its sub-key; the key's line when not found. */
        int item(String key, int n, String subKey) {
            int keyLine = key(key);
            if (keyLine == 0) {
                return 1;
            }
            int seen = 0;
            for (int i = keyLine; i < end; i++) { // lines[keyLine] is the line after the key
                String l = lines[i];
                if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("-")) {
                    break; // next top-level key
                }
                String t = l.trim();
                if (t.startsWith("- ") || t.equals("-")) {
                    seen++;
                    if (seen == n && subKey == null) {
                        return i + 1;
                    }
                }
                if (seen == n && subKey != null) {
                    String s = t.startsWith("- ") ? t.substring(2).trim() : t;
                    if (s.startsWith(subKey + ":")) {
                        return i + 1;
                    }
                }
                if (seen > n) {
                    break;
                }
            }
            // the item or sub-key is absent: point at the item, else at the key
            int itemLine = seen >= n ? item(key, n, null) : keyLine;
            return itemLine == 0 ? keyLine : itemLine;
        }
    }
}
