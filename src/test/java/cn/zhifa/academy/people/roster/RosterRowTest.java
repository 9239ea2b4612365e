package cn.zhifa.academy.people.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Cell access of one roster line, without Quarkus. */
class RosterRowTest {

    private final List<RosterError> errors = new ArrayList<>();

    private RosterRow row(String... cells) {
        return new RosterRow(new RosterReader.Line(4, Arrays.asList(cells)),
                Map.of(RosterColumn.NAME, 0, RosterColumn.GRADE, 1, RosterColumn.MOBILE, 5), errors);
    }

    @Test
    void optionalCellsAreTrimmedAndBlankOrMissingIsNull() {
        RosterRow r = row(" 张三 ", "  ");
        assertThat(r.optional(RosterColumn.NAME)).isEqualTo("张三");
        assertThat(r.optional(RosterColumn.GRADE)).isNull();
        assertThat(r.optional(RosterColumn.MOBILE)).isNull();
        assertThat(r.optional(RosterColumn.CERT_NO)).isNull();
        assertThat(r.failed).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void aMissingRequiredCellIsAnErrorOfItsLineAndColumn() {
        RosterRow r = row("", "在岗");
        assertThat(r.required(RosterColumn.NAME)).isNull();
        assertThat(r.failed).isTrue();
        assertThat(errors).containsExactly(new RosterError(4, "姓名", "必填项“姓名”为空"));
    }

    @Test
    void aCellThatDoesNotParseNamesWhatWasThere() {
        RosterRow r = row("张三", "实习");
        Optional<String> none = Optional.empty();
        String parsed = r.parse(RosterColumn.GRADE, s -> s.equals("在岗") ? Optional.of(s) : none, "人员分级应为：在岗");
        assertThat(parsed).isNull();
        assertThat(errors).containsExactly(new RosterError(4, "人员分级", "人员分级应为：在岗（实际为“实习”）"));
    }
}
