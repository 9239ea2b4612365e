package cn.zhifa.academy.exam.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.zhifa.academy.exam.ExamText;
import cn.zhifa.academy.exam.paper.Blueprint;

/** What exam managers see. */
public final class ExamAdminViews {

    private ExamAdminViews() {
    }

    public record SectionView(int position, String type, String typeLabel, int count, BigDecimal points,
            BigDecimal partialCredit, String domains, String laws, int difficultyMin, int difficultyMax, String tags,
            BigDecimal subtotal, boolean weakPoints) {
    }

    public record BlueprintView(long id, String name, long ownerUnitId, BigDecimal passMark, BigDecimal total,
            int questions, boolean shuffleQuestions, boolean shuffleOptions, List<SectionView> sections) {

        static BlueprintView of(Blueprint b) {
            return new BlueprintView(b.id, b.name, b.ownerUnitId, b.passMark, b.total(), b.questionCount(),
                    b.shuffleQuestions, b.shuffleOptions, b.sections.stream().map(s -> new SectionView(s.position,
                            s.type.name(), ExamText.type(s.type), s.questionCount, s.points, s.partialCredit, s.domainCodes, s.laws,
                            s.difficultyMin, s.difficultyMax, s.tags, s.subtotal(), s.weakPoints)).toList());
        }
    }

    public record AudienceView(String kind, String value, String label, String reason) {
    }

    public record OverrideView(long id, String person, Long unitId, String unit, int extraMinutes, int extraAttempts,
            Instant opensAt, Instant closesAt, String reason, String createdBy, Instant createdAt) {
    }

    public record ExamView(long id, String code, String title, String description, String purpose, String resitOfExamCode,
            String domainCode, long blueprintId, String blueprintName, long ownerUnitId, Instant opensAt,
            Instant closesAt, int durationMinutes, int maxAttempts, String gradingMethod, String reviewPolicy,
            String bands, String status, Instant publishedAt, List<AudienceView> audience,
            List<OverrideView> overrides, boolean anonymousGrading) {
    }
}
