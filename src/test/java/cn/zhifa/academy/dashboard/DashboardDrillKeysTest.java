package cn.zhifa.academy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.error.InvalidException;

/** The drill keys and the typed queries of {@link DashboardDrill}, without Quarkus or a database. */
class DashboardDrillKeysTest {

    @Test
    void everyPanelKeyBecomesItsOwnTarget() {
        assertThat(DashboardDrill.parse("hours", "unit:12")).isEqualTo(new DashboardDrill.UnitBelowTarget(12));
        assertThat(DashboardDrill.parse("plans", "plan: 7 ")).isEqualTo(new DashboardDrill.PlanNotCompleted(7));
        assertThat(DashboardDrill.parse("domains", "domain:ZHZF")).isEqualTo(new DashboardDrill.DomainFailed("ZHZF"));
        assertThat(DashboardDrill.parse("exams", "exam:3")).isEqualTo(new DashboardDrill.ExamFailed(3));
        assertThat(DashboardDrill.parse("grades", "band:不合格")).isEqualTo(new DashboardDrill.GradeBand("不合格"));
        assertThat(DashboardDrill.parse("credit", "provider:9")).isEqualTo(new DashboardDrill.ProviderStaff(9));
        assertThat(DashboardDrill.parse("expiring", "days:60")).isEqualTo(new DashboardDrill.ExpiringWithin(60));
    }

    @Test
    void aKeyThatNamesNoRowIsInvalidWithItsOwnMessage() {
        assertInvalid("hours", "nonsense", "dashboard.drill_key_invalid");
        assertInvalid("hours", "unit:", "dashboard.drill_key_invalid");
        assertInvalid("hours", null, "dashboard.drill_key_invalid");
        assertInvalid("exams", "unit:1", "dashboard.drill_key_invalid");
        assertInvalid("trend", "year:2025", "dashboard.drill_key_invalid");
        assertInvalid("hours", "unit:abc", "dashboard.id_invalid");
        assertInvalid("expiring", "days:45", "dashboard.window_invalid");
    }

    private static void assertInvalid(String panel, String key, String messageKey) {
        assertThatThrownBy(() -> DashboardDrill.parse(panel, key)).isInstanceOf(InvalidException.class)
                .extracting(e -> ((InvalidException) e).key()).isEqualTo(messageKey);
    }

    @Test
    void eachQueryBindsExactlyTheParametersItUsesAfterTheScopeAndBeforeTheLimit() {
        check(new DashboardDrill.UnitBelowTarget(12).query(2025, BigDecimal.TEN), 3);
        check(new DashboardDrill.PlanNotCompleted(7).query(), 1);
        check(new DashboardDrill.DomainFailed("ZHZF").query(2025), 3);
        check(new DashboardDrill.ExamFailed(3).query(), 1);
        check(new DashboardDrill.GradeBand("优秀").query(2025), 3);
        check(new DashboardDrill.ProviderStaff(9).query(), 1);
        assertThat(new DashboardDrill.GradeBand("优秀").query(2025).params())
                .containsExactly("优秀", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        assertThat(new DashboardDrill.UnitBelowTarget(12).query(2025, BigDecimal.TEN).params())
                .containsExactly(2025, 12L, BigDecimal.TEN);
    }

    /** ?1 is the scope, ?2 … ?n+1 the query's own parameters (each used), ?n+2 the limit; nothing else. */
    private static void check(DashboardDrill.PeopleQuery q, int own) {
        assertThat(q.params()).hasSize(own);
        String sql = q.sql();
        java.util.Set<Integer> used = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(sql);
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        java.util.Set<Integer> expected = new java.util.TreeSet<>();
        for (int i = 1; i <= own + 2; i++) {
            expected.add(i);
        }
        assertThat(used).as(sql).isEqualTo(expected);
        assertThat(sql).endsWith("LIMIT ?" + (own + 2)).doesNotContain("%");
    }
}
