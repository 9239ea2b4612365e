package cn.zhifa.academy.caselibrary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;
import cn.zhifa.academy.platform.time.Now;

/**
 * The authoring form (案例编写表单): front-matter fields as inputs, the legal basis one entry per
 * line ("行政处罚法 第三十三条 说明"), and the body as one Markdown text area with the seven
 * "## " headings — the same body format as a case-library/ file.
 */
public class CaseForm {

    /** 行政处罚法 第三十三条 说明 | 行政处罚法 第33条：说明 | 行政处罚法 33 说明 (Chinese numerals need 第 or 条). */
    private static final Pattern BASIS_LINE = Pattern.compile("^\\s*" + Citations.TITLE_OPEN + "?(.+?)" + Citations.TITLE_CLOSE
            + "?\\s*(?:" + Citations.DI + "\\s*([0-9]{1,4}|[" + Citations.NUMERALS + "]{1,8})\\s*" + Citations.TIAO + "?"
            + "|([0-9]{1,4})\\s*" + Citations.TIAO + "?|([" + Citations.NUMERALS + "]{1,8})\\s*" + Citations.TIAO + ")(?:\\s+|\\s*["
            + CaseFormat.WORDS.get("form.basis.separators") + "]\\s*|$)(.*)$");

    @RestForm
    public String code;
    @RestForm
    public String title;
    /** Separated by 、，, or new lines. */
    @RestForm
    public String keywords;
    @RestForm
    public String domain;
    @RestForm
    public String matter;
    @RestForm
    public String caseType;
    @RestForm
    public String orgLevel;
    /** One entry per line: statute, article (33 / 第33条 / 第三十三条), note. */
    @RestForm
    public String legalBasis;
    @RestForm
    public String tags;
    @RestForm
    public String source;
    @RestForm
    public String date;
    /** The seven sections as Markdown under "## " headings. */
    @RestForm
    public String body;
    /** "preview" or "save". */
    @RestForm
    public String action;

    /** What the form turned into, and the problems only the form can have (lines it could not read). */
    public record Converted(CaseInput input, List<CaseRules.Issue> issues) {
    }

    public boolean preview() {
        return "preview".equals(action);
    }

    public Converted toInput() {
        List<CaseRules.Issue> issues = new ArrayList<>();
        List<CaseInput.LegalBasisInput> basis = new ArrayList<>();
        String[] lines = (legalBasis == null ? "" : legalBasis).replace("\r\n", "\n").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = BASIS_LINE.matcher(Citations.normalise(lines[i]));
            if (m.matches()) {
                String article = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                basis.add(new CaseInput.LegalBasisInput(m.group(1).strip(), article, m.group(5).strip()));
            } else {
                issues.add(new CaseRules.Issue("legalBasis", "case.form.basis_line", i + 1, lines[i].strip()));
            }
        }
        CaseSections.Parsed sections = CaseSections.parse(body, 1);
        sections.issues().forEach(li -> issues.add(new CaseRules.Issue("body", "case.form.body_line", li.line(), li.message())));
        CaseInput in = new CaseInput(code, title, CaseWorkflowService.split(keywords), domain, matter, caseType,
                orgLevel, basis, CaseWorkflowService.split(tags), source, date, CaseRules.keyed(sections.sections()));
        return new Converted(in, issues);
    }

    /** A form filled from an existing version (for editing). */
    public static CaseForm of(CaseView v) {
        CaseForm f = new CaseForm();
        f.code = v.code();
        f.title = v.title();
        f.keywords = String.join(CaseFormat.listSeparator(), v.keywords());
        f.domain = v.domain();
        f.matter = v.matter();
        f.caseType = v.caseTypeLabel();
        f.orgLevel = v.orgLevelLabel();
        List<String> basis = new ArrayList<>();
        for (CaseView.LegalBasisView b : v.legalBasis()) {
            basis.add(b.law() + " " + b.articleLabel() + (b.note() == null ? "" : " " + b.note()));
        }
        f.legalBasis = String.join("\n", basis);
        f.tags = String.join(CaseFormat.listSeparator(), v.tags());
        f.source = v.source();
        f.date = v.date().toString();
        Map<CaseSection, String> sections = new java.util.EnumMap<>(CaseSection.class);
        v.sections().forEach(s -> CaseRules.sectionByKey(s.key()).ifPresent(k -> sections.put(k, s.markdown())));
        f.body = CaseContent.bodyOf(sections);
        return f;
    }

    /** An empty form with the seven headings in place. */
    public static CaseForm blank() {
        CaseForm f = new CaseForm();
        f.body = CaseContent.bodyOf(Map.of());
        f.date = Now.today().toString();
        return f;
    }
}
