package cn.zhifa.academy.provider;

import io.quarkus.qute.TemplateExtension;

/** Provider states on pages: {@code {msg:message(provider.status.msgKey)}}. */
@TemplateExtension
public class ProviderTemplateExtensions {

    static String msgKey(ProviderStatus s) {
        return "pstatus_" + s.name();
    }
}
