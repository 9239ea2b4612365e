package cn.zhifa.academy.matters;

import java.util.Arrays;
import java.util.Optional;

import cn.zhifa.academy.platform.text.FormatWords;

/**
 * The columns of the catalogue template (赋权事项目录), in template order. Headers and examples are
 * the file format: {@code formats/matters.properties}.
 */
public enum MatterColumn {
    CODE(true), NAME(true), DOMAIN(true), LEGAL_BASIS(true), HIGH_FREQUENCY(false), TOWNS(true), EFFECTIVE_ON(true),
    KNOWLEDGE_POINTS(false), COURSES(false), CASES(false), QUESTIONS(false);

    /** The words of the catalogue file format. */
    static FormatWords words() {
        return FormatWords.of("matters");
    }

    public final String header;
    public final boolean required;
    public final String example;

    MatterColumn(boolean required) {
        this.header = words().get("column." + name() + ".header");
        this.required = required;
        this.example = words().get("column." + name() + ".example");
    }

    public static Optional<MatterColumn> byHeader(String header) {
        String h = header == null ? "" : header.trim();
        for (String mark : words().list("header.required_marks")) {
            h = h.replace(mark, "");
        }
        String plain = h;
        return Arrays.stream(values()).filter(c -> c.header.equals(plain)).findFirst();
    }
}
