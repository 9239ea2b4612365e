package cn.zhifa.academy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic of an evaluation, without Quarkus or a database. */
class EvaluationScoringTest {

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    private static EvaluationScoring.Line line(String weight, String max, String score) {
        return new EvaluationScoring.Line(n(weight), n(max), score == null ? null : n(score), false);
    }

    private static EvaluationScoring.Line notApplicable(String weight, String max) {
        return new EvaluationScoring.Line(n(weight), n(max), null, true);
    }

    @Test
    void pointsAreTheWeightedShareOfTheMaximum() {
        assertThat(EvaluationScoring.points(n("35"), n("100"), n("80"))).isEqualByComparingTo("28");
        assertThat(EvaluationScoring.points(n("70"), n("70"), n("67"))).isEqualByComparingTo("67");
        assertThat(EvaluationScoring.points(n("10"), n("30"), n("10")).scale()).isEqualTo(4);
    }

    @Test
    void theBaseSumsTheItemsWhenAllApply() {
        List<EvaluationScoring.Line> lines = List.of(line("35", "100", "80"), line("20", "100", "90"),
                line("25", "100", "60"), line("10", "100", "100"), line("10", "100", "50"));
        assertThat(EvaluationScoring.base(lines)).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("76"));
    }

    @Test
    void anItemWithoutAScoreLeavesTheBaseOpen() {
        assertThat(EvaluationScoring.base(List.of(line("50", "100", "80"), line("50", "100", null)))).isEmpty();
    }

    @Test
    void itemsThatDoNotApplyAreLeftOutAndTheOthersScaledToTheFullWeight() {
        // 35 + 20 of 100 apply: (28 + 18) × 100 / 55
        List<EvaluationScoring.Line> lines = List.of(line("35", "100", "80"), line("20", "100", "90"),
                notApplicable("25", "100"), notApplicable("20", "100"));
        assertThat(EvaluationScoring.base(lines)).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("83.6364"));
        List<BigDecimal> effective = EvaluationScoring.effectiveWeights(lines);
        assertThat(effective.get(2)).isNull();
        assertThat(effective.get(0)).isEqualByComparingTo(n("35").multiply(n("1.81818182")));
        assertThat(EvaluationScoring.shownPoints(lines.get(0), effective.get(0))).isEqualByComparingTo("50.91");
        assertThat(EvaluationScoring.shownPoints(lines.get(2), effective.get(2))).isNull();
    }

    @Test
    void nothingApplicableMeansNoBase() {
        assertThat(EvaluationScoring.base(List.of(notApplicable("100", "100")))).isEmpty();
        assertThat(EvaluationScoring.effectiveWeights(List.of(notApplicable("100", "100")))).containsExactly((BigDecimal) null);
    }

    @Test
    void whenAllApplyTheEffectiveWeightIsTheItemsOwn() {
        List<EvaluationScoring.Line> lines = List.of(line("60", "100", "50"), line("40", "100", null));
        assertThat(EvaluationScoring.effectiveWeights(lines)).containsExactly(n("60"), n("40"));
        assertThat(EvaluationScoring.shownPoints(lines.get(0), n("60"))).isEqualByComparingTo("30.00");
    }

    @Test
    void theTotalAddsTheAdjustmentWithinZeroAndHundred() {
        assertThat(EvaluationScoring.total(n("83.6364"), n("-4.0"))).isEqualByComparingTo("79.64");
        assertThat(EvaluationScoring.total(n("98"), n("5"))).isEqualByComparingTo("100.00");
        assertThat(EvaluationScoring.total(n("3"), n("-10"))).isEqualByComparingTo("0.00");
        assertThat(EvaluationScoring.total(n("3"), BigDecimal.ZERO).scale()).isEqualTo(2);
    }
}
