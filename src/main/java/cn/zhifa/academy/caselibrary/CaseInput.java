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
        @Schema(example = "SJ-2025-101", description = "领域前缀-年份-序号; ignored when changing a draft") String code,
        @Schema(example = "超市销售少量过期食品，初次违法及时改正适用首违不罚") String title,
        @Schema(example = "[\"过期食品\", \"首违不罚\"]") List<String> keywords,
        @Schema(example = "市场监管", description = "an enforcement domain's name") String domain,
        @Schema(example = "销售超过保质期的食品") String matter,
        @Schema(example = "行政处罚", description = "行政处罚、行政强制、行政检查、行政许可、执法监督、行政复议、行政诉讼、政府信息公开") String caseType,
        @Schema(example = "镇街", description = "市、区县、镇街") String orgLevel,
        List<LegalBasisInput> legalBasis,
        List<String> tags,
        @Schema(example = "根据基层执法实践编写（示范市临江区市场监督管理局）") String source,
        @Schema(example = "2025-03-18") String date,
        Map<String, String> sections) {

    /**
     * @param article the article number: 33, "33", "第33条" or "第三十三条"
     */
    public record LegalBasisInput(@Schema(example = "行政处罚法") String law, @Schema(example = "33") String article,
            String note) {
    }
}
