package cn.zhifa.academy.exam;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The exam pages' texts (templates use {@code exam:key}); zh-CN default in
 * {@code messages/exam_zh-CN.properties}, English in {@code exam_en.properties}. Enum labels
 * are looked up dynamically with {@code exam:message(x.msgKey)}.
 */
@MessageBundle(value = "exam", locale = "zh-CN")
public interface ExamMessages {
    String nav_exams();
    String mine_title();
    String mine_empty();
    String state_IN_PROGRESS();
    String state_OPEN();
    String state_UPCOMING();
    String state_DONE();
    String state_MISSED();
    String window(String from, String to);
    String duration(int minutes);
    String attempts(int used, int allowed);
    String kept(String percent, String band);
    String passed();
    String failed();
    String continue_exam();
    String enter_exam();
    String view_result();
    String intro_rules();
    String intro_rule_save();
    String intro_rule_device();
    String intro_rule_time();
    String start();
    String starting();
    String not_linked();
    String take_loading();
    String take_remaining();
    String take_navigator();
    String take_flag();
    String take_saved();
    String take_saving();
    String take_unsaved();
    String take_offline();
    String take_retrying(int count);
    String take_submit();
    String take_submit_confirm(int unanswered);
    String take_time_up();
    String take_takeover_title();
    String take_takeover_text();
    String take_takeover_button();
    String take_replaced();
    String take_submitted();
    String take_points(String points);
    String take_fill_placeholder();
    String take_case_placeholder();
    String take_true();
    String take_false();
    String take_prev();
    String take_next();
    String take_error();
    String result_title();
    String result_score(String score, String max);
    String result_percent(String percent);
    String result_pending(int items);
    String result_review();
    String result_your_answer();
    String result_key();
    String result_explanation();
    String result_reference();
    String result_comment();
    String result_back();
    String result_unanswered();
    String result_item_score(String score, String points);
    String result_auto();
    String purpose_QUALIFICATION_GENERAL();
    String purpose_QUALIFICATION_SPECIAL();
    String purpose_ANNUAL();
    String purpose_AUXILIARY();
    String purpose_PROVIDER_STAFF();
    String purpose_COURSE_QUIZ();
    String purpose_RESIT();
    String qtype_SINGLE();
    String qtype_MULTIPLE();
    String qtype_TRUE_FALSE();
    String qtype_FILL();
    String qtype_CASE_ANALYSIS();
    String grading_HIGHEST();
    String grading_LATEST();
    String grading_FIRST();
    String grading_AVERAGE();
    String review_SCORE_ONLY();
    String review_AFTER_SUBMIT();
    String review_AFTER_CLOSE();
    // the result's note when answers are not shown (read in Java: ExamText)
    String result_note_running();
    String result_note_grading();
    String result_note_SCORE_ONLY();
    String result_note_AFTER_CLOSE();
    String result_note_AFTER_SUBMIT();
    // between the exams a to-do names
    String list_sep();

    // --- exam day at city scale (issue 11): lobby and admission control ---
    String entering();
    String lobby_title();
    String lobby_countdown();
    String lobby_note();
    String lobby_later(int minutes);
}
