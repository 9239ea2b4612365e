package cn.zhifa.academy.caselibrary;

import java.util.Arrays;
import java.util.Optional;

/** Kind of enforcement act a typical case is about (案例类型), as written in case files. */
public enum CaseType {
    /** 行政处罚 */
    PENALTY("行政处罚"),
    /** 行政强制 */
    COERCION("行政强制"),
    /** 行政检查 */
    INSPECTION("行政检查"),
    /** 行政许可 */
    LICENSING("行政许可"),
    /** 执法监督 */
    SUPERVISION("执法监督"),
    /** 行政复议 */
    RECONSIDERATION("行政复议"),
    /** 行政诉讼 */
    LITIGATION("行政诉讼"),
    /** 政府信息公开 */
    DISCLOSURE("政府信息公开");

    /** The Chinese name used in case files and shown on pages. */
    public final String label;

    CaseType(String label) {
        this.label = label;
    }

    /** By Chinese label (as in files) or by enum name (as in API filters). */
    public static Optional<CaseType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values()).filter(t -> t.label.equals(v) || t.name().equalsIgnoreCase(v)).findFirst();
    }

    public static String labels() {
        return String.join("、", Arrays.stream(values()).map(t -> t.label).toList());
    }
}
