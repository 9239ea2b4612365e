package cn.zhifa.academy.dashboard;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every row of every panel drills down: each typed query (DashboardDrill) runs against the database. */
@QuarkusTest
class DrillDownsTest {

    @Inject
    TestAccounts accounts;

    @Test
    void everyDrillKeyOfEveryPanelAnswersItsPeople() {
        Account a = accounts.create("drills", Roles.ADMIN, "SFS");
        Api city = Api.as(a.username, PASSWORD);
        int drilled = 0;
        java.util.Set<String> panels = new java.util.TreeSet<>();
        for (int year : new int[] { java.time.LocalDate.now().getYear(), 2025 }) { // the demo's evaluations are of 2025
            for (String panel : DashboardService.PANELS) {
                JsonPath p = city.get().queryParam("year", year).when().get("/api/v1/dashboard/" + panel).then()
                        .statusCode(200).extract().jsonPath();
                List<String> keys = p.getList("rows.drillKey", String.class);
                for (String key : keys == null ? List.<String> of() : keys.stream().filter(Objects::nonNull).toList()) {
                    JsonPath d = city.get().queryParam("key", key).queryParam("year", year).when()
                            .get("/api/v1/dashboard/" + panel + "/people").then().statusCode(200).extract().jsonPath();
                    assertThat(d.getList("headers")).as(panel + " " + key).hasSize(4);
                    assertThat(d.getList("personIds")).as(panel + " " + key)
                            .hasSizeLessThanOrEqualTo(DashboardService.DRILL_LIMIT).hasSameSizeAs(d.getList("rows"));
                    drilled++;
                    panels.add(panel);
                }
            }
        }
        assertThat(drilled).isPositive();
        assertThat(panels).as("panels with rows to drill into").contains("hours", "plans", "expiring", "credit", "grades");
    }
}
