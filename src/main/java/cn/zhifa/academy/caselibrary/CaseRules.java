package cn.zhifa.academy.caselibrary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.zhifa.academy.content.ChineseNumerals;
import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.FieldError;

/**
 * The rules every typical case must meet, for files and for the authoring form alike. Problems
 * are named by field path (code, legalBasis[2].law, sections.facts) so that the importer can
 * turn them into file lines and the API into problem+json field errors.
 */
public final class CaseRules {

    /** 领域前缀-年份-序号, e.g. SJ-2025-001. */
    public static final Pattern CODE = Pattern.compile("[A-Z]{2,4}-(\\d{4})-\\d{3,4}");
    static final int MAX_LIST = 12;

    /**
     * One problem: the field path and why, as a key of the {@code errors} bundle and its arguments
     * (the file importer and the pages show it in the reader's language).
     */
    public record Issue(String field, String key, Object... args) {

        /** The text in the language of the current request (Chinese outside one). */
        public String message() {
            return ErrorTexts.text(ErrorTexts.currentLocale(), key, args);
        }

        /** As a field error of a domain exception. */
        public FieldError fieldError() {
            return new FieldError(field, key, args);
        }
    }

    /** The content when valid, and every problem otherwise. */
    public record Result(CaseContent content, List<Issue> issues) {
        public boolean ok() {
            return issues.isEmpty();
        }
    }

    private CaseRules() {
    }

