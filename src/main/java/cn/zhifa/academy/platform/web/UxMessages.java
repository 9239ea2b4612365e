package cn.zhifa.academy.platform.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the first-hour fixes (issue 13): locked courses, the assessment preview, guarded
 * actions and the role home pages (templates: {@code ux:key}); {@code messages/ux_zh-CN.properties}
 * and {@code ux_en}.
 */
@MessageBundle(value = "ux", locale = "zh-CN")
public interface UxMessages {

    String locked();
    String finish_first();
    String locked_explain();
    String not_applicable();
    String reweight_note();
    String lock_preview_title();
    String lock_unscored();
    String lock_flag_warning();
    String lock_irreversible();
    String lock_yes();
    String lock_back();
    String submit_confirm();
    String submit_flagged(String questions);
    String list_sep();
    String publish_title();
    String publish_eligible_label();
    String people_unit();
    String publish_nobody();
    String publish_question(long eligible);
    String publish_yes();
    String back();
    String todo_title();
    String todo_empty();
    String todo_plan_courses(String plan, int count);
    String todo_due(String due, long days);
    String todo_course_drafts(long count);
    String todo_open_exams(int count);
    String todo_grading(int count);
    String todo_qual_expiring(String type, String expires, long days);
    String todo_renewal_steps(String steps);
    String todo_quals_expiring(int count);
    String todo_renewal_no_exam(long count);
    String todo_renewal_no_exam_detail();
    String todo_assessments_open(long count);
    String todo_unread(long count);
    String todo_provider_staff(String provider, long staff, long qualified);
    String todo_provider_staff_detail(int percent);
    String renewal_done();
    String todo_renewal_exam_pending();
    String renewal_exam_missing();
}
