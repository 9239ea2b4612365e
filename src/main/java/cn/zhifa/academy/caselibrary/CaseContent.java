package cn.zhifa.academy.caselibrary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import cn.zhifa.academy.organization.OrgLevel;

/**
 * The validated content of one typical case (典型案例), whichever way it came in: a file in
 * case-library/ or the authoring form/API. Its canonical Markdown ({@link #toMarkdown}) is the
 * file format, and its SHA-256 ({@link #hash}) is the content hash that makes re-imports
 * no-ops.
 */
public record CaseContent(String code, String title, List<String> keywords, String domain, String matter,
        CaseType caseType, OrgLevel orgLevel, List<LegalBasis> legalBasis, List<String> tags, String source,
        LocalDate date, Map<CaseSection, String> sections) {

    /** One legal basis entry (法律依据): statute short name, article number, optional note. */
    public record LegalBasis(String law, int article, String note) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    public CaseContent {
        keywords = List.copyOf(keywords);
        legalBasis = List.copyOf(legalBasis);
        tags = List.copyOf(tags);
        Map<CaseSection, String> s = new EnumMap<>(CaseSection.class);
        s.putAll(sections);
        sections = java.util.Collections.unmodifiableMap(s);
    }

    public String section(CaseSection s) {
        return sections.getOrDefault(s, "");
    }

    /** The case as a case-library/ file: YAML front matter, then the seven sections. */
    public String toMarkdown() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("code", code);
        meta.put("title", title);
        meta.put("keywords", keywords);
        meta.put("domain", domain);
        meta.put("matter", matter);
        meta.put("caseType", caseType.label);
        meta.put("orgLevel", OrgLevels.label(orgLevel));
        List<Map<String, Object>> basis = new ArrayList<>();
        for (LegalBasis b : legalBasis) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("law", b.law());
            m.put("article", b.article());
            if (b.note() != null && !b.note().isBlank()) {
                m.put("note", b.note());
            }
            basis.add(m);
        }
        meta.put("legalBasis", basis);
        meta.put("tags", tags);
        meta.put("source", source);
        meta.put("date", date.toString());
        StringBuilder sb = new StringBuilder("---\n");
        try {
            sb.append(YAML.writeValueAsString(meta));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write front matter", e);
        }
        sb.append("---\n");
        for (CaseSection s : CaseSection.values()) {
            sb.append("\n## ").append(s.heading).append("\n\n").append(section(s).strip()).append('\n');
        }
        return sb.toString();
    }

    /** The seven sections as one Markdown body with their headings (the authoring form's text area). */
    public String body() {
        return bodyOf(sections);
    }

    static String bodyOf(Map<CaseSection, String> sections) {
        StringBuilder sb = new StringBuilder();
        for (CaseSection s : CaseSection.values()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("## ").append(s.heading).append("\n\n").append(sections.getOrDefault(s, "").strip()).append('\n');
        }
        return sb.toString();
    }

    /** SHA-256 of the canonical Markdown: equal content, equal hash, however the file was spaced. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(toMarkdown().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
