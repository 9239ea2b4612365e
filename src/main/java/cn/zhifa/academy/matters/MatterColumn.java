package cn.zhifa.academy.matters;

import java.util.Arrays;
import java.util.Optional;

/** The columns of the catalogue template (赋权事项目录), in template order. Headers are the file format. */
public enum MatterColumn {
    CODE("事项编码", true, "330000-ZF-0001"),
    NAME("事项名称", true, "对擅自占用城市道路的处罚"),
    DOMAIN("执法领域", true, "综合行政执法"),
    LEGAL_BASIS("法律依据", true, "《城市道路管理条例》第二十七条、第四十二条（依据以地方目录为准）"),
    HIGH_FREQUENCY("高频事项", false, "是"),
    TOWNS("承接镇街", true, "江滨街道、望江街道"),
    EFFECTIVE_ON("生效日期", true, "2025-01-01"),
    KNOWLEDGE_POINTS("知识点", false, ""),
    COURSES("关联课程", false, "ZH-ZJGP"),
    CASES("关联案例", false, "ZH-2024-001"),
    QUESTIONS("关联试题", false, "");

    public final String header;
    public final boolean required;
    public final String example;

    MatterColumn(String header, boolean required, String example) {
        this.header = header;
        this.required = required;
        this.example = example;
    }

    public static Optional<MatterColumn> byHeader(String header) {
        String h = header == null ? "" : header.trim().replace("*", "").replace("（必填）", "");
        return Arrays.stream(values()).filter(c -> c.header.equals(h)).findFirst();
    }
}
