package cn.zhifa.academy.people;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * For each role: list, read and update people inside and outside its scope, through the API
 * and the pages. Inside works; outside is 404 (read) or 403/404 (change) and never shows data.
 */
@QuarkusTest
class PeopleScopeMatrixTest {

    @Inject
    TestAccounts accounts;

    Person linjiangOfficer;
    Person qingshanOfficer;
    Person providerStaff;
    Person otherProviderStaff;
    long linjiangProvider;

    @BeforeEach
    void findPeople() {
        QuarkusTransaction.requiringNew().run(() -> {
            long jb = OrgUnit.findByCode("SFS-LJ-JB").orElseThrow().id;
            long qs = OrgUnit.findByCode("SFS-QS-QS").orElseThrow().id;
            // an officer no account is linked to yet (other tests and the demo link accounts to people)
            linjiangOfficer = Person.find("unitId = ?1 AND category = ?2 AND name <> '李强' AND id NOT IN "
                    + "(SELECT a.personId FROM Account a WHERE a.personId IS NOT NULL) ORDER BY id", jb,
                    PersonCategory.OFFICER).firstResult();
            qingshanOfficer = Person.find("unitId = ?1 AND category = ?2 ORDER BY id", qs, PersonCategory.OFFICER)
                    .firstResult();
            linjiangProvider = Provider.<Provider> find("name LIKE '临江区%'").firstResult().id;
            providerStaff = Person.find("providerId = ?1 ORDER BY id", linjiangProvider).firstResult();
            otherProviderStaff = Person.find("providerId <> ?1 ORDER BY id", linjiangProvider).firstResult();
        });
    }

    private Api login(String prefix, String roles, String unit, Long provider, Long person) {
        Account a = accounts.create(prefix, roles, unit, provider, person);
        return Api.as(a.username, PASSWORD);
    }

    private static List<String> listedNos(Api api) {
        return api.get().queryParam("size", 200).queryParam("sort", "employeeNo").when().get("/api/v1/people").then()
                .statusCode(200).extract().jsonPath().getList("items.employeeNo");
    }

