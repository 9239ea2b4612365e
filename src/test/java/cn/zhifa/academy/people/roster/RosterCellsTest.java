package cn.zhifa.academy.people.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Single roster cells (dates, pseudonymised ID tokens), without Quarkus. */
class RosterCellsTest {

    @Test
    void datesInTheFormsSpreadsheetsWrite() {
        LocalDate d = LocalDate.of(2024, 3, 1);
        assertThat(RosterCells.parseDate("2024-03-01")).isEqualTo(d);
        assertThat(RosterCells.parseDate(" 2024/3/1 ")).isEqualTo(d);
        assertThat(RosterCells.parseDate("2024.3.1")).isEqualTo(d);
        assertThat(RosterCells.parseDate("20240301")).isEqualTo(d);
        assertThat(RosterCells.parseDate("1/3/2024")).isNull();
    }

    @Test
    void aTokenCarriesTheHashAndTheMaskedNumber() {
        String hash = "a".repeat(64);
        assertThat(RosterCells.token(" " + RosterCells.TOKEN + hash + ":330203**********36 ")).hasValueSatisfying(
                t -> assertThat(t).containsExactly(hash, "330203**********36"));
        assertThat(RosterCells.token("330203199001011236")).isEmpty();
        assertThat(RosterCells.token(RosterCells.TOKEN + "short:330203**********36")).isEmpty();
        assertThat(RosterCells.token(null)).isEmpty();
    }
}
