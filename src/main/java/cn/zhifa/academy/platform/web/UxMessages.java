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

    // --- grading (item 4) ---
    String candidate_no(int n);
    String anonymous_note();
    String rubric_scaled(String total, String points);
    String anon_label();
    String anon_auto();
    String anon_on();
    String anon_off();

    // --- roster import (item 11) ---
    String roster_id_scientific(String value);
    String roster_id_zeroed(String value);
    String roster_halfwidth(int cells, String lines);

    // --- training plan form (item 12) ---
    String plan_audience_hint();
    String plan_group_categories();
    String plan_group_grades();
    String plan_group_levels();
    String plan_group_domains();
    String plan_course_search();
    String plan_course_hours(String hours);
    String plan_course_none();

    // --- auxiliary assessment start (item 12) ---
    String eval_person_label();
    String eval_person_hint();
    String eval_cycle_hint();
    String eval_person_not_found(String typed);
    String eval_person_ambiguous(int count, String name, String list);

    // --- blueprint saved (item 12) ---
    String blueprint_saved(String name, int sections, int questions, String total, String pass);

    // --- single-question editor (item 9) ---
    String question_new();
    String question_new_intro();
    String question_code();
    String question_code_hint();
    String question_code_taken(String code);
    String question_created(String code);
    String rubric_total_hint();

    // --- check question editor (item 9) ---
    String check_none();
    String check_stem_missing();
    String check_options_count(int count);
    String check_answer_single(String last);
    String check_answer_multiple(String last);
    String check_answer_judge();
    String check_title();
    String check_intro();
    String check_question_n(int n);
    String check_type();
    String check_type_single();
    String check_type_multiple();
    String check_type_judge();
    String check_stem();
    String check_options();
    String check_answer();
    String check_answer_hint();
    String check_explanation();
    String check_errors(int count);
    String lesson_fields_hint();
    String lesson_duration_from_video(int minutes);

    // --- check results (item 10) ---
    String check_right();
    String check_wrong();
    String check_your_answer();
    String check_your_choice();
    String check_key();
    String check_no_answer();
    String check_explanation_label();
    String check_again();
    String check_again_optional();
    String check_intro_count(int count);

    // --- words (item 15) ---
    String actor_system();

    // --- dashboard (items 6, 7) ---
    String chart_empty();

    String plans_person_courses();
    String plans_person_courses_value(int done, int required);

    // --- built-in labels in English (item 15) ---
    String builtin_excellent();
    String builtin_good();
    String builtin_pass();
    String builtin_basic_pass();
    String builtin_fail();
    String builtin_officer();
    String builtin_auxiliary();
    String builtin_general();

    // --- first hour: audited name reveal (item 4), rubric warning on blueprints, trend panel (item 7) ---
    String reveal_title();
    String reveal_hint();
    String reveal_reason();
    String reveal_button();
    String revealed(String name);
    String blueprint_rubric_warn_title();
    String blueprint_rubric_warn(String section, String points, String n, String examples);
    String q_knowledge();
    String q_knowledge_hint();
    String q_knowledge_search();
    String q_knowledge_none();
    String cancel_confirm();
    String annual_closed();
    String home_card_authoring_text();
    String home_card_exam_admin_text();
    String home_card_dashboard_text();
    String home_card_review_text();
}
