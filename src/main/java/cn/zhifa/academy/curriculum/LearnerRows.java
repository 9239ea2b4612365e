package cn.zhifa.academy.curriculum;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The learner's enrolments with their progress rows, read at most once per request: 我的学习 and
 * the page's 高频事项 path ({@link LearningService#progress}) share one read.
 */
@RequestScoped
public class LearnerRows {

    @Inject
    LearningStatements statements;

    private final Map<Long, Map<Long, LearningStatements.EnrollmentRow>> byPerson = new HashMap<>();

    Map<Long, LearningStatements.EnrollmentRow> read(long person) {
        return byPerson.computeIfAbsent(person, statements::enrollments);
    }
}
