package cn.zhifa.academy.integration;

import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the 对接管理 page (templates: {@code intg:key}); {@code messages/intg_zh-CN.properties} and {@code intg_en.properties}. */
@MessageBundle(value = "intg", locale = "zh-CN")
public interface IntegrationMessages {

    String nav();
    String title();
    String intro();
    String replayed(long id);
    String subscriptions();
    String no_subscriptions();
    String col_client();
    String col_url();
    String col_events();
    String col_enabled();
    String yes();
    String no();
    String deliveries();
    String deliveries_hint();
    String filter();
    String status_all();
    String status_PENDING();
    String status_DELIVERED();
    String status_FAILED();
    String col_event();
    String col_status();
    String col_attempts();
    String col_last();
    String col_when();
    String subscription_no(long id);
    String delivered_at(String at);
    String next_at(String at);
    String created_at(String at);
    String replay();
    String no_deliveries();
}
