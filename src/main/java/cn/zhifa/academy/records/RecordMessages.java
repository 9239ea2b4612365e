package cn.zhifa.academy.records;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the personal record (学习档案, page and PDF) and of exam purposes (templates:
 * {@code records:key}; Java: {@link RecordText#of}); {@code messages/records_zh-CN.properties} and
 * {@code records_en}.
 */
@MessageBundle(value = "records", locale = "zh-CN")
public interface RecordMessages {

    String rec_title();
    String rec_title_of(String name);
    String rec_mine();
    String rec_no_person();
    String rec_pdf();
    String rec_person_facts(String category, String unit, String employeeNo);
    String rec_generated(String date);
    String rec_hours_title();
    String rec_hours_year();
    String rec_hours_hours();
    String rec_hours_target();
    String rec_hours_met();
    String rec_hours_yes();
    String rec_hours_no();
    String rec_hours_summary(int courses);
    String rec_hours_empty();
    String rec_courses_title();
    String rec_course();
    String rec_course_done();
    String rec_course_progress();
    String rec_exams_title();
    String rec_exam();
    String rec_exam_purpose();
    String rec_exam_domain();
    String rec_exam_score();
    String rec_exam_band();
    String rec_exam_passed();
    String rec_exam_date();
    String rec_exams_empty();
    String rec_yes();
    String rec_no();
    String purpose_QUALIFICATION_GENERAL();
    String purpose_QUALIFICATION_SPECIAL();
    String purpose_ANNUAL();
    String purpose_AUXILIARY();
    String purpose_PROVIDER_STAFF();
    String purpose_COURSE_QUIZ();
    String purpose_RESIT();

    // --- issue 18 ---
    String rec_exam_with_code(String title, String code);
    String rec_purpose_resit(String purpose);
    String rec_hours_summary_with(String summary, String courses);
    String rec_list_joiner();
}
