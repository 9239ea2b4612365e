package cn.zhifa.academy.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Formatting for the exam pages: times in China Standard Time, scores without trailing zeros. */
@TemplateExtension
public class ExamTemplateExtensions {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    static String local(Instant i) {
        return i == null ? "" : MINUTES.format(i);
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
