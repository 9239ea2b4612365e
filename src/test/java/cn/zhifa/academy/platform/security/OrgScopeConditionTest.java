package cn.zhifa.academy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The scope condition keeps its parameter whatever the viewer's filter: native queries number
 * their positional parameters around it ("?1" scope, "?2" exam…), and a condition that dropped
 * "?1" for a city-wide viewer made Hibernate refuse the whole query (the home page of a city
 * administrator answered 500).
 */
class OrgScopeConditionTest {

    @Test
    void everyFilterConsumesItsPositionalParameter() {
        for (OrgScope.UnitFilter f : new OrgScope.UnitFilter[] { new OrgScope.All(), new OrgScope.NoUnits(),
                new OrgScope.Subtree(7, "/1/7/") }) {
            OrgScope.Condition c = f.onPath("u.path", "?1");
            assertThat(c.text()).as(f.toString()).contains("?1");
            assertThat(c.param()).isEqualTo("?1");
            assertThat(c.value()).isNotNull();
            OrgScope.Condition n = f.onUnit("p.unitId", ":scope");
            assertThat(n.text()).as(f.toString()).contains(":scope");
            assertThat(n.params()).containsKey("scope");
        }
    }

    @Test
    void allIsAlwaysTrueAndNoUnitsAlwaysFalseOnceBound() {
        // the bound value is never null, so "IS NOT NULL" holds and "IS NULL" never does
        assertThat(new OrgScope.All().onPath("u.path", "?1").text()).isEqualTo("(?1 IS NOT NULL)");
        assertThat(new OrgScope.NoUnits().onPath("u.path", "?1").text()).isEqualTo("(?1 IS NULL)");
        assertThat(new OrgScope.Subtree(7, "/1/7/").onPath("u.path", "?1").value()).isEqualTo("/1/7/%");
    }
}
