package cn.zhifa.academy.caselibrary;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case as an author sends it (API and authoring form) and as a file's front matter reads before
 * validation: plain values, checked by {@link CaseRules}. The same field names and Chinese
 * values as case-library/ files.
 *
 * @param sections by key (facts, investigation, handling, discretion, procedure, significance,
 *        mistakes) or by Chinese heading (基本案情 …); Markdown
 */
@Schema(description = "A typical case to create or change; field names and values as in case-library/ files")
public record CaseInput(
        @Schema(example = "SJ-2025-101", description = "domain prefix-year-number; ignored when changing a draft") String code,
        @Schema(description = "the case's title (Chinese, at most 200 characters)") String title,
        @Schema(description = "search keywords, 1 to 12") List<String> keywords,
        @Schema(description = "an enforcement domain's name") String domain,
        @Schema(description = "the enforcement matter, as named in the catalogue of matters") String matter,
        @Schema(description = "the Chinese name of a case type as in case files (formats/case-file.properties, caseType.*) or its enum name: PENALTY, COERCION, INSPECTION, LICENSING, SUPERVISION, RECONSIDERATION, LITIGATION, DISCLOSURE") String caseType,
        @Schema(description = "the Chinese name of a level as in case files (formats/case-file.properties, orgLevel.*) or CITY, DISTRICT, TOWN") String orgLevel,
        List<LegalBasisInput> legalBasis,
        List<String> tags,
        @Schema(description = "where the case comes from (at most 300 characters)") String source,
        @Schema(example = "2025-03-18") String date,
        Map<String, String> sections) {

    /**
     * @param article the article number: 33, "33", "第33条" or "第三十三条"
     */
    public record LegalBasisInput(@Schema(description = "a statute's name or short name (courses/laws.yaml)") String law, @Schema(example = "33") String article,
            String note) {
    }
}
