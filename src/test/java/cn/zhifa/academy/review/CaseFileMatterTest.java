package cn.zhifa.academy.review;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.matters.ReviewFindingsPort;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 14 items 2 and 5: a case file's matter comes from the 赋权事项 catalogue. A town that
 * holds matters must choose one of its own (free text, an unknown code or another town's matter
 * are refused, each under the field); a district's file may name a matter outside the catalogue.
 * The code is kept, so the readiness view finds the file even after the catalogue renames the
 * matter.
 */
@QuarkusTest
class CaseFileMatterTest {

    @Inject
    TestAccounts accounts;

    @Inject
    ReviewFindingsPort findings;

    static String matterHeldBy(String town, boolean held) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> codes = OrgUnit.getEntityManager().createNativeQuery("SELECT m.code FROM delegated_matter m WHERE "
                    + (held ? "" : "NOT ") + "EXISTS (SELECT 1 FROM delegated_matter_town t JOIN org_unit u ON u.id = t.unit_id "
                    + "WHERE t.matter_id = m.id AND u.code = ?1) ORDER BY m.code LIMIT 1").setParameter(1, town).getResultList();
            assertThat(codes).as("demo catalogue: a matter %s %s", held ? "held by" : "not held by", town).isNotEmpty();
            return codes.get(0);
        });
    }

    static Response file(Api admin, long campaign, String unit, String caseNo, String matterCode, String matter, String officer) {
        Map<String, Object> f = new HashMap<>();
        f.put("unitId", ReviewFixtures.unit(unit));
        f.put("caseNo", caseNo);
        if (matterCode != null) {
            f.put("matterCode", matterCode);
        }
        if (matter != null) {
            f.put("matter", matter);
        }
        f.put("decisionType", "罚款");
        f.put("decisionDate", "2026-03-10");
        f.put("officers", List.of(officer));
        return admin.post().contentType("application/json").body(f).when().post("/api/v1/review/campaigns/" + campaign + "/files");
    }

    @Test
    void aTownsFileNamesOneOfItsCatalogueMattersAndADistrictsMayNameAnother() {
        Account a = accounts.create("cfm", Roles.ADMIN, "SFS");
        Api city = Api.as(a.username, PASSWORD);
        Person reviewer = ReviewFixtures.person("SFS-QS-QS", PersonCategory.LEGAL_REVIEWER);
        Person oJb = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        Person oLj = ReviewFixtures.person("SFS-LJ", PersonCategory.OFFICER);
        String t = UUID.randomUUID().toString().substring(0, 6);
        long c = ReviewFixtures.create(city, ReviewFixtures.campaign("事项测试 " + t, "SFS", List.of("SFS-LJ-JB", "SFS-LJ"),
                List.of(reviewer.employeeNo), 1));
        String held = matterHeldBy("SFS-LJ-JB", true);
        String other = matterHeldBy("SFS-LJ-JB", false);

        // free text for a town that holds matters: refused, pointing at the catalogue
        Response text = file(city, c, "SFS-LJ-JB", "JB-" + t + "-1", null, "未经许可从事经营活动", oJb.employeeNo);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.jsonPath().getString("errors.find { it.field == 'matterCode' }.message"))
                .contains("江滨街道").contains("赋权事项目录");
        // another town's matter, an unknown code: refused
        assertThat(file(city, c, "SFS-LJ-JB", "JB-" + t + "-2", other, null, oJb.employeeNo).jsonPath()
                .getString("errors.find { it.field == 'matterCode' }.message")).contains("没有承接");
        assertThat(file(city, c, "SFS-LJ-JB", "JB-" + t + "-3", "NO-SUCH-" + t, null, oJb.employeeNo).jsonPath()
                .getString("errors.find { it.field == 'matterCode' }.message")).contains("没有编码为");
        // one of its own: stored with the catalogue's name and code
        long ok = file(city, c, "SFS-LJ-JB", "JB-" + t + "-4", held, null, oJb.employeeNo).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewCaseFile f = ReviewCaseFile.findById(ok);
            assertThat(f.matterCode).isEqualTo(held);
            assertThat(f.matter).isEqualTo(OrgUnit.getEntityManager()
                    .createNativeQuery("SELECT name FROM delegated_matter WHERE code = ?1").setParameter(1, held).getSingleResult());
        });
        // a district's file may name a matter outside the catalogue
        long district = file(city, c, "SFS-LJ", "LJ-" + t + "-1", null, "违反消防安全管理规定", oLj.employeeNo).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReviewCaseFile.<ReviewCaseFile> findById(district).matterCode))
                .isNull();

        // the page offers the catalogue (each option says which towns hold it) and keeps what was typed on an error
        Response page = city.get().when().get("/review/campaigns/" + c);
        Document d = Jsoup.parse(page.asString());
        assertThat(d.select("select#f-matter-code option[value=" + held + "]").attr("data-towns"))
                .contains(String.valueOf(ReviewFixtures.unit("SFS-LJ-JB")));
        assertThat(d.select("#f-unit option[data-town=1]").text()).contains("江滨街道");
        TestAccounts.Csrf csrf = TestAccounts.csrfFrom(page);
        Response refused = city.get().redirects().follow(false).cookie("academy-csrf", csrf.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf.field())
                .formParam("unitId", String.valueOf(ReviewFixtures.unit("SFS-LJ-JB"))).formParam("caseNo", "JB-" + t + "-5")
                .formParam("matterCode", other).formParam("decisionType", "罚款").formParam("decisionDate", "2026-03-11")
                .formParam("officers", oJb.employeeNo).when().post("/review/campaigns/" + c + "/files");
        assertThat(refused.statusCode()).isEqualTo(400);
        Document r = Jsoup.parse(refused.asString());
        assertThat(r.select("#f-matter-code-error").text()).contains("没有承接");
        assertThat(r.select("#add-file").hasAttr("open")).isTrue();
        assertThat(r.select("#f-case").val()).isEqualTo("JB-" + t + "-5");
        assertThat(r.select("select#f-matter-code option[selected]").val()).isEqualTo(other);
    }

    /** The readiness column counts a file by the matter's code, whatever name it was entered under. */
    @Test
    void findingsAreCountedByTheMattersCode() {
        long town = ReviewFixtures.unit("SFS-YX-BS");
        String code = "MC-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = OrgUnit.getEntityManager();
            long campaign = ((Number) em.createNativeQuery("SELECT min(id) FROM review_campaign").getSingleResult()).longValue();
            Object[] deduction = (Object[]) em.createNativeQuery(
                    "SELECT d.id, d.item_id FROM review_standard_deduction d ORDER BY d.id LIMIT 1").getSingleResult();
            long file = ((Number) em.createNativeQuery("INSERT INTO review_case_file (campaign_id, unit_id, case_no, matter, "
                    + "matter_code, decision_type, decision_date, status, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, "
                    + "'旧名称', ?4, '罚款', DATE '2026-03-01', 'SCORED', 'test', now(), now()) RETURNING id")
                    .setParameter(1, campaign).setParameter(2, town).setParameter(3, "TEST-" + System.nanoTime())
                    .setParameter(4, code).getSingleResult()).longValue();
            em.createNativeQuery("INSERT INTO review_finding (case_file_id, item_id, deduction_id, points, knowledge_point, "
                    + "text, status, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, 2, 'KP-LIAN', '测试问题', 'UPHELD', "
                    + "'test', now(), now())").setParameter(1, file).setParameter(2, ((Number) deduction[1]).longValue())
                    .setParameter(3, ((Number) deduction[0]).longValue()).executeUpdate();
        });
        // the catalogue renamed the matter since: found by its code
        assertThat(findings.findings(town, code, "新名称")).isEqualTo(OptionalLong.of(1));
        // a file that carries a code is not matched by its old text under another code
        assertThat(findings.findings(town, "OTHER-" + code, "旧名称")).isEqualTo(OptionalLong.empty());
    }
}
