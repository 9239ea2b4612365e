package cn.zhifa.academy.people;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.demo.DemoData;
import cn.zhifa.academy.people.roster.HalfWidth;
import cn.zhifa.academy.people.roster.RosterColumn;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 13 item 11: full-width digits and letters typed with a Chinese input method are read as
 * half-width (and the preview says so); an ID number a spreadsheet program stored as a number
 * gets a message saying what happened and how to fix it.
 */
@QuarkusTest
class RosterSpreadsheetQuirksTest {

    private static int idSeries = 260_000;

    @Inject
    TestAccounts accounts;

    Api cityAdmin;
    String prefix;

    @BeforeEach
    void setUp() {
        Account a = accounts.create("quirk", Roles.ADMIN, "SFS");
        cityAdmin = Api.as(a.username, PASSWORD);
        prefix = "Q" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    private String id() {
        return DemoData.idNumbers(idSeries++, 1).get(0);
    }

    @Test
    void conversionLeavesOtherCharactersAlone() {
        assertThat(HalfWidth.convert("３３０２０３１９９００１０１１２３Ｘ")).isEqualTo("33020319900101123X");
        assertThat(HalfWidth.convert("ＳＦＳ－００１")).isEqualTo("SFS-001");
        assertThat(HalfWidth.convert("江滨街道（筹）")).isEqualTo("江滨街道(筹)");
        assertThat(HalfWidth.convert("SFS0001")).isSameAs("SFS0001");
    }

    @Test
    void fullWidthCodesAreConvertedAndThePreviewSaysSo() {
        String id = id();
        String no = prefix + "-1";
        String header = String.join(",", java.util.Arrays.stream(RosterColumn.values()).map(c -> c.header).toList());
        // name and unit keep their characters; employee number, ID and mobile are full-width
        String line = "全角" + prefix + "," + fullWidth(no) + "," + fullWidth(id) + ",执法人员,在岗,江滨街道,,,,,,"
                + fullWidth("13800000000") + ",";
        byte[] csv = (header + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8);
        JsonPath p = cityAdmin.post().multiPart("file", "fw.csv", csv, "text/csv").when().post("/api/v1/people/import")
                .then().statusCode(200).extract().jsonPath();
        assertThat(p.getList("errors")).isEmpty();
        assertThat(p.getInt("halfWidthCells")).isEqualTo(3);
        assertThat(p.getList("halfWidthLines")).containsExactly(2);
        cityAdmin.post().when().post("/api/v1/people/import/" + p.getLong("importId") + "/commit").then().statusCode(200);
        Person saved = QuarkusTransaction.requiringNew().call(() -> Person.byEmployeeNo(no).orElseThrow());
        assertThat(saved.mobile).isEqualTo("13800000000");
        assertThat(saved.idMasked).startsWith(id.substring(0, 6));

        // the page preview says what was converted
        String again = (header + "\r\n" + line.replace(fullWidth(no), fullWidth(prefix + "-2")).replace(fullWidth(id),
                fullWidth(id())) + "\r\n");
        String html = cityAdmin.post().multiPart("file", "fw.csv", again.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/people/import").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(html).select("#preview-halfwidth").text()).contains("3 个单元格").contains("全角")
                .contains("第 2 行");
    }

    @Test
    void anIdStoredAsANumberIsExplained() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("人员花名册");
            Row h = s.createRow(0);
            for (RosterColumn c : RosterColumn.values()) {
                h.createCell(c.ordinal()).setCellValue(c.header);
            }
            Row r = s.createRow(1);
            r.createCell(RosterColumn.NAME.ordinal()).setCellValue("数字" + prefix);
            r.createCell(RosterColumn.EMPLOYEE_NO.ordinal()).setCellValue(prefix + "-9");
            // what LibreOffice saves for an ID typed into a number-formatted column
            r.createCell(RosterColumn.ID_NUMBER.ordinal()).setCellValue(3.3020319900101E+17);
            r.createCell(RosterColumn.CATEGORY.ordinal()).setCellValue("执法人员");
            r.createCell(RosterColumn.GRADE.ordinal()).setCellValue("在岗");
            r.createCell(RosterColumn.UNIT.ordinal()).setCellValue("江滨街道");
            // a phone stored as a number is still fine
            r.createCell(RosterColumn.MOBILE.ordinal()).setCellValue(13800000000d);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        JsonPath p = cityAdmin.post().multiPart("file", "num.xlsx", xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").when().post("/api/v1/people/import")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> errors = p.getList("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.get("line")).isEqualTo(2);
            assertThat(e.get("column")).isEqualTo("身份证号");
            assertThat((String) e.get("message")).contains("当作数字保存").contains("文本").doesNotContain("应为 18 位");
        });
        // the same for a CSV cell in scientific notation and for a number whose last digits became zeros
        String header = String.join(",", java.util.Arrays.stream(RosterColumn.values()).map(c -> c.header).toList());
        String csv = header + "\r\n" + "甲," + prefix + "-7,3.30203E+17,执法人员,在岗,江滨街道,,,,,,,\r\n"
                + "乙," + prefix + "-8,330203199001011000,执法人员,在岗,江滨街道,,,,,,,\r\n";
        List<Map<String, Object>> more = cityAdmin.post().multiPart("file", "num.csv", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv").when().post("/api/v1/people/import").then().statusCode(200).extract().jsonPath().getList("errors");
        assertThat(more).hasSize(2);
        assertThat((String) more.get(0).get("message")).contains("3.30203E+17").contains("文本");
        assertThat((String) more.get(1).get("message")).contains("变成了 0").contains("文本");
    }
}
