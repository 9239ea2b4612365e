package cn.zhifa.academy.platform.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The UI texts. The messages live in {@code messages/msg_zh-CN.properties} (default) and
 * {@code messages/msg_en.properties}; templates use them as {@code msg:key}. A test fails when
 * a key is missing in either file.
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface AppMessages {
    String app_name();
    String app_tagline();
    String nav_home();
    String nav_org();
    String nav_audit();
    String nav_password();
    String nav_api();
    String nav_logout();
    String nav_menu();
    String lang_switch();
    String login_title();
    String login_username();
    String login_password();
    String login_submit();
    String login_failed(int maxFailures, long lockMinutes);
    String login_hint();
    String home_title();
    String home_welcome(String name);
    String home_roles();
    String home_scope();
    String home_scope_all();
    String home_scope_none();
    String home_card_org();
    String home_card_org_text();
    String home_card_audit();
    String home_card_audit_text();
    String home_card_password();
    String home_card_password_text();
    String home_card_api();
    String home_card_api_text();
    String role_learner();
    String role_trainer();
    String role_admin();
    String role_provider_manager();
    String role_sysadmin();
    String password_title();
    String password_current();
    String password_new();
    String password_confirm();
    String password_submit();
    String password_must_change();
    String password_changed();
    String password_err_current();
    String password_err_mismatch();
    String password_err_weak(int minLength);
    String password_err_same();
    String org_title();
    String org_departments();
    String org_empty();
    String org_level_CITY();
    String org_level_DISTRICT();
    String org_level_TOWN();
    String audit_title();
    String audit_verify();
    String audit_intact(long checked);
    String audit_broken(long id, String reason);
    String audit_when();
    String audit_actor();
    String audit_action();
    String audit_entity();
    String audit_detail();
    String audit_older();
    String error_title();
    String error_back_home();
    String error_400();
    String error_401();
    String error_403();
    String error_404();
    String error_413();
    String error_415();
    String error_500(String ref);
    String footer_text();
}
