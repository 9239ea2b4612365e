package cn.zhifa.academy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.records.ExamPurpose;

/** What pulled items score and the notes kept with them, without Quarkus or a database. */
class EvaluationPullsTest {

    /** Notes that show their arguments, so the test sees what went into them. */
    static final EvaluationPulls.Notes NOTES = new EvaluationPulls.Notes() {
        @Override
        public String exam(String title, String score, String date) {
            return "exam " + title + " " + score + " " + date;
        }

        @Override
        public String noExam() {
            return "no exam";
        }

        @Override
        public String noHours(int year) {
            return "no hours " + year;
        }

        @Override
        public String hours(int year, String hours, String target) {
            return "hours " + year + " " + hours + "/" + target;
        }

        @Override
        public String noStaff() {
            return "no staff";
        }

        @Override
        public String qualifiedShare(String share) {
            return "share " + share;
        }

        @Override
        public String complaints(long count) {
            return "complaints " + count;
        }
    };

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void purposesComeFromTheParameterOrTheDefaults() {
        assertThat(EvaluationPulls.purposes(null)).containsExactly(ExamPurpose.AUXILIARY, ExamPurpose.ANNUAL);
        assertThat(EvaluationPulls.purposes("ANNUAL, AUXILIARY")).containsExactly(ExamPurpose.ANNUAL, ExamPurpose.AUXILIARY);
        assertThatThrownBy(() -> EvaluationPulls.purposes("NONE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBestExamScoreIsScaledToTheItem() {
        EvaluationPulls.Pulled p = EvaluationPulls.exam(n("100"), "T", n("52.0"), LocalDate.of(2025, 11, 15), NOTES);
        assertThat(p.notApplicable()).isFalse();
        assertThat(p.score()).isEqualByComparingTo("52.00");
        assertThat(p.note()).isEqualTo("exam T 52 2025-11-15");
        assertThat(EvaluationPulls.exam(n("25"), "T", n("90"), LocalDate.of(2025, 1, 2), NOTES).score())
                .isEqualByComparingTo("22.50");
    }

    @Test
    void noExamMeansNotApplicable() {
        EvaluationPulls.Pulled p = EvaluationPulls.exam(n("100"), null, null, null, NOTES);
        assertThat(p.notApplicable()).isTrue();
        assertThat(p.score()).isNull();
        assertThat(p.note()).isEqualTo("no exam");
    }

    @Test
    void hoursCountUpToTheTarget() {
        EvaluationPulls.Pulled half = EvaluationPulls.hours(n("100"), 2025, n("45"), n("90"), NOTES);
        assertThat(half.score()).isEqualByComparingTo("50.00");
        assertThat(half.note()).isEqualTo("hours 2025 45/90");
        assertThat(EvaluationPulls.hours(n("100"), 2025, n("120"), n("90"), NOTES).score()).isEqualByComparingTo("100.00");
        EvaluationPulls.Pulled none = EvaluationPulls.hours(n("100"), 2026, BigDecimal.ZERO, n("90"), NOTES);
        assertThat(none.notApplicable()).isTrue();
        assertThat(none.note()).isEqualTo("no hours 2026");
    }

    @Test
    void theQualifiedShareScalesTheMaximum() {
        EvaluationPulls.Pulled p = EvaluationPulls.qualifiedShare(n("20"), Optional.of(n("0.75")), NOTES);
        assertThat(p.score()).isEqualByComparingTo("15.00");
        assertThat(p.note()).isEqualTo("share 75.0");
        assertThat(EvaluationPulls.qualifiedShare(n("20"), Optional.empty(), NOTES).note()).isEqualTo("no staff");
    }

    @Test
    void complaintsTakePointsOffButNotBelowZero() {
        EvaluationPulls.Pulled two = EvaluationPulls.complaints(n("20"), n("5"), 2, NOTES);
        assertThat(two.score()).isEqualByComparingTo("10.00");
        assertThat(two.notApplicable()).isFalse();
        assertThat(two.note()).isEqualTo("complaints 2");
        assertThat(EvaluationPulls.complaints(n("20"), n("5"), 9, NOTES).score()).isEqualByComparingTo("0.00");
    }
}
