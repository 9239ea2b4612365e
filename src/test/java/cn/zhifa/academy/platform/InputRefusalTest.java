package cn.zhifa.academy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 12 items 9, 10, 15, 16: the probe's bad values are refused with our own words, naming the field. */
@QuarkusTest
class InputRefusalTest {

    @Inject
    TestAccounts accounts;

    Api admin;

    @BeforeEach
    void login() {
        Account a = accounts.create("refusal", Roles.ADMIN + "," + Roles.SYSADMIN, "SFS");
        admin = Api.as(a.username, TestAccounts.PASSWORD);
    }

    private Response postJson(String path, String body) {
        return admin.post().contentType("application/json").body(body).when().post(path);
    }

    private static final String PLAN = "{\"year\":2026,\"title\":\"探测\",\"owningUnitId\":1,\"courseCodes\":[\"X\"],"
            + "\"requiredHours\":%s,\"dueDate\":\"%s\"}";

    @Test
    void hugeTinyAndOverPreciseNumbersAreA400NamingTheField() {
        for (String hours : new String[] { "1e999999999", "1e10", "1e400", "1e-999999999", "0.05" }) {
            postJson("/api/v1/plans", PLAN.formatted(hours, "2026-12-31")).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("requiredHours"));
        }
    }

    @Test
    void badDatesAndLongTitlesAreA400() {
        postJson("/api/v1/plans", PLAN.formatted("10", "abc")).then().statusCode(400).body("errors.field",
                hasItem("dueDate"));
        postJson("/api/v1/plans", PLAN.formatted("10", "2026-02-30")).then().statusCode(400).body("errors.field",
                hasItem("dueDate"));
        postJson("/api/v1/plans", PLAN.formatted("10", "2026-12-31").replace("探测", "长".repeat(201))).then()
                .statusCode(400).body("errors.field", hasItem("title"));
        postJson("/api/v1/plans", PLAN.formatted("10", "2026-12-31").replace("2026,", "-1,")).then()
                .statusCode(400).body("errors.field", hasItem("year"));
    }

    @Test
    void aFractionForAnIdAndControlCharactersInTextAreRefused() {
        String person = "{\"name\":\"%s\",\"employeeNo\":\"probe-1\",\"unitId\":%s}";
        postJson("/api/v1/people", person.formatted("张三", "1.5")).then().statusCode(400).body("errors.field",
                hasItem("unitId"));
        postJson("/api/v1/people", person.formatted("张\\u0000三", "1")).then().statusCode(400).body("errors.field",
                hasItem("name"));
    }

    @Test
    void aYearFarOutsideTheRangeIsA400() {
        admin.get().when().get("/api/v1/dashboard?year=-99999").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
    }

    @Test
    void malformedJsonIsNotBlamedOnTheCsrfToken() {
        Response r = postJson("/api/v1/plans", "{\"year\": 20");
        r.then().statusCode(400).contentType("application/problem+json").body("detail", not(containsString("CSRF")));
        assertThat(r.asString()).doesNotContain("com.fasterxml", "Unexpected end-of-input");
    }

    @Test
    void qualificationTypesNamingUnknownCoursesOrExamsAreRefused() {
        String type = "{\"name\":\"探测资格\",\"nameEn\":\"Probe\",\"categories\":[\"OFFICER\"],"
                + "\"examPurposes\":[],\"requiredCourses\":[%s],\"renewalExamCode\":%s,\"issuingBody\":\"司法局\","
                + "\"validityYears\":3,\"renewalMonths\":6,\"active\":true}";
        Response courses = postJson("/api/v1/qualification-types", type.formatted("\"NO-SUCH-COURSE\"", "null"));
        assertThat(courses.statusCode()).as(courses.asString()).isIn(400, 404, 405);
        if (courses.statusCode() == 400) {
            courses.then().body("errors.field", hasItem("requiredCourses"));
        }
    }

    @Test
    void aZipBombSpreadsheetIsRefusedInOurOwnWords() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] blank = new byte[1 << 20];
            java.util.Arrays.fill(blank, (byte) ' ');
            for (int i = 0; i < 20; i++) {
                zip.write(blank);
            }
            zip.closeEntry();
        }
        Response r = admin.post().multiPart("file", "bomb.xlsx", bytes.toByteArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").when().post("/api/v1/people/import");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).doesNotContainIgnoringCase("zip bomb").doesNotContain("ZipSecureFile", "POI",
                "ratio", "org.apache");
    }
}
