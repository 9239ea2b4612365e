package cn.zhifa.academy.qualification;

import io.quarkus.qute.i18n.MessageBundle;

/** Texts of offline certificate verification (issue 17 item 4): {@code messages/cred_zh-CN.properties} and {@code cred_en}. */
@MessageBundle(value = "cred", locale = "zh-CN")
public interface CredMessages {
    String title();
    String intro();
    String input();
    String check();
    String valid();
    String expired();
    String not_yet_valid();
    String tampered();
    String unknown_key();
    String malformed();
    String live_checking();
    String live_offline();
    String live_valid();
    String live_suspended();
    String live_cancelled();
    String live_expired();
    String live_unknown();
    String number();
    String holder();
    String unit();
    String type();
    String issuer();
    String until();
    String key();
    String note();
    String detail_title();
    String detail_download();
    String detail_qr();
}
