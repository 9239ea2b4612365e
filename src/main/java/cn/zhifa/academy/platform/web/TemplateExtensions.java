package cn.zhifa.academy.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** View helpers for templates (a feature's own helpers live in that feature, e.g. {@code domainName} in organization). */
@TemplateExtension
public class TemplateExtensions {

    /**
     * The last day of a period stored with an exclusive end (a suspension until 2028-03-01 ends
     * with 2028-02-29): pages show one inclusive date, never "（不含结束日）" (issue 13 item 15).
     */
    static java.time.LocalDate lastDay(java.time.LocalDate endExclusive) {
        return endExclusive == null ? null : endExclusive.minusDays(1);
    }

    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
