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

/**
 * The rules every typical case must meet, for files and for the authoring form alike. Problems
 * are named by field path (code, legalBasis[2].law, sections.facts) so that the importer can
 * turn them into file lines and the API into problem+json field errors.
 */
public final class CaseRules {

    /** 领域前缀-年份-序号, e.g. SJ-2025-001. */
    public static final Pattern CODE = Pattern.compile("[A-Z]{2,4}-(\\d{4})-\\d{3,4}");
    static final int MAX_LIST = 12;

    /** One problem: the field path and why, in Chinese. */
    public record Issue(String field, String message) {
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
        String code = required(in.code(), "code", "编号", 32, issues);
        if (code != null && !CODE.matcher(code).matches()) {
            issues.add(new Issue("code", "编号“" + code + "”格式不对，应为 领域前缀-年份-序号，例如 SJ-2025-001"));
        }
        String title = required(in.title(), "title", "标题", 200, issues);
        List<String> keywords = list(in.keywords(), "keywords", "关键词", true, issues);
        String domain = required(in.domain(), "domain", "领域", 50, issues);
        if (domain != null && !domains.contains(domain)) {
            issues.add(new Issue("domain", "未知的领域“" + domain + "”；可选：" + String.join("、", domains)));
        }
        String matter = required(in.matter(), "matter", "执法事项", 200, issues);
        String typeText = required(in.caseType(), "caseType", "案例类型", 20, issues);
        Optional<CaseType> type = CaseType.parse(typeText);
        if (typeText != null && type.isEmpty()) {
            issues.add(new Issue("caseType", "未知的案例类型“" + typeText + "”；可选：" + CaseType.labels()));
        }
        String levelText = required(in.orgLevel(), "orgLevel", "层级", 10, issues);
        Optional<OrgLevel> level = OrgLevels.parse(levelText);
        if (levelText != null && level.isEmpty()) {
            issues.add(new Issue("orgLevel", "未知的层级“" + levelText + "”；可选：" + OrgLevels.labels()));
        }
        List<CaseContent.LegalBasis> basis = legalBasis(in.legalBasis(), issues);
        List<String> tags = list(in.tags(), "tags", "标签", false, issues);
        String source = required(in.source(), "source", "来源", 300, issues);
        String dateText = required(in.date(), "date", "日期", 10, issues);
        LocalDate date = null;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                issues.add(new Issue("date", "日期“" + dateText + "”应为 ISO 格式，例如 2025-03-18"));
            }
        }
        if (code != null && date != null) {
            var m = CODE.matcher(code);
            if (m.matches() && Integer.parseInt(m.group(1)) != date.getYear()) {
                issues.add(new Issue("code", "编号中的年份 " + m.group(1) + " 与日期 " + date + " 不一致"));
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

    private static String required(String value, String field, String name, int max, List<Issue> issues) {
        if (value == null || value.isBlank()) {
            issues.add(new Issue(field, "缺少必填字段“" + field + "”（" + name + "）"));
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            issues.add(new Issue(field, name + "不能超过 " + max + " 个字"));
        }
        return v;
    }

    private static List<String> list(List<String> values, String field, String name, boolean required,
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
            issues.add(new Issue(field, "缺少必填字段“" + field + "”（" + name + "，至少一个）"));
        }
        if (out.size() > MAX_LIST) {
            issues.add(new Issue(field, name + "最多 " + MAX_LIST + " 个"));
        }
        if (out.stream().anyMatch(v -> v.length() > 30)) {
            issues.add(new Issue(field, "每个" + name + "不能超过 30 个字"));
        }
        return out;
    }

    private static List<CaseContent.LegalBasis> legalBasis(List<CaseInput.LegalBasisInput> entries, List<Issue> issues) {
        List<CaseContent.LegalBasis> out = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            issues.add(new Issue("legalBasis", "缺少必填字段“legalBasis”（法律依据，至少一条）"));
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            CaseInput.LegalBasisInput e = entries.get(i);
            String at = "legalBasis[" + (i + 1) + "]";
            if (e == null) {
                issues.add(new Issue(at, "第 " + (i + 1) + " 条法律依据为空"));
                continue;
            }
            Optional<Laws.Law> law = Optional.empty();
            if (e.law() == null || e.law().isBlank()) {
                issues.add(new Issue(at + ".law", "第 " + (i + 1) + " 条法律依据缺少法律名称（law）"));
            } else {
                law = Laws.find(e.law());
                if (law.isEmpty()) {
                    issues.add(new Issue(at + ".law", "未知的法律名称“" + e.law().strip() + "”；可用简称：" + Laws.names()));
                }
            }
            int article = article(e.article());
            if (article <= 0) {
                issues.add(new Issue(at + ".article", "第 " + (i + 1) + " 条法律依据的条号“" + (e.article() == null ? "" : e.article())
                        + "”无效，应为正整数，例如 33"));
            } else if (law.isPresent() && law.get().articles() > 0 && article > law.get().articles()) {
                issues.add(new Issue(at + ".article", law.get().name() + "只有 " + law.get().articles() + " 条，没有"
                        + ChineseNumerals.article(article)));
            }
            String note = e.note() == null ? null : e.note().strip();
            if (note != null && note.length() > 500) {
                issues.add(new Issue(at + ".note", "说明不能超过 500 个字"));
            }
            if (law.isPresent() && article > 0) {
                CaseContent.LegalBasis b = new CaseContent.LegalBasis(law.get().name(), article,
                        note == null || note.isEmpty() ? null : note);
                if (out.stream().anyMatch(x -> x.law().equals(b.law()) && x.article() == b.article())) {
                    issues.add(new Issue(at, b.law() + ChineseNumerals.article(article) + "重复列出"));
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
                issues.add(new Issue(at, law.name() + "已于 " + law.repealed() + " 废止，" + date + " 的案件应当适用"
                        + law.replacedBy()));
            } else if (basis.stream().noneMatch(b -> b.law().equals(law.replacedBy()))) {
                issues.add(new Issue(at, law.name() + "已于 " + law.repealed() + " 废止：只能用于此前的行为，并请同时列出"
                        + law.replacedBy() + "的对应条文"));
            }
        }
    }

    /** 33, "33", "第33条", "第三十三条" → 33; anything else → -1. */
    static int article(String raw) {
        if (raw == null) {
            return -1;
        }
        String s = Citations.normalise(raw).strip();
        if (s.startsWith("第")) {
            s = s.substring(1);
        }
        if (s.endsWith("条")) {
            s = s.substring(0, s.length() - 1);
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
                    issues.add(new Issue("sections." + k, "未知的正文部分“" + k + "”；应为：" + CaseSections.headings()));
                } else if (v != null) {
                    out.put(s.get(), v.strip());
                }
            });
        }
        for (CaseSection s : CaseSection.values()) {
            String v = out.get(s);
            if (v == null || v.isBlank()) {
                issues.add(new Issue("sections." + s.key(), "缺少正文部分“" + s.heading + "”"));
            } else if (v.length() > 20_000) {
                issues.add(new Issue("sections." + s.key(), "“" + s.heading + "”不能超过 20000 个字"));
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