    /**
     * @param domains the names of the enforcement domains (执法领域)
     */
    public static Result check(CaseInput in, Set<String> domains) {
        List<Issue> issues = new ArrayList<>();
        String code = required(in.code(), "code", 32, issues);
        if (code != null && !CODE.matcher(code).matches()) {
            issues.add(new Issue("code", "case.rule.code_format", code));
        }
        String title = required(in.title(), "title", 200, issues);
        List<String> keywords = list(in.keywords(), "keywords", true, issues);
        String domain = required(in.domain(), "domain", 50, issues);
        if (domain != null && !domains.contains(domain)) {
            issues.add(new Issue("domain", "case.rule.domain_unknown", domain,
                    String.join(CaseFormat.choicesSeparator(), domains)));
        }
        String matter = required(in.matter(), "matter", 200, issues);
        String typeText = required(in.caseType(), "caseType", 20, issues);
        Optional<CaseType> type = CaseType.parse(typeText);
        if (typeText != null && type.isEmpty()) {
            issues.add(new Issue("caseType", "case.rule.type_unknown", typeText, CaseType.labels()));
        }
        String levelText = required(in.orgLevel(), "orgLevel", 10, issues);
        Optional<OrgLevel> level = OrgLevels.parse(levelText);
        if (levelText != null && level.isEmpty()) {
            issues.add(new Issue("orgLevel", "case.rule.level_unknown", levelText, OrgLevels.labels()));
        }
        List<CaseContent.LegalBasis> basis = legalBasis(in.legalBasis(), issues);
        List<String> tags = list(in.tags(), "tags", false, issues);
        String source = required(in.source(), "source", 300, issues);
        String dateText = required(in.date(), "date", 10, issues);
        LocalDate date = null;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                issues.add(new Issue("date", "case.rule.date_format", dateText));
            }
        }
        if (code != null && date != null) {
            var m = CODE.matcher(code);
            if (m.matches() && Integer.parseInt(m.group(1)) != date.getYear()) {
                issues.add(new Issue("code", "case.rule.code_year", m.group(1), date));
            }
        }
        if (date != null) {
            repealedLaws(basis, date, issues);
        }
        Map<CaseSection, String> sections = sections(in.sections(), issues);
        if (!issues.isEmpty()) {
            return new Result(null, List.copyOf(issues));
        }
        return new Result(new CaseContent(code, title, keywords, domain, matter, type.get(), level.get(), basis, tags,
                source, date, sections), List.of());
    }

    /** The field's name for people, in the message's language. */
    private static ErrorTexts.Key name(String field) {
        return ErrorTexts.key("case.field." + field);
    }

    private static String required(String value, String field, int max, List<Issue> issues) {
        if (value == null || value.isBlank()) {
            issues.add(new Issue(field, "case.rule.required", field, name(field)));
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            issues.add(new Issue(field, "case.rule.too_long", name(field), max));
        }
        return v;
    }

    private static List<String> list(List<String> values, String field, boolean required,
            List<Issue> issues) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank() && !out.contains(v.strip())) {
                    out.add(v.strip());
                }
            }
        }
        if (required && out.isEmpty()) {
            issues.add(new Issue(field, "case.rule.required_list", field, name(field)));
        }
        if (out.size() > MAX_LIST) {
            issues.add(new Issue(field, "case.rule.list_max", name(field), MAX_LIST));
        }
        if (out.stream().anyMatch(v -> v.length() > 30)) {
            issues.add(new Issue(field, "case.rule.item_too_long", name(field)));
        }
        return out;
    }

    private static List<CaseContent.LegalBasis> legalBasis(List<CaseInput.LegalBasisInput> entries, List<Issue> issues) {
        List<CaseContent.LegalBasis> out = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            issues.add(new Issue("legalBasis", "case.rule.basis_required"));
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            CaseInput.LegalBasisInput e = entries.get(i);
            String at = "legalBasis[" + (i + 1) + "]";
            if (e == null) {
                issues.add(new Issue(at, "case.rule.basis_empty", i + 1));
                continue;
            }
            Optional<Laws.Law> law = Optional.empty();
            if (e.law() == null || e.law().isBlank()) {
                issues.add(new Issue(at + ".law", "case.rule.basis_no_law", i + 1));
            } else {
                law = Laws.find(e.law());
                if (law.isEmpty()) {
                    issues.add(new Issue(at + ".law", "case.rule.law_unknown", e.law().strip(), Laws.names()));
                }
            }
            int article = article(e.article());
            if (article <= 0) {
                issues.add(new Issue(at + ".article", "case.rule.article_invalid", i + 1,
                        e.article() == null ? "" : e.article()));
            } else if (law.isPresent() && law.get().articles() > 0 && article > law.get().articles()) {
                issues.add(new Issue(at + ".article", "case.rule.article_beyond", law.get().name(),
                        law.get().articles(), ChineseNumerals.article(article)));
            }
            String note = e.note() == null ? null : e.note().strip();
            if (note != null && note.length() > 500) {
                issues.add(new Issue(at + ".note", "case.rule.note_too_long"));
            }
            if (law.isPresent() && article > 0) {
                CaseContent.LegalBasis b = new CaseContent.LegalBasis(law.get().name(), article,
                        note == null || note.isEmpty() ? null : note);
                if (out.stream().anyMatch(x -> x.law().equals(b.law()) && x.article() == b.article())) {
                    issues.add(new Issue(at, "case.rule.basis_duplicate", b.law(), ChineseNumerals.article(article)));
                }
                out.add(b);
            }
        }
        return out;
    }

    /**
     * A repealed statute (courses/laws.yaml, {@link Laws}) only for a case dated before its repeal,
     * and then with the statute that took it over also cited, so readers find today's article.
     */
    static void repealedLaws(List<CaseContent.LegalBasis> basis, LocalDate date, List<Issue> issues) {
        for (int i = 0; i < basis.size(); i++) {
            Laws.Law law = Laws.find(basis.get(i).law()).orElseThrow();
            if (law.repealed() == null) {
                continue;
            }
            String at = "legalBasis[" + (i + 1) + "].law";
            if (!law.inForceOn(date)) {
                issues.add(new Issue(at, "case.rule.law_repealed", law.name(), law.repealed(), date,
                        law.replacedBy()));
            } else if (basis.stream().noneMatch(b -> b.law().equals(law.replacedBy()))) {
                issues.add(new Issue(at, "case.rule.law_repealed_successor", law.name(), law.repealed(),
                        law.replacedBy()));
            }
        }
    }

    /** 33, "33", "第33条", "第三十三条" → 33; anything else → -1. */
    static int article(String raw) {
        if (raw == null) {
            return -1;
        }
        String s = Citations.normalise(raw).strip();
        if (s.startsWith(Citations.DI)) {
            s = s.substring(Citations.DI.length());
        }
        if (s.endsWith(Citations.TIAO)) {
            s = s.substring(0, s.length() - Citations.TIAO.length());
        }
        s = s.strip();
        if (s.matches("\\d{1,4}")) {
            int n = Integer.parseInt(s);
            return n > 0 ? n : -1;
        }
        return ChineseNumerals.parse(s);
    }

    private static Map<CaseSection, String> sections(Map<String, String> raw, List<Issue> issues) {
        Map<CaseSection, String> out = new EnumMap<>(CaseSection.class);
        if (raw != null) {
            raw.forEach((k, v) -> {
                Optional<CaseSection> s = sectionByKey(k);
                if (s.isEmpty()) {
                    issues.add(new Issue("sections." + k, "case.rule.section_unknown", k, CaseSections.headings()));
                } else if (v != null) {
                    out.put(s.get(), v.strip());
                }
            });
        }
        for (CaseSection s : CaseSection.values()) {
            String v = out.get(s);
            if (v == null || v.isBlank()) {
                issues.add(new Issue("sections." + s.key(), "case.rule.section_missing", s.heading));
            } else if (v.length() > 20_000) {
                issues.add(new Issue("sections." + s.key(), "case.rule.section_too_long", s.heading));
            }
        }
        return out;
    }

    static Optional<CaseSection> sectionByKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (CaseSection s : CaseSection.values()) {
            if (s.key().equalsIgnoreCase(key.strip()) || s.heading.equals(key.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Sections by key, as {@link CaseInput#sections()} wants them. */
    static Map<String, String> keyed(Map<CaseSection, String> sections) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        sections.forEach((s, v) -> out.put(s.key(), v));
        return out;
    }
}
