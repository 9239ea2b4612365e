package cn.zhifa.academy.people.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The header line of a roster, without Quarkus. */
class RosterHeaderTest {

    private final List<RosterError> errors = new ArrayList<>();

    @Test
    void columnsAreFoundByHeaderInAnyOrderWithTemplateMarks() {
        List<String> cells = new ArrayList<>(Arrays.stream(RosterColumn.values()).map(c -> c.header).toList());
        java.util.Collections.reverse(cells);
        cells.set(0, "*" + cells.get(0));
        cells.add(2, "");
        Map<RosterColumn, Integer> columns = RosterHeader.read(new RosterReader.Line(1, cells), errors);
        assertThat(errors).isEmpty();
        assertThat(columns).hasSize(RosterColumn.values().length);
        assertThat(columns.get(RosterColumn.values()[RosterColumn.values().length - 1])).isZero();
        assertThat(columns.get(RosterColumn.NAME)).isEqualTo(cells.size() - 1);
    }

    @Test
    void unknownRepeatedAndMissingColumnsAreErrorsOnLineOne() {
        Map<RosterColumn, Integer> columns = RosterHeader.read(
                new RosterReader.Line(1, List.of("姓名", "姓名", "爱好", "工号", "身份证号", "人员类别", "人员分级")), errors);
        assertThat(errors).extracting(RosterError::line).containsOnly(1);
        assertThat(errors).extracting(RosterError::message).containsExactly("列“姓名”重复", "未知的列“爱好”，请使用下载的模板",
                "缺少必填列“所属单位”");
        assertThat(columns.get(RosterColumn.NAME)).isZero();
    }
}
