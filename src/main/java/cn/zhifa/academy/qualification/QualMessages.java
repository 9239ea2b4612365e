package cn.zhifa.academy.qualification;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of qualifications, certificates, verification, notifications and the personal record
 * (templates: {@code qual:key}; Java: {@link QualText#of}); {@code messages/qual_zh-CN.properties} and {@code qual_en}.
 */
@MessageBundle(value = "qual", locale = "zh-CN")
public interface QualMessages {

    String nav_qualifications();
    String nav_records();
    String nav_notifications();
    String list_title();
    String list_mine();
    String list_empty();
    String filter_expiring(int days);
    String filter_all();
    String col_holder();
    String col_type();
    String col_domain();
    String col_number();
    String col_state();
    String col_issued();
    String col_expires();
    String col_unit();
    String col_employee_no();
    String col_days_left();
    String days_left(long days);
    String detail_facts();
    String detail_certificate();
    String detail_verify();
    String detail_basis();
    String detail_cycle();
    String detail_issuer();
    String detail_reason();
    String detail_renewal();
    String detail_renewal_open(java.time.LocalDate date);
    String detail_renewal_exam();
    String detail_renewal_courses();
    String history_title();
    String history_empty();
    String history_action();
    String history_state();
    String history_date();
    String history_actor();
    String history_validity();
    String annual_title();
    String annual_empty();
    String annual_year();
    String annual_result();
    String annual_passed();
    String annual_failed();
    String annual_note();
    String annual_record();
    String actions_title();
    String action_reason();
    String action_suspend();
    String action_restore();
    String action_cancel();
    String done_suspend();
    String done_restore();
    String done_cancel();
    String done_annual_check();
    String state_VALID();
    String state_SUSPENDED();
    String state_CANCELLED();
    String state_EXPIRED();
    String action_ISSUED();
    String action_REISSUED();
    String action_RENEWED();
    String action_SUSPENDED();
    String action_RESTORED();
    String action_CANCELLED();
    String action_EXPIRED();
    String action_RENEWAL_OPENED();
    String action_ANNUAL_CHECK();
    String verify_title();
    String verify_intro();
    String verify_number();
    String verify_submit();
    String verify_not_found();
    String verify_not_found_hint();
    String verify_limited();
    String verify_holder();
    String verify_unit();
    String verify_type();
    String verify_domain();
    String verify_issuer();
    String verify_issued();
    String verify_expires();
    String verify_state();
    String verify_since(java.time.LocalDate date);
    String verify_warn_SUSPENDED();
    String verify_warn_CANCELLED();
    String verify_warn_EXPIRED();
    String verify_ok();
    String verify_note();
    String notif_title();
    String notif_empty();
    String notif_unread(long count);
    String notif_read_all();
    String notif_open();
    String notif_bell();
    String notif_issued(String a, String b, String c);
    String notif_renewed(String a, String b, String c);
    String notif_renewal(String a, String b, String c);
    String notif_expiring(String a, String b, String c);
    String notif_expired(String a, String b, String c);
    String notif_suspended(String a, String b, String c);
    String notif_restored(String a, String b, String c);
    String notif_cancelled(String a, String b, String c);

    // --- auth area (issue 12 item 4): a password attack on an account, to system administrators ---
    String notif_login_attack(String a, String b, String c);
    String rec_qual_title();
    String rec_qual_empty();
    String rec_qual_summary(int valid, int total);
    String prov_staff_title();
    String prov_staff_summary(long qualified, long staff, int percent);
    String prov_staff_none();
    String prov_staff_empty();
    // --- casereview ---
    String notif_review_recommendation(String a, String b, String c);
    String notif_review_returned(String a, String b, String c);
    String notif_review_overdue(String a, String b, String c);
    String notif_review_training(String a, String b, String c);
}
