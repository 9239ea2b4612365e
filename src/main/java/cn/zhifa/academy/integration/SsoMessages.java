package cn.zhifa.academy.integration;

import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the single sign-on pages (templates: {@code sso:key}); {@code messages/sso_zh-CN.properties} and {@code sso_en.properties}. */
@MessageBundle(value = "sso", locale = "zh-CN")
public interface SsoMessages {

    String landing_title();
    String landing_text();
    String landing_continue();
    String refused_title();
    String refused_no_account();
    String refused_disabled();
    String refused_ask_admin();
    String refused_other_account();
    String refused_back();
}
