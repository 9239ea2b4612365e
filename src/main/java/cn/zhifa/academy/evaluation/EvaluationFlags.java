package cn.zhifa.academy.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a band with a consecutive rule (e.g. 不合格 twice running) is held long enough to raise a
 * flag on the person, without the database: the run of adjacent cycles in the band ending with
 * the current evaluation.
 */
final class EvaluationFlags {

    /** An earlier confirmed evaluation of the same scheme code: its period, band and cycle label. */
    record Held(LocalDate periodStart, LocalDate periodEnd, String band, String cycleLabel) {
    }

    private EvaluationFlags() {
    }

    /**
     * The cycle labels of the run in {@code band} that ends with the current evaluation (oldest
     * first, the current one last): earlier evaluations count while each ends where the next one
     * starts and holds the same band, up to {@code needed} in all. Its size is the run's length.
     *
     * @param earlier the earlier confirmed evaluations, newest first
     */
    static List<String> run(String cycleLabel, LocalDate periodStart, String band, int needed, List<Held> earlier) {
        List<String> cycles = new ArrayList<>();
        cycles.add(cycleLabel);
        LocalDate expectedEnd = periodStart;
        for (Held prev : earlier) {
            if (cycles.size() >= needed || !prev.periodEnd().equals(expectedEnd) || !band.equals(prev.band())) {
                break;
            }
            cycles.add(0, prev.cycleLabel());
            expectedEnd = prev.periodStart();
        }
        return cycles;
    }
}
