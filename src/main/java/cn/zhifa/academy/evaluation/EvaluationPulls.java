package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.zhifa.academy.records.ExamPurpose;

/**
 * The items the system takes from the records (业务能力 from exams, 学习培训 from hours, 持证率 from
 * the register, 投诉 from credit events), without the database: what a pulled item scores and
 * the note kept with it, from the figures the service looked up.
 */
final class EvaluationPulls {

    /** The purposes of the exams that count when the item names none. */
    static final List<ExamPurpose> DEFAULT_PURPOSES = List.of(ExamPurpose.AUXILIARY, ExamPurpose.ANNUAL);

    /** What a pulled item gets: a score and its note, or not applicable (no score) with the reason. */
    record Pulled(BigDecimal score, String note, boolean notApplicable) {

        static Pulled notApplicable(String note) {
            return new Pulled(null, note, true);
        }
    }

    /** The notes kept with pulled items (stored in the records' language). */
    interface Notes {
        String exam(String title, String score, String date);

        String noExam();

        String noHours(int year);

        String hours(int year, String hours, String target);

        String noStaff();

        String qualifiedShare(String share);

        String complaints(long count);
    }

    /** The notes of the eval bundle. */
    static Notes notes(EvalMessages m) {
        return new Notes() {
            @Override
            public String exam(String title, String score, String date) {
                return m.note_exam(title, score, date);
            }

            @Override
            public String noExam() {
                return m.note_no_exam();
            }

            @Override
            public String noHours(int year) {
                return m.note_no_hours(year);
            }

            @Override
            public String hours(int year, String hours, String target) {
                return m.note_hours(year, hours, target);
            }

            @Override
            public String noStaff() {
                return m.note_no_staff();
            }

            @Override
            public String qualifiedShare(String share) {
                return m.note_qualified_share(share);
            }

            @Override
            public String complaints(long count) {
                return m.note_complaints(count);
            }
        };
    }

    private EvaluationPulls() {
    }

    /** The exam purposes an item counts: its parameter (comma-separated), else the defaults. */
    static List<ExamPurpose> purposes(String param) {
        return param == null ? DEFAULT_PURPOSES
                : Arrays.stream(param.split(",")).map(String::trim).map(ExamPurpose::valueOf).toList();
    }

    /** 业务能力: the best exam score (percent) scaled to the item's maximum; not applicable without one. */
    static Pulled exam(BigDecimal maxScore, String examTitle, BigDecimal examScore, LocalDate finishedOn, Notes notes) {
        if (examScore == null) {
            return Pulled.notApplicable(notes.noExam());
        }
        return new Pulled(examScore.multiply(maxScore).divide(EvaluationScoring.HUNDRED, 2, RoundingMode.HALF_UP),
                notes.exam(examTitle, EvaluationService.plain(examScore), finishedOn.toString()), false);
    }

    /** 学习培训: the share of the target reached (at most all of it); not applicable without hours that year. */
    static Pulled hours(BigDecimal maxScore, int year, BigDecimal hours, BigDecimal target, Notes notes) {
        if (hours.signum() == 0) {
            return Pulled.notApplicable(notes.noHours(year));
        }
        BigDecimal ratio = hours.divide(target, 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        return new Pulled(ratio.multiply(maxScore).setScale(2, RoundingMode.HALF_UP),
                notes.hours(year, EvaluationService.plain(hours), EvaluationService.plain(target)), false);
    }

    /** 持证率: the qualified share of the provider's staff; not applicable without staff on the register. */
    static Pulled qualifiedShare(BigDecimal maxScore, Optional<BigDecimal> share, Notes notes) {
        if (share.isEmpty()) {
            return Pulled.notApplicable(notes.noStaff());
        }
        BigDecimal s = share.get();
        return new Pulled(s.multiply(maxScore).setScale(2, RoundingMode.HALF_UP),
                notes.qualifiedShare(s.multiply(EvaluationScoring.HUNDRED).setScale(1, RoundingMode.HALF_UP).toString()),
                false);
    }

    /** 投诉: the maximum less {@code per} for every verified complaint of the cycle, not below 0. */
    static Pulled complaints(BigDecimal maxScore, BigDecimal per, long count, Notes notes) {
        return new Pulled(maxScore.subtract(per.multiply(BigDecimal.valueOf(count))).max(BigDecimal.ZERO).setScale(2,
                RoundingMode.HALF_UP), notes.complaints(count), false);
    }
}
