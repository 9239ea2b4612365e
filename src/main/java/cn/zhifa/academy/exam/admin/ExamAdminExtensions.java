package cn.zhifa.academy.exam.admin;

import io.quarkus.qute.TemplateExtension;

/** Message keys for the values the exam management pages show: {@code {examadmin:message(r.type.xaKey('type_'))}}. */
@TemplateExtension
public final class ExamAdminExtensions {

    private ExamAdminExtensions() {
    }

    static String xaKey(String value, String prefix) {
        return prefix + value;
    }

    static String xaKey(Enum<?> value, String prefix) {
        return prefix + value.name();
    }

    /** A number without trailing zeros (32.00 → 32). */
    static String xaNum(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** The number after this one (the next question version). */
    static int xaNext(Integer n) {
        return n + 1;
    }
}
