package cn.zhifa.academy.matters;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.knowledge.KnowledgePoints;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.qualification.QualificationService;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The readiness figures are recomputed here straight from the tables (officers, qualifications,
 * enrollments, graded answers), independently of the service, for every cell the API returns.
 */
@QuarkusTest
class ReadinessTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EntityManager em;

    @Inject
    QualificationService qualifications;

    @Inject
    KnowledgePoints knowledge;

    Api cityAdmin;
    Api districtAdmin;

    @BeforeEach
    void setUp() {
        Account a = accounts.create("mrdy", Roles.ADMIN, "SFS");
        cityAdmin = Api.as(a.username, PASSWORD);
        Account d = accounts.create("mrdyd", Roles.ADMIN, "SFS-LJ");
        districtAdmin = Api.as(d.username, PASSWORD);
    }

    /** The figures of one cell, computed from the records with SQL of its own. */
    record Expected(int officers, int qualified, int courseCount, int completers, int answered, int correct) {
    }

    Expected expected(long townId, long matterId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String officers = "SELECT p.id FROM person p WHERE p.unit_id = " + townId
                    + " AND p.category = 'OFFICER' AND p.status = 'ACTIVE'";
            DelegatedMatter m = DelegatedMatter.findById(matterId);
            String domain = (String) em.createNativeQuery("SELECT code FROM enforcement_domain WHERE id = ?1")
                    .setParameter(1, m.domainId).getSingleResult();
            int n = count("SELECT count(*) FROM (" + officers + ") o");
            int qualified = count("SELECT count(DISTINCT q.person_id) FROM qualification q WHERE q.person_id IN ("
                    + officers + ") AND q.state = 'VALID' AND q.expires_on >= current_date AND q.domain_code = '"
                    + domain + "'");
            List<String> courseCodes = new ArrayList<>(m.courseCodeList());
            courseCodes.add("-");
            Set<Long> tagged = new HashSet<>(List.of(-1L));
            Set<Long> taggedQuestions = new HashSet<>(List.of(-1L));
            for (String kp : m.knowledgePointList()) { // courses and questions reached through the tags
                tagged.addAll(knowledge.courseIdsFor(kp));
                taggedQuestions.addAll(knowledge.questionIdsFor(kp));
            }
            String courses = "SELECT id FROM course WHERE status = 'PUBLISHED' AND (code IN (:c) OR id IN (:t))";
            int courseCount = ((Number) em.createNativeQuery("SELECT count(*) FROM (" + courses + ") x")
                    .setParameter("c", courseCodes).setParameter("t", tagged).getSingleResult()).intValue();
            int completers = courseCount == 0 ? 0 : ((Number) em.createNativeQuery("SELECT count(*) FROM (" + officers
                    + ") o WHERE (SELECT count(*) FROM enrollment e WHERE e.person_id = o.id AND e.completed_at IS NOT NULL "
                    + "AND e.course_id IN (" + courses + ")) = " + courseCount).setParameter("c", courseCodes)
                    .setParameter("t", tagged).getSingleResult()).intValue();
            List<String> qCodes = new ArrayList<>(m.questionCodeList());
            qCodes.add("-");
            Object[] ans = (Object[]) em.createNativeQuery("SELECT count(*), coalesce(sum(CASE WHEN i.score >= i.points "
                    + "THEN 1 ELSE 0 END), 0) FROM attempt_item i JOIN exam_attempt a ON a.id = i.attempt_id "
                    + "JOIN question_version v ON v.id = i.question_version_id JOIN question q ON q.id = v.question_id "
                    + "WHERE i.score IS NOT NULL AND (q.code IN (:q) OR q.id IN (:t)) AND a.person_id IN (" + officers + ")")
                    .setParameter("q", qCodes).setParameter("t", taggedQuestions).getSingleResult();
            return new Expected(n, qualified, courseCount, completers, ((Number) ans[0]).intValue(),
                    ((Number) ans[1]).intValue());
        });
    }

    int count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).intValue();
    }

    static long unit(String code) {
        return QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(code).orElseThrow().id);
    }

    /** A matter in 卫生健康 (no demo qualification there) held by 望江街道 and 云溪镇, with a course and questions. */
    long freshMatter() {
        String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> form = Map.ofEntries(Map.entry("code", code), Map.entry("name", "对测试事项的处罚"),
                Map.entry("domain", "卫生健康"), Map.entry("legalBasis", "依据以地方目录为准"),
                Map.entry("highFrequency", true), Map.entry("townCodes", List.of("SFS-LJ-WJ", "SFS-YX-YX")),
                Map.entry("effectiveOn", "2025-01-01"), Map.entry("courses", "ZH-ZJGP"),
                Map.entry("questions", "GH-001,GH-003,TD-003"));
        return cityAdmin.post().contentType("application/json").body(form).when().post("/api/v1/matters").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    void assertCell(Map<String, Object> c) {
        long town = ((Number) c.get("townId")).longValue();
        long matter = ((Number) c.get("matterId")).longValue();
        Expected e = expected(town, matter);
        assertThat(c.get("officers")).as("officers %s", c).isEqualTo(e.officers());
        assertThat(c.get("qualified")).as("qualified %s", c).isEqualTo(e.qualified());
        assertThat(c.get("courseCount")).as("courses %s", c).isEqualTo(e.courseCount());
        assertThat(c.get("completers")).as("completers %s", c).isEqualTo(e.completers());
        assertThat(c.get("answered")).as("answered %s", c).isEqualTo(e.answered());
        assertThat(c.get("correct")).as("correct %s", c).isEqualTo(e.correct());
        assertThat(c.get("red")).as("red %s", c).isEqualTo(e.qualified() == 0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cells(JsonPath grid) {
        return grid.getList("cells.flatten()");
    }

    @Test
    void everyCellOfTheCityAgreesWithTheRecords() {
        freshMatter();
        JsonPath grid = cityAdmin.get().when().get("/api/v1/matters/readiness").then().statusCode(200).extract().jsonPath();
        assertThat(grid.getList("townCode")).containsExactly("SFS-LJ-JB", "SFS-LJ-WJ", "SFS-QS-QS", "SFS-QS-SM",
                "SFS-YX-YX", "SFS-YX-BS");
        List<Map<String, Object>> cells = cells(grid);
        assertThat(cells).hasSizeGreaterThan(30);
        assertThat(cells).anyMatch(c -> Boolean.TRUE.equals(c.get("red")));
        assertThat(cells).anyMatch(c -> Boolean.FALSE.equals(c.get("red")));
        cells.forEach(this::assertCell);
        // the cells are exactly the assignments
        long assignments = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM delegated_matter_town").getSingleResult()).longValue());
        assertThat((long) cells.size()).isEqualTo(assignments);
    }

    @Test
    void aQualificationAndACompletedCourseChangeTheCell() {
        long matter = freshMatter();
        long wj = unit("SFS-LJ-WJ");
        JsonPath before = cityAdmin.get().when().get("/api/v1/matters/readiness/" + wj + "/" + matter).then()
                .statusCode(200).extract().jsonPath();
        assertThat(before.getBoolean("cell.red")).isTrue();
        assertThat(before.getInt("cell.qualified")).isZero();
        List<Long> people = before.getList("people.personId", Long.class);
        assertThat(people).hasSize(before.getInt("cell.officers")).isNotEmpty();

        long first = people.get(0);
        QuarkusTransaction.requiringNew().run(() -> qualifications.issueManually(first, "ZFZG", "WSJK", "测试签发",
                LocalDate.now(), "test"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO enrollment (person_id, course_id, "
                + "course_version_id, completed_at) SELECT ?1, c.id, c.published_version_id, now() FROM course c "
                + "WHERE c.code = 'ZH-ZJGP' ON CONFLICT (person_id, course_id) DO UPDATE SET completed_at = now()")
                .setParameter(1, first).executeUpdate());

        JsonPath after = cityAdmin.get().when().get("/api/v1/matters/readiness/" + wj + "/" + matter).then()
                .statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("cell.red")).isFalse();
        assertThat(after.getInt("cell.qualified")).isEqualTo(1);
        assertThat(after.getInt("cell.completers")).isGreaterThanOrEqualTo(1);
        assertThat(after.getString("people.find { it.personId == " + first + " }.qualificationNumber")).isNotBlank();
        assertCell(after.getMap("cell"));
        // 云溪镇 holds the same matter and stays red
        long yx = unit("SFS-YX-YX");
        JsonPath other = cityAdmin.get().when().get("/api/v1/matters/readiness/" + yx + "/" + matter).then()
                .statusCode(200).extract().jsonPath();
        assertThat(other.getBoolean("cell.red")).isTrue();
    }

    @Test
    void aDistrictAdminSeesOnlyItsTownsAndOtherTownsAre404() throws Exception {
        long matter = freshMatter();
        JsonPath grid = districtAdmin.get().when().get("/api/v1/matters/readiness").then().statusCode(200).extract()
                .jsonPath();
        assertThat(grid.getList("townCode")).containsExactly("SFS-LJ-JB", "SFS-LJ-WJ");
        cells(grid).forEach(this::assertCell);

        long yx = unit("SFS-YX-YX");
        districtAdmin.get().when().get("/api/v1/matters/readiness/" + yx + "/" + matter).then().statusCode(404);
        districtAdmin.get().when().get("/matters/readiness/" + yx + "/" + matter).then().statusCode(404);
        districtAdmin.get().when().get("/matters/readiness/" + unit("SFS-LJ-WJ") + "/" + matter).then().statusCode(200);
        // a town in scope that does not hold the matter
        districtAdmin.get().when().get("/api/v1/matters/readiness/" + unit("SFS-LJ-JB") + "/" + matter).then()
                .statusCode(404);

        byte[] xlsx = districtAdmin.get().when().get("/matters/readiness.xlsx").then().statusCode(200).extract()
                .asByteArray();
        Set<String> towns = new HashSet<>();
        int rows = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getSheetAt(0)) {
                if (r.getRowNum() > 0) {
                    towns.add(r.getCell(0).getStringCellValue());
                    rows++;
                }
            }
        }
        assertThat(towns).containsExactlyInAnyOrder("江滨街道", "望江街道");
        assertThat(rows).isEqualTo(cells(grid).size());

        // the HTML page: the district's towns only, the red cell marked
        String page = districtAdmin.get().when().get("/matters/readiness").then().statusCode(200).extract().asString();
        assertThat(page).contains("town-SFS-LJ-WJ").doesNotContain("town-SFS-YX-YX").contains("red-cell");
    }

    @Test
    void learnersCannotOpenReadiness() {
        Account l = accounts.create("mrdyl", Roles.LEARNER, "SFS-LJ-WJ");
        Api learner = Api.as(l.username, PASSWORD);
        learner.get().when().get("/api/v1/matters/readiness").then().statusCode(403);
    }
}
