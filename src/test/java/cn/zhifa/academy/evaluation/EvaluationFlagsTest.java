package cn.zhifa.academy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The run of adjacent cycles in a band that raises a flag, without Quarkus or a database. */
class EvaluationFlagsTest {

    private static EvaluationFlags.Held year(int y, String band) {
        return new EvaluationFlags.Held(LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1), band, String.valueOf(y));
    }

    @Test
    void aFirstEvaluationIsARunOfOne() {
        assertThat(EvaluationFlags.run("2025", LocalDate.of(2025, 1, 1), "F", 2, List.of())).containsExactly("2025");
    }

    @Test
    void theAdjacentEarlierCycleInTheSameBandExtendsTheRun() {
        assertThat(EvaluationFlags.run("2025", LocalDate.of(2025, 1, 1), "F", 2, List.of(year(2024, "F"))))
                .containsExactly("2024", "2025");
    }

    @Test
    void anotherBandOrAGapEndsTheRun() {
        assertThat(EvaluationFlags.run("2025", LocalDate.of(2025, 1, 1), "F", 2, List.of(year(2024, "P"), year(2023, "F"))))
                .containsExactly("2025");
        assertThat(EvaluationFlags.run("2025", LocalDate.of(2025, 1, 1), "F", 2, List.of(year(2023, "F"))))
                .containsExactly("2025");
    }

    @Test
    void theRunStopsAtTheNumberNeeded() {
        assertThat(EvaluationFlags.run("2025", LocalDate.of(2025, 1, 1), "F", 2,
                List.of(year(2024, "F"), year(2023, "F")))).containsExactly("2024", "2025");
        assertThat(EvaluationFlags.run("2025", LocalDate.of(2025, 1, 1), "F", 3,
                List.of(year(2024, "F"), year(2023, "F")))).containsExactly("2023", "2024", "2025");
    }
}
