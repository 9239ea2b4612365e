package cn.zhifa.academy.support;

import java.time.LocalDate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zhifa.academy.exam.delivery.CandidateResource;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Data for organisation-scope tests: fresh people with unique names and employee numbers (so a
 * response can be searched for them), and exams built through the real API.
 */
public final class ScopeData {

    private ScopeData() {
    }

    /** An active officer of the unit, named {@code prefix} + a unique tag, employee number "SC" + the tag. */
    public static Person person(String unitCode, String prefix) {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.name = prefix + tag;
            p.employeeNo = "SC" + tag;
            p.category = PersonCategory.OFFICER;
            p.grade = Grade.SERVING;
            p.unitId = OrgUnit.findByCode(unitCode).orElseThrow().id;
            p.status = EmploymentStatus.ACTIVE;
            p.statusSince = LocalDate.of(2020, 1, 1);
            p.idHash = "scope-test-" + UUID.randomUUID();
            p.idMasked = "330203**********" + tag.substring(0, 2);
            p.persist();
            return p;
        });
    }

    public static long unit(String code) {
        return QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(code).orElseThrow().id);
    }

    /** A blueprint of 5 true/false questions owned by the manager's own unit. */
    public static long blueprint(Api manager) {
        Map<String, Object> section = new HashMap<>();
        section.put("type", "判断");
        section.put("count", 5);
        section.put("points", 1);
        Map<String, Object> b = new HashMap<>();
        b.put("name", "范围测试组卷 " + UUID.randomUUID().toString().substring(0, 6));
        b.put("passMark", 3);
        b.put("sections", List.of(section));
        return manager.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An exam body open now, for the blueprint, naming people by employee number. */
    public static Map<String, Object> exam(long blueprintId, List<String> employeeNos) {
        Map<String, Object> e = new HashMap<>();
        String code = "SC-" + UUID.randomUUID().toString().substring(0, 8);
        e.put("code", code);
        e.put("title", "范围测试考试 " + code);
        e.put("purpose", "ANNUAL");
        e.put("domainCode", "TY");
        e.put("blueprintId", blueprintId);
        e.put("opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        e.put("closesAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        e.put("durationMinutes", 30);
        e.put("maxAttempts", 1);
        e.put("employeeNos", employeeNos);
        return e;
    }

    /** Creates and publishes an exam as the manager; returns its id. */
    public static long publishedExam(Api manager, List<String> employeeNos) {
        long id = manager.post().contentType("application/json").body(exam(blueprint(manager), employeeNos)).when()
                .post("/api/v1/exams").then().statusCode(201).extract().jsonPath().getLong("id");
        manager.post().when().post("/api/v1/exams/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** The candidate starts an attempt; returns its id. */
    public static long start(Api candidate, long examId) {
        return candidate.post().header(CandidateResource.DEVICE, "scope").when()
                .post("/api/v1/my/exams/" + examId + "/attempts").then().statusCode(201).extract().jsonPath()
                .getLong("attemptId");
    }
}
