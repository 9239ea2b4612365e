package cn.zhifa.academy.caselibrary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven narrative sections of a typical case, in reading order. In files and in the
 * authoring form each is a Markdown level-2 heading with this exact Chinese title.
 */
public enum CaseSection {
    /** 基本案情 */
    FACTS,
    /** 调查取证要点 */
    INVESTIGATION,
    /** 处理结果 */
    HANDLING,
    /** 裁量说理 */
    DISCRETION,
    /** 程序要点 */
    PROCEDURE,
    /** 典型意义 */
    SIGNIFICANCE,
    /** 易错点 */
    MISTAKES;

    /** The level-2 heading in files and in the form (formats/case-file.properties, section.*). */
    public final String heading;

    CaseSection() {
        this.heading = CaseFormat.WORDS.get("section." + name());
    }

    public static Optional<CaseSection> byHeading(String heading) {
        String h = heading.trim();
        return Arrays.stream(values()).filter(s -> s.heading.equals(h)).findFirst();
    }

    /** Lower-case key used in JSON and as the page anchor, e.g. "facts". */
    public String key() {
        return name().toLowerCase();
    }
}