    private static Map<String, Object> input(Person p, String newGrade) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", p.name);
        m.put("employeeNo", p.employeeNo);
        m.put("category", p.category.name());
        m.put("grade", newGrade);
        m.put("unitId", p.unitId);
        m.put("departmentId", p.departmentId);
        m.put("providerId", p.providerId);
        m.put("domainIds", List.of());
        m.put("certNo", p.certNo);
        m.put("mobile", p.mobile);
        return m;
    }

    private static int update(Api api, Person p) {
        return api.post().contentType("application/json").body(input(p, "CORE")).when()
                .put("/api/v1/people/" + p.id).statusCode();
    }

    private static int read(Api api, Person p) {
        return api.get().when().get("/api/v1/people/" + p.id).statusCode();
    }

    @Test
    void systemAdministratorSeesAndChangesEveryone() {
        Api api = login("m-sys", Roles.SYSADMIN, null, null, null);
        assertThat(api.get().when().get("/api/v1/people").then().extract().jsonPath().getLong("total"))
                .isGreaterThanOrEqualTo(300);
        assertThat(read(api, qingshanOfficer)).isEqualTo(200);
        assertThat(update(api, qingshanOfficer)).isEqualTo(200);
    }

    @Test
    void districtAdministratorWorksOnlyInsideTheDistrict() {
        Api api = login("m-lj", Roles.ADMIN, "SFS-LJ", null, null);
        List<String> nos = api.get().queryParam("size", 200).when().get("/api/v1/people").then().extract().jsonPath()
                .getList("items.employeeNo");
        assertThat(nos).contains(linjiangOfficer.employeeNo).doesNotContain(qingshanOfficer.employeeNo);
        List<String> unitNames = api.get().queryParam("size", 200).when().get("/api/v1/people").then().extract()
                .jsonPath().getList("items.unit.name");
        assertThat(unitNames).allMatch(n -> List.of("临江区", "江滨街道", "望江街道").contains(n));

        assertThat(read(api, linjiangOfficer)).isEqualTo(200);
        assertThat(read(api, qingshanOfficer)).isEqualTo(404);
        assertThat(update(api, linjiangOfficer)).isEqualTo(200);
        assertThat(update(api, qingshanOfficer)).isEqualTo(404);
        // moving someone into another district is refused too
        Map<String, Object> move = input(linjiangOfficer, "SERVING");
        move.put("unitId", qingshanOfficer.unitId);
        move.put("departmentId", null);
        assertThat(api.post().contentType("application/json").body(move).when()
                .put("/api/v1/people/" + linjiangOfficer.id).statusCode()).isEqualTo(403);

        // pages: the list shows no one from outside, the detail of an outsider is a 404 page
        api.get().queryParam("q", qingshanOfficer.employeeNo).when().get("/people").then().statusCode(200)
                .body(not(containsString("href=\"/people/" + qingshanOfficer.id + "\"")), containsString("people-empty"));
        api.get().when().get("/people/" + qingshanOfficer.id).then().statusCode(404)
                .body(not(containsString(qingshanOfficer.name)));
        api.get().when().get("/people/" + linjiangOfficer.id).then().statusCode(200)
                .body(containsString(linjiangOfficer.name), containsString(linjiangOfficer.idMasked));
    }

    @Test
    void providerManagerSeesOnlyTheirStaffAndChangesNothing() {
        Api api = login("m-prov", Roles.PROVIDER_MANAGER, null, linjiangProvider, null);
        List<String> nos = listedNos(api);
        assertThat(nos).isNotEmpty().contains(providerStaff.employeeNo).doesNotContain(otherProviderStaff.employeeNo,
                linjiangOfficer.employeeNo);
        assertThat(read(api, providerStaff)).isEqualTo(200);
        assertThat(read(api, otherProviderStaff)).isEqualTo(404);
        assertThat(update(api, providerStaff)).isEqualTo(403);
        assertThat(api.get().when().get("/api/v1/providers").then().extract().jsonPath().getList("id", Long.class))
                .containsExactly(linjiangProvider);
        api.get().when().get("/providers/" + linjiangProvider).then().statusCode(200)
                .body(containsString(providerStaff.name));
    }

    @Test
    void learnerSeesOnlyThemself() {
        Api api = login("m-learner", Roles.LEARNER, "SFS-LJ-JB", null, linjiangOfficer.id);
        assertThat(listedNos(api)).containsExactly(linjiangOfficer.employeeNo);
        assertThat(read(api, linjiangOfficer)).isEqualTo(200);
        assertThat(read(api, qingshanOfficer)).isEqualTo(404);
        assertThat(update(api, linjiangOfficer)).isEqualTo(403);
        api.get().when().get("/api/v1/providers").then().statusCode(403);
    }

    @Test
    void trainerWithoutAPersonSeesNobody() {
        Api api = login("m-trainer", Roles.TRAINER, "SFS", null, null);
        assertThat(listedNos(api)).isEmpty();
        assertThat(read(api, linjiangOfficer)).isEqualTo(404);
    }

    @Test
    void filtersSearchPagingAndSortingWork() {
        Api api = login("m-city", Roles.ADMIN, "SFS", null, null);
        long qs = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-QS").orElseThrow().id);
        var page = api.get().queryParam("unit", qs).queryParam("category", "AUXILIARY").queryParam("size", 5)
                .queryParam("sort", "employeeNo").queryParam("dir", "desc").when().get("/api/v1/people").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.categoryLabel")).isNotEmpty().allMatch("执法辅助人员"::equals);
        assertThat(page.getList("items.unit.name")).allMatch(n -> List.of("青山区", "青山镇", "石门街道").contains(n));
        List<String> nos = page.getList("items.employeeNo");
        assertThat(nos).hasSizeLessThanOrEqualTo(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(page.getLong("total")).isGreaterThan(nos.size());

        var byName = api.get().queryParam("q", linjiangOfficer.name).when().get("/api/v1/people").then().extract()
                .jsonPath();
        assertThat(byName.getList("items.name", String.class)).allMatch(n -> n.contains(linjiangOfficer.name));
        assertThat(api.get().queryParam("q", linjiangOfficer.employeeNo).when().get("/api/v1/people").then().extract()
                .jsonPath().getList("items.id", Long.class)).containsExactly(linjiangOfficer.id);
    }
}
