package cn.zhifa.academy.provider;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Registering providers: the credit code is checked, duplicates and foreign units refused. */
@QuarkusTest
class ProviderApiTest {

    @Inject
    TestAccounts accounts;

    static Map<String, Object> provider(String code, long unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("creditCode", code);
        m.put("name", "测试服务有限公司");
        m.put("serviceCategories", List.of("协助巡查"));
        m.put("commissioningUnitId", unit);
        m.put("status", "ACTIVE");
        m.put("contractStart", "2026-01-01");
        m.put("contractEnd", "2026-12-31");
        return m;
    }

    @Test
    void creditCodesAreCheckedAndDuplicatesAndForeignUnitsRefused() {
        long lj = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-LJ").orElseThrow().id);
        long qs = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-QS").orElseThrow().id);
        Account a = accounts.create("prov-admin", Roles.ADMIN, "SFS-LJ");
        Api admin = Api.as(a.username, PASSWORD);
        String first17 = "91330203MA2" + String.format("%06d", (int) (Math.random() * 900_000) + 100_000);
        String good = first17 + CreditCodes.checkCharacter(first17);
        String bad = first17 + (good.charAt(17) == '0' ? '1' : '0');

        admin.post().contentType("application/json").body(provider(bad, lj)).when().post("/api/v1/providers").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("creditCode"))
                .body("errors[0].message", equalTo("统一社会信用代码校验位错误"));
        admin.post().contentType("application/json").body(provider(good, lj)).when().post("/api/v1/providers").then()
                .statusCode(201).body("creditCode", equalTo(good)).body("staffCount", equalTo(0));
        admin.post().contentType("application/json").body(provider(good, lj)).when().post("/api/v1/providers").then()
                .statusCode(409);
        String other17 = "91330203MA2" + String.format("%06d", (int) (Math.random() * 900_000) + 100_000);
        admin.post().contentType("application/json").body(provider(other17 + CreditCodes.checkCharacter(other17), qs))
                .when().post("/api/v1/providers").then().statusCode(403);
    }
}
