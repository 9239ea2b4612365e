package cn.zhifa.academy.caselibrary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgLevel;

/** The words of the case-file format and the tokenizer's linguistic data, read from formats/ (no Quarkus). */
class CaseFormatTest {

    @Test
    void theFormatWordsAreTheOnesTheFilesUse() {
        assertThat(Arrays.stream(CaseType.values()).map(t -> t.label)).containsExactly("行政处罚", "行政强制", "行政检查",
                "行政许可", "执法监督", "行政复议", "行政诉讼", "政府信息公开");
        assertThat(CaseType.labels()).isEqualTo("行政处罚、行政强制、行政检查、行政许可、执法监督、行政复议、行政诉讼、政府信息公开");
        assertThat(OrgLevels.labels()).isEqualTo("市、区县、镇街");
        assertThat(OrgLevels.parse("区县")).contains(OrgLevel.DISTRICT);
        assertThat(CaseSections.headings()).isEqualTo("基本案情、调查取证要点、处理结果、裁量说理、程序要点、典型意义、易错点");
        assertThat(CaseSection.byHeading("易错点")).contains(CaseSection.MISTAKES);
        assertThat(CaseWorkflowService.split("过期食品，首违不罚、 初次;整改\n教育")).containsExactly("过期食品", "首违不罚",
                "初次", "整改", "教育");
    }

    @Test
    void theTokenizersLinguisticDataIsUnchanged() {
        assertThat(CaseTokenizer.VERSION).isEqualTo(2);
        assertThat(CaseTokenizer.INDEXED_CHARACTERS).isEqualTo("未不无非没");
        assertThat(Citations.NUM).isEqualTo("([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})");
    }

    @Test
    void problemsAreKeysShownInChineseOutsideARequest() {
        CaseRules.Issue issue = new CaseRules.Issue("matter", "case.rule.required", "matter",
                cn.zhifa.academy.platform.error.ErrorTexts.key("case.field.matter"));
        assertThat(issue.message()).isEqualTo("缺少必填字段“matter”（执法事项）");
        assertThat(cn.zhifa.academy.platform.error.ErrorTexts.text(java.util.Locale.ENGLISH, issue.key(), issue.args()))
                .isEqualTo("The required field \"matter\" (enforcement matter) is missing");
        assertThat(issue.fieldError().key()).isEqualTo("case.rule.required");
        assertThat(new CaseSections.LineIssue(3, "case.body.start", "基本案情").message())
                .isEqualTo("正文应从二级标题“## 基本案情”开始");
    }
}
