package cn.zhifa.academy.exam.admin;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.qute.TemplateExtension;

/** Formatting for the exam pages: times in China Standard Time, scores without trailing zeros. */
@TemplateExtension
public class ExamTemplateExtensions {

    static String local(Instant i) {
        return i == null ? "" : ExamAdminFormat.SHOWN.format(i);
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
