package cn.zhifa.academy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.error.InvalidException;

/** The typed drill-down queries, without Quarkus: keys, parameters and the SQL each one owns. */
class DrillQueryTest {

    private static final BigDecimal TARGET = BigDecimal.valueOf(40);

    @Test
    void everyPanelKeyHasItsQueryAndUnknownOnesHaveNone() {
        assertThat(DrillQuery.of("hours", "unit", "7", TARGET)).isInstanceOf(DrillQuery.HoursBelowTarget.class);
        assertThat(DrillQuery.of("plans", "plan", "7", TARGET)).isInstanceOf(DrillQuery.PlanNotCompleted.class);
        assertThat(DrillQuery.of("domains", "domain", "ZHZF", TARGET)).isInstanceOf(DrillQuery.DomainFailed.class);
        assertThat(DrillQuery.of("exams", "exam", "7", TARGET)).isInstanceOf(DrillQuery.ExamFailed.class);
        assertThat(DrillQuery.of("grades", "band", "A", TARGET)).isInstanceOf(DrillQuery.GradeBand.class);
        assertThat(DrillQuery.of("credit", "provider", "7", TARGET)).isInstanceOf(DrillQuery.ProviderStaff.class);
        assertThat(DrillQuery.of("expiring", "days", "60", TARGET)).isEqualTo(new DrillQuery.ExpiringWindow(60));
        assertThat(DrillQuery.of("hours", "plan", "7", TARGET)).isNull();
        assertThat(DrillQuery.of("nonsense", "unit", "7", TARGET)).isNull();
    }

    @Test
    void badNumbersAndWindowsAreRefusedByKey() {
        assertThatThrownBy(() -> DrillQuery.of("exams", "exam", "x1", TARGET)).isInstanceOf(InvalidException.class)
                .satisfies(e -> assertThat(((InvalidException) e).key()).isEqualTo("dashboard.id_invalid"));
        assertThatThrownBy(() -> DrillQuery.of("expiring", "days", "45", TARGET)).isInstanceOf(InvalidException.class)
                .satisfies(e -> assertThat(((InvalidException) e).key()).isEqualTo("dashboard.window_invalid"));
    }

    @Test
    void eachQueryBindsExactlyTheParametersItsSqlUses() {
        List<DrillQuery.Sql> queries = List.of(new DrillQuery.HoursBelowTarget(3, TARGET), new DrillQuery.PlanNotCompleted(3),
                new DrillQuery.DomainFailed("ZHZF"), new DrillQuery.ExamFailed(3), new DrillQuery.GradeBand("A"),
                new DrillQuery.ProviderStaff(3));
        Pattern param = Pattern.compile("\\?(\\d+)");
        for (DrillQuery.Sql q : queries) {
            String sql = q.sql(1000);
            assertThat(sql).as(q.getClass().getSimpleName()).startsWith("SELECT p.id, p.name, p.employee_no, u.name AS unit, ")
                    .contains("FROM person p JOIN org_unit u ON u.id = p.unit_id").contains("?1").contains("?2")
                    .endsWith("ORDER BY u.path, p.name LIMIT 1000\n");
            int highest = 0;
            Matcher m = param.matcher(sql);
            while (m.find()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
            assertThat(2 + q.params(2026).size()).as(q.getClass().getSimpleName() + " parameters").isEqualTo(highest);
        }
    }
}
