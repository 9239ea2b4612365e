package cn.zhifa.academy.organization;

import io.quarkus.qute.TemplateExtension;

/** Organisation values on pages: unit levels and enforcement domain names. */
@TemplateExtension
public class OrgTemplateExtensions {

    static String msgKey(OrgLevel l) {
        return "org_level_" + l.name();
    }

    /** A domain code as people read it: "TY" → 通用 (issue 13 item 15); an unknown code stays as it is. */
    @TemplateExtension(matchName = "domainName")
    static String domainName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return EnforcementDomain.<EnforcementDomain> find("code", code).firstResultOptional().map(d -> d.name)
                .orElse(code);
    }
}
