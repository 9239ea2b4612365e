package cn.zhifa.academy.caselibrary;

import java.util.Arrays;
import java.util.Optional;

/** Kind of enforcement act a typical case is about (案例类型), as written in case files. */
public enum CaseType {
    /** 行政处罚 */
    PENALTY,
    /** 行政强制 */
    COERCION,
    /** 行政检查 */
    INSPECTION,
    /** 行政许可 */
    LICENSING,
    /** 执法监督 */
    SUPERVISION,
    /** 行政复议 */
    RECONSIDERATION,
    /** 行政诉讼 */
    LITIGATION,
    /** 政府信息公开 */
    DISCLOSURE;

    /** The Chinese name used in case files (formats/case-file.properties, caseType.*); pages show the "cases" bundle's ctype_*. */
    public final String label;

    CaseType() {
        this.label = CaseFormat.WORDS.get("caseType." + name());
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
        return String.join(CaseFormat.choicesSeparator(), Arrays.stream(values()).map(t -> t.label).toList());
    }
}
