package cn.zhifa.academy.people;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.demo.DemoData;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.roster.RosterColumn;
import cn.zhifa.academy.people.roster.RosterImport;
import cn.zhifa.academy.people.roster.RosterReader;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Await;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class RosterImportTest {

    private static int idSeries = 200_000;

    @Inject
    TestAccounts accounts;

    Api cityAdmin;
    String prefix;

    @BeforeEach
    void setUp() {
        Account a = accounts.create("imp", Roles.ADMIN, "SFS");
        cityAdmin = Api.as(a.username, PASSWORD);
        prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A row in template order, with defaults for the optional columns. */
    static String[] row(String name, String no, String id, String category, String grade, String unit) {
        String[] r = new String[RosterColumn.values().length];
        Arrays.fill(r, "");
        r[RosterColumn.NAME.ordinal()] = name;
        r[RosterColumn.EMPLOYEE_NO.ordinal()] = no;
        r[RosterColumn.ID_NUMBER.ordinal()] = id;
        r[RosterColumn.CATEGORY.ordinal()] = category;
        r[RosterColumn.GRADE.ordinal()] = grade;
        r[RosterColumn.UNIT.ordinal()] = unit;
        return r;
    }

    static String[] with(String[] row, RosterColumn c, String value) {
        row[c.ordinal()] = value;
        return row;
    }

    static byte[] csv(List<String[]> rows, Charset cs) {
        String header = Arrays.stream(RosterColumn.values()).map(c -> c.header).collect(Collectors.joining(","));
        String body = rows.stream().map(r -> String.join(",", r)).collect(Collectors.joining("\r\n"));
        return (header + "\r\n" + body + "\r\n").getBytes(cs);
    }

    static byte[] xlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("人员花名册");
            Row h = s.createRow(0);
            for (RosterColumn c : RosterColumn.values()) {
                h.createCell(c.ordinal()).setCellValue(c.header);
            }
            for (int i = 0; i < rows.size(); i++) {
                Row r = s.createRow(i + 1);
                for (int j = 0; j < rows.get(i).length; j++) {
                    if (!rows.get(i)[j].isEmpty()) {
                        r.createCell(j).setCellValue(rows.get(i)[j]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    List<String> ids(int n) {
        List<String> ids = DemoData.idNumbers(idSeries, n);
        idSeries += n;
        return ids;
    }

    List<String[]> goodRows(int n) {
        List<String> ids = ids(n);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] r = row("测试" + prefix + i, prefix + "-" + i, ids.get(i), i % 2 == 0 ? "执法人员" : "执法辅助人员",
                    "在岗", i % 3 == 0 ? "江滨街道" : "SFS-QS-QS");
            if (i % 3 == 0) {
                with(r, RosterColumn.DEPARTMENT, "江滨街道综合行政执法队");
            }
            with(r, RosterColumn.DOMAINS, "综合行政执法、市场监管");
            rows.add(r);
        }
        return rows;
    }

    JsonPath preview(Api api, String filename, byte[] body, String type) {
        Response r = api.post().multiPart("file", filename, body, type).when().post("/api/v1/people/import");
        r.then().statusCode(200);
        return r.jsonPath();
    }

    static long people() {
        return QuarkusTransaction.requiringNew().call(() -> Person.count());
    }

    @Test
    void goodCsvIsPreviewedThenImportedAndAuditedAsOneEvent() {
        JsonPath p = preview(cityAdmin, "roster.csv", csv(goodRows(5), StandardCharsets.UTF_8), "text/csv");
        assertThat(p.getList("errors")).isEmpty();
        assertThat(p.getInt("totalRows")).isEqualTo(5);
        assertThat(p.getInt("toCreate")).isEqualTo(5);
        long before = people();
        assertThat(people()).as("preview writes nobody").isEqualTo(before);

        long importId = p.getLong("importId");
        cityAdmin.post().when().post("/api/v1/people/import/" + importId + "/commit").then().statusCode(200)
                .body("created", equalTo(5)).body("updated", equalTo(0));
        assertThat(people()).isEqualTo(before + 5);

        Person first = QuarkusTransaction.requiringNew().call(() -> {
            Person x = Person.byEmployeeNo(prefix + "-0").orElseThrow();
            x.domainIds.size();
            return x;
        });
        List<String> firstDomains = QuarkusTransaction.requiringNew().call(() -> first.domainIds.stream()
                .map(id -> cn.zhifa.academy.organization.EnforcementDomain.<cn.zhifa.academy.organization.EnforcementDomain> findById(id).name)
                .toList());
        assertThat(first.category).isEqualTo(PersonCategory.OFFICER);
        assertThat(first.idMasked).contains("**********");
        assertThat(firstDomains).containsExactlyInAnyOrder("综合行政执法", "市场监管");
        assertThat(first.status).isEqualTo(EmploymentStatus.ACTIVE);

        List<AuditEvent> audits = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> list(
                "action = 'roster.imported' AND entityId = ?1", String.valueOf(importId)));
        assertThat(audits).singleElement().satisfies(e -> assertThat(e.detail).contains("\"created\":5"));

        // committing twice is refused
        cityAdmin.post().when().post("/api/v1/people/import/" + importId + "/commit").then().statusCode(409);
    }

    @Test
    void reimportingTheSameFileChangesNothingAndAnUpdatedFileUpdatesByEmployeeNumber() {
        List<String[]> rows = goodRows(4);
        byte[] file = csv(rows, StandardCharsets.UTF_8);
        commit(cityAdmin, preview(cityAdmin, "a.csv", file, "text/csv"));

        JsonPath again = preview(cityAdmin, "a.csv", file, "text/csv");
        assertThat(again.getInt("toCreate")).isZero();
        assertThat(again.getInt("toUpdate")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(4);
        JsonPath done = commit(cityAdmin, again);
        assertThat(done.getInt("created") + done.getInt("updated")).isZero();

        // change one grade, drop another person from the file: one update, nobody deleted
        List<String[]> changed = new ArrayList<>(rows);
        with(changed.get(1), RosterColumn.GRADE, "骨干");
        with(changed.get(1), RosterColumn.STATUS, "离岗");
        with(changed.get(1), RosterColumn.STATUS_SINCE, "2026-05-01");
        changed.remove(3);
        JsonPath upd = preview(cityAdmin, "b.csv", csv(changed, StandardCharsets.UTF_8), "text/csv");
        assertThat(upd.getInt("toUpdate")).isEqualTo(1);
        commit(cityAdmin, upd);
        Person p1 = QuarkusTransaction.requiringNew().call(() -> Person.byEmployeeNo(prefix + "-1").orElseThrow());
        assertThat(p1.grade).isEqualTo(Grade.CORE);
        assertThat(p1.status).isEqualTo(EmploymentStatus.ON_LEAVE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PersonStatusChange.history(p1.id))).hasSize(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Person.byEmployeeNo(prefix + "-3"))).isPresent();
    }

    @Test
    void everyBadRowIsReportedWithLineAndColumnAndNothingIsWritten() {
        List<String> ids = ids(12);
        String badCheckDigit = ids.get(1).substring(0, 17) + (ids.get(1).charAt(17) == '0' ? '1' : '0');
        String providerCode = QuarkusTransaction.requiringNew()
                .call(() -> Provider.<Provider> listAll().get(0).creditCode);
        String badCredit = providerCode.substring(0, 17) + (providerCode.charAt(17) == '0' ? '1' : '0');
        List<String[]> rows = List.of(
                row("好人", prefix + "-ok", ids.get(0), "执法人员", "在岗", "江滨街道"),               // line 2 ok
                row("", prefix + "-a", ids.get(2), "执法人员", "在岗", "江滨街道"),                    // 3 missing name
                row("乙", prefix + "-b", badCheckDigit, "执法人员", "在岗", "江滨街道"),               // 4 check digit
                row("丙", prefix + "-c", ids.get(3), "执法人员", "在岗", "火星街道"),                  // 5 unknown unit
                row("丁", prefix + "-ok", ids.get(4), "执法人员", "在岗", "江滨街道"),                 // 6 duplicate no
                with(row("戊", prefix + "-e", ids.get(5), "第三方机构人员", "在岗", "临江区"),
                        RosterColumn.PROVIDER_CODE, badCredit),                                        // 7 credit code
                with(row("己", prefix + "-f", ids.get(6), "执法人员", "在岗", "江滨街道"),
                        RosterColumn.DOMAINS, "星际执法"),                                             // 8 domain
                with(row("庚", prefix + "-g", ids.get(7), "执法辅助人员", "在岗", "江滨街道"),
                        RosterColumn.CERT_NO, "ZJ1"),                                                  // 9 cert for auxiliary
                row("辛", prefix + "-h", ids.get(8), "临时工", "在岗", "江滨街道"),                    // 10 category
                row("壬", prefix + "-i", ids.get(0), "执法人员", "在岗", "江滨街道"));                 // 11 duplicate ID
        long before = people();
        JsonPath p = preview(cityAdmin, "bad.csv", csv(rows, StandardCharsets.UTF_8), "text/csv");
        List<Map<String, Object>> errors = p.getList("errors");
        assertThat(errors).extracting(e -> e.get("line") + "|" + e.get("column")).contains(
                "3|姓名", "4|身份证号", "5|所属单位", "6|工号", "7|第三方机构统一社会信用代码", "8|执法领域", "9|执法证号",
                "10|人员类别", "11|身份证号");
        assertThat(errors).extracting(e -> (String) e.get("message")).anySatisfy(m -> assertThat(m).contains("校验位"))
                .anySatisfy(m -> assertThat(m).contains("未知单位")).anySatisfy(m -> assertThat(m).contains("与第 2 行重复"))
                .anySatisfy(m -> assertThat(m).contains("统一社会信用代码校验位错误"));
        assertThat(errors).noneMatch(e -> e.get("line").equals(2));

        // committing a roster with errors writes nothing and lists them again
        Response c = cityAdmin.post().when().post("/api/v1/people/import/" + p.getLong("importId") + "/commit");
        c.then().statusCode(422).contentType("application/problem+json");
        assertThat(c.jsonPath().getList("errors")).hasSize(errors.size());
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void aDistrictAdminCannotImportIntoAnotherDistrict() {
        Account a = accounts.create("imp-lj", Roles.ADMIN, "SFS-LJ");
        Api lj = Api.as(a.username, PASSWORD);
        List<String> ids = ids(2);
        List<String[]> rows = List.of(row("甲", prefix + "-1", ids.get(0), "执法人员", "在岗", "江滨街道"),
                row("乙", prefix + "-2", ids.get(1), "执法人员", "在岗", "青山镇"));
        JsonPath p = preview(lj, "scope.csv", csv(rows, StandardCharsets.UTF_8), "text/csv");
        assertThat(p.getList("errors", Map.class)).singleElement()
                .satisfies(e -> assertThat(e.get("message").toString()).contains("不在您的管理范围内"));
    }

    @Test
    void xlsxAndExcelChineseCsvAreRead() throws IOException {
        JsonPath x = preview(cityAdmin, "roster.xlsx", xlsx(goodRows(3)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(x.getList("errors")).isEmpty();
        assertThat(x.getInt("toCreate")).isEqualTo(3);
        assertThat(commit(cityAdmin, x).getInt("created")).isEqualTo(3);

        prefix = prefix + "G";
        JsonPath g = preview(cityAdmin, "gbk.csv", csv(goodRows(2), Charset.forName("GB18030")), "text/csv");
        assertThat(g.getList("errors")).isEmpty();
        assertThat(g.getInt("toCreate")).isEqualTo(2);
        commit(cityAdmin, g);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Person.byEmployeeNo(prefix + "-1").orElseThrow().name))
                .isEqualTo("测试" + prefix + "1");
    }

    @Test
    void unknownColumnsAndMissingRequiredColumnsAreReportedOnLine1() {
        byte[] file = "姓名,工号,爱好\r\n张三,X1,钓鱼\r\n".getBytes(StandardCharsets.UTF_8);
        JsonPath p = preview(cityAdmin, "cols.csv", file, "text/csv");
        assertThat(p.getList("errors", Map.class)).extracting(e -> e.get("line") + "|" + e.get("message"))
                .contains("1|未知的列“爱好”，请使用下载的模板", "1|缺少必填列“身份证号”");
    }

    @Test
    void templatesDownloadInChinese() throws Exception {
        byte[] x = cityAdmin.get().when().get("/api/v1/people/import/template.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();
        List<RosterReader.Line> lines = RosterReader.read(new ByteArrayInputStream(x), "t.xlsx");
        assertThat(lines.get(0).cells()).containsExactlyElementsOf(
                Arrays.stream(RosterColumn.values()).map(c -> c.header).toList());
        byte[] csvBytes = cityAdmin.get().when().get("/api/v1/people/import/template.csv").then().statusCode(200).extract()
                .asByteArray();
        String csv = new String(csvBytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\ufeff姓名,工号,身份证号");
    }

    /**
     * The upload limit applies to the file the administrator sends (checked before it is read),
     * not to the pseudonymised copy the service keeps, which may be larger than the spreadsheet.
     */
    @Test
    void aRosterOverTheUploadLimitIs413AndLeavesNothing() {
        long before = people();
        long imports = QuarkusTransaction.requiringNew().call(() -> RosterImport.count());
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        cityAdmin.post().multiPart("file", "roster.csv", big, "text/csv").when().post("/api/v1/people/import").then()
                .statusCode(413).contentType(containsString("application/problem+json"));
        assertThat(people()).isEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew().call(() -> RosterImport.count())).isEqualTo(imports);
    }

    @Test
    void learnersCannotImport() {
        Account a = accounts.create("imp-learner", Roles.LEARNER, null);
        Api learner = Api.as(a.username, PASSWORD);
        learner.post().multiPart("file", "x.csv", csv(goodRows(1), StandardCharsets.UTF_8), "text/csv").when()
                .post("/api/v1/people/import").then().statusCode(403);
    }

    /**
     * Issue 16: the plan audience sync runs in the background after the commit — the commit
     * answers first, the assignments follow (awaited here, never slept).
     */
    @Test
    void planAssignmentsFollowARosterCommit() {
        long town = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-QS-QS").orElseThrow().id);
        Map<String, Object> plan = new HashMap<>();
        plan.put("year", java.time.LocalDate.now().getYear());
        plan.put("title", "青山镇执法人员培训 " + prefix);
        plan.put("owningUnitId", town);
        plan.put("categories", List.of("OFFICER"));
        plan.put("courseCodes", List.of("TY-SXZD"));
        plan.put("requiredHours", 10);
        plan.put("dueDate", java.time.LocalDate.now().getYear() + "-12-31");
        long planId = cityAdmin.post().contentType("application/json").body(plan).when().post("/api/v1/plans").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        List<String[]> rows = new ArrayList<>();
        List<String> ids = ids(2);
        rows.add(row("计划" + prefix + "甲", prefix + "-P1", ids.get(0), "执法人员", "在岗", "SFS-QS-QS"));
        rows.add(row("计划" + prefix + "乙", prefix + "-P2", ids.get(1), "执法辅助人员", "在岗", "SFS-QS-QS"));
        commit(cityAdmin, preview(cityAdmin, "plan.csv", csv(rows, StandardCharsets.UTF_8), "text/csv"));
        long officer = QuarkusTransaction.requiringNew().call(() -> Person.byEmployeeNo(prefix + "-P1").orElseThrow().id);
        long auxiliary = QuarkusTransaction.requiringNew().call(() -> Person.byEmployeeNo(prefix + "-P2").orElseThrow().id);
        Await.until(() -> "OPEN".equals(assignmentStatus(planId, officer)));
        assertThat(assignmentStatus(planId, auxiliary)).as("not in the audience").isNull();

        // the officer becomes auxiliary staff in the next roster: the assignment closes, after the commit
        with(rows.get(0), RosterColumn.CATEGORY, "执法辅助人员");
        commit(cityAdmin, preview(cityAdmin, "plan2.csv", csv(rows, StandardCharsets.UTF_8), "text/csv"));
        Await.until(() -> "CLOSED".equals(assignmentStatus(planId, officer)));
    }

    private static String assignmentStatus(long planId, long personId) {
        return QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.curriculum.PlanAssignment
                .<cn.zhifa.academy.curriculum.PlanAssignment> find("planId = ?1 AND personId = ?2", planId, personId)
                .firstResultOptional().map(a -> a.status.name()).orElse(null));
    }

    /** More rows than one flush batch (500): every update is written, none lost between batches. */
    @Test
    void aLargeUpdateWritesEveryRow() {
        List<String[]> rows = goodRows(520);
        commit(cityAdmin, preview(cityAdmin, "big.csv", csv(rows, StandardCharsets.UTF_8), "text/csv"));
        rows.forEach(r -> with(r, RosterColumn.GRADE, "骨干"));
        JsonPath done = commit(cityAdmin, preview(cityAdmin, "big2.csv", csv(rows, StandardCharsets.UTF_8), "text/csv"));
        assertThat(done.getInt("updated")).isEqualTo(520);
        long core = QuarkusTransaction.requiringNew().call(() -> Person.count("employeeNo LIKE ?1 AND grade = ?2",
                prefix + "-%", Grade.CORE));
        assertThat(core).isEqualTo(520);
    }

    static JsonPath commit(Api api, JsonPath preview) {
        return api.post().when().post("/api/v1/people/import/" + preview.getLong("importId") + "/commit").then()
                .statusCode(200).extract().jsonPath();
    }
}
