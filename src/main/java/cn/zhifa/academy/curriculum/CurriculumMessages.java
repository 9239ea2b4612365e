package cn.zhifa.academy.curriculum;

import java.time.LocalDate;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the curriculum that Java writes (import summaries, the progress workbook, what goes into
 * plans and the hours ledger); templates may use them as {@code curr:key}. They live in
 * {@code messages/curr_zh-CN.properties} (default) and {@code messages/curr_en.properties}; read
 * them through {@link CurriculumText}.
 */
@MessageBundle(value = "curr", locale = "zh-CN")
public interface CurriculumMessages {
    // the course import on the authoring page
    String import_done(int created, int revised, int unchanged);
    String import_problems(int count, String problems);
    String published_version(int number);

    // the plan's progress workbook
    String xlsx_units();
    String xlsx_unit();
    String xlsx_assigned();
    String xlsx_completed();
    String xlsx_percent();
    String xlsx_below_hours();
    String xlsx_people();
    String xlsx_name();
    String xlsx_employee_no();
    String xlsx_courses_done();
    String xlsx_courses_required();
    String xlsx_hours_of_year(int year);
    String xlsx_hours_target();
    String xlsx_hours_met();
    String xlsx_hours_met_yes();
    String xlsx_hours_met_no();

    // written into records (plans, the hours ledger, assignments): always Chinese
    String record_demo_plan_title(int year);
    String record_renewal_plan_title(int year, String title);
    String record_course_completed(String title);
    String record_offline_hours(String description, LocalDate date);
    String record_no_longer_audience();

    // what uses a case (shown on the case page)
    String case_usage_kind();
}
