package cn.zhifa.academy.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** View helpers for templates. */
@TemplateExtension
public class TemplateExtensions {

    /**
     * The last day of a period stored with an exclusive end (a suspension until 2028-03-01 ends
     * with 2028-02-29): pages show one inclusive date, never "（不含结束日）" (issue 13 item 15).
     */
    static java.time.LocalDate lastDay(java.time.LocalDate endExclusive) {
        return endExclusive == null ? null : endExclusive.minusDays(1);
    }

    /** A domain code as people read it: "TY" → 通用 (issue 13 item 15); an unknown code stays as it is. */
    @TemplateExtension(matchName = "domainName")
    static String domainName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return cn.zhifa.academy.organization.EnforcementDomain.<cn.zhifa.academy.organization.EnforcementDomain> find("code", code)
                .firstResultOptional().map(d -> d.name).orElse(code);
    }

    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
