package cn.zhifa.academy.knowledge;

import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the knowledge-point pages (bundle "kp"; messages/kp_zh-CN.properties and kp_en.properties). */
@MessageBundle(value = "kp", locale = "zh-CN")
public interface KnowledgeMessages {

    String nav_coverage();

    String coverage_title();

    String coverage_intro(int version, int minQuestions);

    String summary(int points, int gaps, int withoutLesson, int withoutCase, int fewQuestions);

    String gaps_only();

    String show_all();

    String col_point();

    String col_kind();

    String col_lessons();

    String col_cases();

    String col_questions();

    String col_gaps();

    String kind_stage();

    String kind_topic();

    String gap_lesson();

    String gap_case();

    String gap_questions();

    String no_gap();

    String none();

    String api_link();
}
