package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of an evaluation, without the database: an item's points, the base over the
 * applicable items (不适用 items are left out and the others' weights re-normalised to the full
 * total), the total with the credit adjustment, and the effective weights the page shows.
 */
final class EvaluationScoring {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One item of an evaluation: its weight and maximum, the score (null: none yet) and whether it applies. */
    record Line(BigDecimal weight, BigDecimal maxScore, BigDecimal score, boolean notApplicable) {
    }

    private EvaluationScoring() {
    }

    /** The weighted points of a score: weight × score / maximum (4 decimals). */
    static BigDecimal points(BigDecimal weight, BigDecimal maxScore, BigDecimal score) {
        return weight.multiply(score).divide(maxScore, 4, RoundingMode.HALF_UP);
    }

    /**
     * The base (before the credit adjustment, unrounded): the sum of the applicable items' points,
     * scaled up to the full weight when items are left out; empty while an applicable item has no
     * score or no item applies.
     */
    static Optional<BigDecimal> base(List<Line> lines) {
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal allWeight = BigDecimal.ZERO;
        BigDecimal applicableWeight = BigDecimal.ZERO;
        boolean complete = true;
        for (Line l : lines) {
            allWeight = allWeight.add(l.weight());
            if (l.notApplicable()) {
                continue;
            }
            applicableWeight = applicableWeight.add(l.weight());
            if (l.score() == null) {
                complete = false;
            } else {
                base = base.add(points(l.weight(), l.maxScore(), l.score()));
            }
        }
        if (applicableWeight.signum() == 0) {
            return Optional.empty();
        }
        if (applicableWeight.compareTo(allWeight) != 0) {
            base = base.multiply(allWeight).divide(applicableWeight, 4, RoundingMode.HALF_UP);
        }
        return complete ? Optional.of(base) : Optional.empty();
    }

    /** The total: base plus adjustment, kept within 0–100 (2 decimals). */
    static BigDecimal total(BigDecimal base, BigDecimal adjustment) {
        return base.add(adjustment).max(BigDecimal.ZERO).min(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The weight each item counts with after re-normalising over the applicable items (the item's
     * own weight when all apply; null for an item that does not apply).
     */
    static List<BigDecimal> effectiveWeights(List<Line> lines) {
        BigDecimal allWeight = BigDecimal.ZERO;
        BigDecimal applicableWeight = BigDecimal.ZERO;
        for (Line l : lines) {
            allWeight = allWeight.add(l.weight());
            if (!l.notApplicable()) {
                applicableWeight = applicableWeight.add(l.weight());
            }
        }
        BigDecimal factor = applicableWeight.signum() == 0 ? BigDecimal.ONE
                : allWeight.divide(applicableWeight, 8, RoundingMode.HALF_UP);
        List<BigDecimal> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(l.notApplicable() ? null
                    : applicableWeight.compareTo(allWeight) == 0 ? l.weight() : l.weight().multiply(factor));
        }
        return out;
    }

    /** The points an item contributes as shown: its points at its effective weight (2 decimals); null without a score. */
    static BigDecimal shownPoints(Line l, BigDecimal effectiveWeight) {
        return l.score() == null ? null
                : points(l.weight(), l.maxScore(), l.score())
                        .multiply(effectiveWeight == null ? BigDecimal.ONE : effectiveWeight)
                        .divide(l.weight(), 2, RoundingMode.HALF_UP);
    }
}
