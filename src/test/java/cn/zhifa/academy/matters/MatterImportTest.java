package cn.zhifa.academy.matters;

import static cn.zhifa.academy.matters.MatterFixtures.commit;
import static cn.zhifa.academy.matters.MatterFixtures.preview;
import static cn.zhifa.academy.matters.MatterFixtures.row;
import static cn.zhifa.academy.matters.MatterFixtures.with;
import static cn.zhifa.academy.matters.MatterFixtures.xlsx;
import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class MatterImportTest {

    @Inject
    TestAccounts accounts;

    Api cityAdmin;
    Api districtAdmin;
    String prefix;

    @BeforeEach
    void setUp() {
        Account a = accounts.create("mimp", Roles.ADMIN, "SFS");
        cityAdmin = Api.as(a.username, PASSWORD);
        Account d = accounts.create("mimpd", Roles.ADMIN, "SFS-LJ");
        districtAdmin = Api.as(d.username, PASSWORD);
        prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static long matters(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> DelegatedMatter.count("code LIKE ?1", prefix + "%"));
    }

    static Set<String> towns(String code) {
        return QuarkusTransaction.requiringNew().call(() -> DelegatedMatter.byCode(code).orElseThrow().townIds.stream()
                .map(id -> OrgUnit.<OrgUnit> findById(id).code).collect(Collectors.toSet()));
    }

    List<String[]> good() {
        List<String[]> rows = new ArrayList<>();
        rows.add(with(row(prefix + "-001", "对擅自占用城市道路的处罚（测试）", "综合行政执法", "《城市道路管理条例》第二十七条（依据以地方目录为准）",
                "是", "江滨街道、望江街道", "2025-01-01"), MatterColumn.COURSES, "ZH-ZJGP"));
        rows.add(with(row(prefix + "-002", "对在乡、村庄规划区内未取得乡村建设规划许可证进行建设的处理（测试）", "ZHZF", "《城乡规划法》第六十五条",
                "否", "SFS-YX-BS", "2025/7/1"), MatterColumn.QUESTIONS, "GH-003"));
        return rows;
    }

    @Test
    void templateHasTheColumnsInOrderAndAnInstructionsSheet() throws Exception {
        byte[] body = cityAdmin.get().when().get("/api/v1/matters/import/template.xlsx").then().statusCode(200).extract()
                .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            var head = wb.getSheetAt(0).getRow(0);
            for (MatterColumn c : MatterColumn.values()) {
                assertThat(head.getCell(c.ordinal()).getStringCellValue()).isEqualTo(c.header);
            }
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
        }
    }

    @Test
    void everyBadRowIsReportedWithLineAndColumnAndNothingIsWritten() throws Exception {
        List<String[]> rows = good(); // lines 2 and 3 are fine
        rows.add(row(prefix + "-003", "领域错误", "城管", "某法第一条", "是", "江滨街道", "2025-01-01")); // line 4
        rows.add(row(prefix + "-004", "镇街和日期错误", "综合行政执法", "某法第一条", "也许", "不存在街道", "2025-13-45")); // line 5
        rows.add(with(row(prefix + "-001", "", "综合行政执法", "", "", "江滨街道", "2025-01-01"), MatterColumn.COURSES,
                "NO-SUCH-COURSE")); // line 6
        JsonPath p = preview(cityAdmin, xlsx(rows));
        List<Map<String, Object>> errors = p.getList("errors");
        Set<String> where = errors.stream().map(e -> e.get("line") + "|" + e.get("column")).collect(Collectors.toSet());
        assertThat(where).containsExactlyInAnyOrder("4|执法领域", "5|高频事项", "5|承接镇街", "5|生效日期", "6|事项编码",
                "6|事项名称", "6|法律依据", "6|关联课程");
        assertThat(errors).filteredOn(e -> "5|承接镇街".equals(e.get("line") + "|" + e.get("column")))
                .singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("不存在街道"));
        assertThat(errors).filteredOn(e -> "6|事项编码".equals(e.get("line") + "|" + e.get("column")))
                .singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("第 2 行"));
        assertThat(p.getInt("totalRows")).isEqualTo(5);

        // all or nothing: the commit re-validates and writes not even the good rows
        Response c = commit(cityAdmin, p);
        c.then().statusCode(422);
        assertThat(c.jsonPath().getList("errors")).hasSize(errors.size());
        assertThat(matters(prefix)).isZero();
    }

    @Test
    void goodFileIsImportedAuditedAndReimportingItChangesNothing() throws Exception {
        byte[] file = xlsx(good());
        JsonPath p = preview(cityAdmin, file);
        assertThat(p.getList("errors")).isEmpty();
        assertThat(p.getInt("toCreate")).isEqualTo(2);
        assertThat(matters(prefix)).as("preview writes nothing").isZero();
        commit(cityAdmin, p).then().statusCode(200);
        assertThat(matters(prefix)).isEqualTo(2);
        assertThat(towns(prefix + "-001")).containsExactlyInAnyOrder("SFS-LJ-JB", "SFS-LJ-WJ");
        DelegatedMatter m2 = QuarkusTransaction.requiringNew().call(() -> DelegatedMatter.byCode(prefix + "-002").orElseThrow());
        assertThat(m2.highFrequency).isFalse();
        assertThat(m2.effectiveOn).hasToString("2025-07-01");
        assertThat(m2.questionCodeList()).containsExactly("GH-003");
        long audits = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'matter.created' AND entityId = ?1", String.valueOf(m2.id)));
        assertThat(audits).isEqualTo(1);

        JsonPath again = preview(cityAdmin, file);
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(again.getInt("toCreate") + again.getInt("toUpdate")).isZero();
        JsonPath done = commit(cityAdmin, again).then().statusCode(200).extract().jsonPath();
        assertThat(done.getInt("created") + done.getInt("updated")).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'matter.updated' AND entityId = ?1", String.valueOf(m2.id)))).isZero();

        // an updated file updates by code
        List<String[]> changed = good();
        with(changed.get(1), MatterColumn.HIGH_FREQUENCY, "是");
        JsonPath upd = preview(cityAdmin, xlsx(changed));
        assertThat(upd.getInt("toUpdate")).isEqualTo(1);
        commit(cityAdmin, upd).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DelegatedMatter.byCode(prefix + "-002").orElseThrow()
                .highFrequency)).isTrue();
    }

    @Test
    void aDistrictAdminChangesOnlyTheTownsInItsScope() throws Exception {
        commit(cityAdmin, preview(cityAdmin, xlsx(good()))).then().statusCode(200);

        // a town outside the district, a new matter and a changed catalogue entry are all refused
        List<String[]> rows = good();
        rows.get(0)[MatterColumn.TOWNS.ordinal()] = "江滨街道、云溪镇";
        rows.get(1)[MatterColumn.NAME.ordinal()] = "改名";
        rows.get(1)[MatterColumn.TOWNS.ordinal()] = "望江街道";
        rows.add(row(prefix + "-009", "新事项", "综合行政执法", "某法第一条", "否", "江滨街道", "2025-01-01"));
        List<Map<String, Object>> errors = preview(districtAdmin, xlsx(rows)).getList("errors");
        assertThat(errors.stream().map(e -> e.get("line") + "|" + e.get("column")).toList())
                .containsExactlyInAnyOrder("2|承接镇街", "3|事项编码", "4|事项编码");

        // the same entries with other towns of the district: 白沙乡 (另一县) keeps its assignment
        List<String[]> mine = good();
        mine.get(0)[MatterColumn.TOWNS.ordinal()] = "望江街道";
        mine.get(1)[MatterColumn.TOWNS.ordinal()] = "江滨街道";
        JsonPath p = preview(districtAdmin, xlsx(mine));
        assertThat(p.getList("errors")).isEmpty();
        commit(districtAdmin, p).then().statusCode(200);
        assertThat(towns(prefix + "-001")).containsExactlyInAnyOrder("SFS-LJ-WJ");
        assertThat(towns(prefix + "-002")).containsExactlyInAnyOrder("SFS-LJ-JB", "SFS-YX-BS");
    }

    @Test
    void anotherUsersImportCannotBeCommitted() throws Exception {
        JsonPath p = preview(cityAdmin, xlsx(good()));
        commit(districtAdmin, p).then().statusCode(404);
        assertThat(matters(prefix)).isZero();
    }
}
