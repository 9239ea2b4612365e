package cn.zhifa.academy.exam.bank;

import java.util.List;

import cn.zhifa.academy.exam.Json;

/**
 * A question as typed by an author (YAML file, spreadsheet row or form), before validation.
 * Answers use the author's notation: option letters, 对/错 or true/false, accepted texts.
 */
public record QuestionInput(String file, int line, String code, String type, String stem, List<String> options,
        List<String> answer, String referenceAnswer, List<Json.RubricPoint> rubric, String points, String explanation,
        String law, String articles, String domain, String difficulty, List<String> grades, List<String> levels,
        List<String> tags, String sourceCase) {
}
