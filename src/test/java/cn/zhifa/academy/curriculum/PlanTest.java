package cn.zhifa.academy.curriculum;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.Await;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Plan audiences follow the registry; progress by unit; export; offline hours. */
@QuarkusTest
class PlanTest {

    @Inject
    TestAccounts accounts;

    static Map<String, Object> plan(long unit, List<String> categories) {
        Map<String, Object> m = new HashMap<>();
        m.put("year", java.time.LocalDate.now().getYear());
        m.put("title", "执法人员年度培训");
        m.put("owningUnitId", unit);
        m.put("categories", categories);
        m.put("courseCodes", List.of("TY-SXZD", "TY-CFCX"));
        m.put("requiredHours", 60);
        m.put("dueDate", java.time.LocalDate.now().getYear() + "-12-31");
        return m;
    }

    @Test
    void assignmentsOpenForTheAudienceAndCloseWhenSomeoneLeavesIt() {
        long jb = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-LJ-WJ").orElseThrow().id);
        Account a = accounts.create("plan-admin", Roles.ADMIN, "SFS-LJ");
        Api admin = Api.as(a.username, PASSWORD);
        JsonPath created = admin.post().contentType("application/json").body(plan(jb, List.of("OFFICER"))).when()
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath();
        long planId = created.getLong("id");
        long officers = QuarkusTransaction.requiringNew().call(() -> Person.count(
                "unitId = ?1 AND category = ?2 AND status = 'ACTIVE'", jb, PersonCategory.OFFICER));
        assertThat(created.getLong("openAssignments")).isEqualTo(officers).isPositive();

        Person someone = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "unitId = ?1 AND category = ?2 AND status = 'ACTIVE' ORDER BY id", jb, PersonCategory.OFFICER).firstResult());
        // the officer becomes auxiliary staff: their assignment is closed, not deleted
        Map<String, Object> change = new HashMap<>();
        change.put("name", someone.name);
        change.put("employeeNo", someone.employeeNo);
        change.put("category", "AUXILIARY");
        change.put("grade", someone.grade.name());
        change.put("unitId", someone.unitId);
        change.put("departmentId", someone.departmentId);
        admin.post().contentType("application/json").body(change).when().put("/api/v1/people/" + someone.id).then()
                .statusCode(200);
        // the audience sync follows the committed change in the background (issue 16)
        Await.until(() -> assignment(planId, someone.id).status == PlanAssignment.Status.CLOSED);
        PlanAssignment closed = assignment(planId, someone.id);
        assertThat(closed.closeReason).isEqualTo("不再属于培训对象");

        change.put("category", "OFFICER");
        admin.post().contentType("application/json").body(change).when().put("/api/v1/people/" + someone.id).then()
                .statusCode(200);
        Await.until(() -> assignment(planId, someone.id).status == PlanAssignment.Status.OPEN);

        // progress by unit and the export
        JsonPath progress = admin.get().when().get("/api/v1/plans/" + planId + "/progress").then().statusCode(200)
                .extract().jsonPath();
        assertThat(progress.getList("unit")).containsExactly("望江街道");
        assertThat(progress.getInt("[0].assigned")).isEqualTo((int) officers);
        // below the plan's 60 hours: counted here from the hours ledger (demo data may give someone enough)
        int year = (Integer) plan(jb, List.of("OFFICER")).get("year");
        long below = QuarkusTransaction.requiringNew().call(() -> Person.<Person> list(
                "unitId = ?1 AND category = ?2 AND status = 'ACTIVE'", jb, PersonCategory.OFFICER).stream()
                .filter(x -> HoursEntry.getEntityManager().createQuery("SELECT COALESCE(SUM(h.hours), 0) FROM HoursEntry h "
                        + "WHERE h.personId = :p AND h.year = :y", java.math.BigDecimal.class).setParameter("p", x.id)
                        .setParameter("y", year).getSingleResult().compareTo(java.math.BigDecimal.valueOf(60)) < 0)
                .count());
        assertThat(below).isPositive();
        assertThat(progress.getInt("[0].belowHours")).isEqualTo((int) below);

        byte[] xlsx = admin.get().when().get("/api/v1/plans/" + planId + "/export.xlsx").then().statusCode(200).extract()
                .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("按单位").getRow(1).getCell(0).getStringCellValue()).isEqualTo("望江街道");
            assertThat(wb.getSheet("人员明细").getPhysicalNumberOfRows()).isEqualTo((int) officers + 1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void plansOutsideTheScopeAreRefused() {
        long qs = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-QS").orElseThrow().id);
        Account a = accounts.create("plan-lj", Roles.ADMIN, "SFS-LJ");
        Api admin = Api.as(a.username, PASSWORD);
        admin.post().contentType("application/json").body(plan(qs, List.of())).when().post("/api/v1/plans").then()
                .statusCode(403);
        Account l = accounts.create("plan-learner", Roles.LEARNER, null);
        Api.as(l.username, PASSWORD).get().when().get("/api/v1/plans").then().statusCode(403);
    }

    @Test
    void offlineTrainingNeedsEvidenceAndCountsTowardsTheHours() {
        long personId = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find("unitId = ?1 ORDER BY id DESC",
                OrgUnit.findByCode("SFS-YX-BS").orElseThrow().id).firstResult().id);
        Account a = accounts.create("offline-admin", Roles.ADMIN, "SFS-YX");
        Api admin = Api.as(a.username, PASSWORD);
        byte[] pdf = "%PDF-1.4\n签到表".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        admin.post().multiPart("personId", String.valueOf(personId)).multiPart("hours", "8")
                .multiPart("date", java.time.LocalDate.now().toString()).multiPart("description", "集中面授：行政处罚法")
                .multiPart("evidence", "签到表.pdf", pdf, "application/pdf").when()
                .post("/api/v1/plans/offline-training").then().statusCode(201);
        assertThat(QuarkusTransaction.requiringNew().call(() -> HoursEntry.total(personId,
                java.time.LocalDate.now().getYear()))).isEqualByComparingTo("8");
        // a bogus evidence file is refused and nothing is recorded
        admin.post().multiPart("personId", String.valueOf(personId)).multiPart("hours", "8")
                .multiPart("date", java.time.LocalDate.now().toString()).multiPart("description", "重复")
                .multiPart("evidence", "签到表.pdf", "<html>".getBytes(), "application/pdf").when()
                .post("/api/v1/plans/offline-training").then().statusCode(415);
        assertThat(QuarkusTransaction.requiringNew().call(() -> HoursEntry.count("personId", personId))).isEqualTo(1);
    }

    private static PlanAssignment assignment(long planId, long personId) {
        return QuarkusTransaction.requiringNew().call(() -> PlanAssignment.<PlanAssignment> find(
                "planId = ?1 AND personId = ?2", planId, personId).firstResult());
    }
}
