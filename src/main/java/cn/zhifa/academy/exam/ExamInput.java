package cn.zhifa.academy.exam;

import java.time.Instant;
import java.util.List;

/**
 * An exam as submitted by the scheduling page or the API. Audience lists: person categories
 * and grades (enum names), unit ids (with their subtrees), provider ids, and people
 * (employee numbers) admitted individually. {@code anonymousGrading}: ON, OFF, or empty/AUTO for the
 * purpose's default (on for qualification exams and their resits).
 */
public record ExamInput(String code, String title, String description, String purpose, String resitOfExamCode,
        String domainCode, Long blueprintId, Long ownerUnitId, Instant opensAt, Instant closesAt,
        Integer durationMinutes, Integer maxAttempts, String gradingMethod, String reviewPolicy, String bands,
        List<String> categories, List<String> grades, List<Long> unitIds, List<Long> providerIds,
        List<String> employeeNos, String anonymousGrading) {
}
