package cn.zhifa.academy.exam;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Builds blueprints, exams and candidates through the real API, as a manager would. */
@ApplicationScoped
public class ExamFixtures {

    @Inject
    TestAccounts accounts;

    public record Candidate(Account account, Person person, Api api) {
    }

    public record Built(long examId, long blueprintId, String code, List<Candidate> candidates, Api manager) {
    }

    /** A city-level administrator. */
    public Api manager() {
        Account a = accounts.create("exam-admin", Roles.ADMIN, "SFS");
        return Api.as(a.username, PASSWORD);
    }

    /** Learner accounts linked to demo officers that no other fixture has taken. */
    public List<Candidate> candidates(int n) {
        List<Person> people = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "category = ?1 AND status = 'ACTIVE' AND id NOT IN (SELECT a.personId FROM Account a WHERE a.personId IS NOT NULL) ORDER BY id",
                PersonCategory.OFFICER).page(0, n).list());
        List<Candidate> out = new ArrayList<>();
        for (Person p : people) {
            Account a = accounts.create("cand", Roles.LEARNER, null, null, p.id);
            out.add(new Candidate(a, p, Api.as(a.username, PASSWORD)));
        }
        return out;
    }

    /** A learner account for a given person. */
    public Candidate candidate(long personId) {
        Person p = QuarkusTransaction.requiringNew().call(() -> Person.<Person> findById(personId));
        Account a = accounts.create("cand", Roles.LEARNER, null, null, p.id);
        return new Candidate(a, p, Api.as(a.username, PASSWORD));
    }

    public static Map<String, Object> section(String type, int count, double points) {
        Map<String, Object> s = new HashMap<>();
        s.put("type", type);
        s.put("count", count);
        s.put("points", points);
        return s;
    }

    /** 5 单选 ×2 + 3 多选 ×2 (half credit) + 4 判断 ×1 + 2 填空 ×1 + 1 案例分析 ×10 = 32, pass 19. */
    public static List<Map<String, Object>> mixedSections(boolean withCase) {
        List<Map<String, Object>> sections = new ArrayList<>();
        Map<String, Object> single = section("单选", 5, 2);
        single.put("laws", "行政处罚法");
        sections.add(single);
        Map<String, Object> multi = section("多选", 3, 2);
        multi.put("partialCredit", 0.5);
        sections.add(multi);
        sections.add(section("判断", 4, 1));
        sections.add(section("填空", 2, 1));
        if (withCase) {
            sections.add(section("案例分析", 1, 10));
        }
        return sections;
    }

    public long blueprint(Api manager, List<Map<String, Object>> sections, double passMark) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", "测试组卷 " + UUID.randomUUID().toString().substring(0, 6));
        b.put("passMark", passMark);
        b.put("sections", sections);
        return manager.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> exam(long blueprintId, List<Candidate> candidates, String reviewPolicy,
            int minutes, int attempts) {
        Map<String, Object> e = new HashMap<>();
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        e.put("code", code);
        e.put("title", "测试考试 " + code);
        e.put("purpose", "QUALIFICATION_GENERAL");
        e.put("domainCode", "TY");
        e.put("blueprintId", blueprintId);
        e.put("opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        e.put("closesAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        e.put("durationMinutes", minutes);
        e.put("maxAttempts", attempts);
        e.put("reviewPolicy", reviewPolicy);
        e.put("employeeNos", candidates.stream().map(c -> c.person().employeeNo).toList());
        return e;
    }

    /** A published exam for {@code n} new candidates. */
    public Built published(int n, boolean withCase, String reviewPolicy, int minutes, int attempts) {
        Api manager = manager();
        long blueprint = blueprint(manager, mixedSections(withCase), 19);
        List<Candidate> candidates = candidates(n);
        Map<String, Object> body = exam(blueprint, candidates, reviewPolicy, minutes, attempts);
        long id = manager.post().contentType("application/json").body(body).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        manager.post().when().post("/api/v1/exams/" + id + "/publish").then().statusCode(200);
        return new Built(id, blueprint, (String) body.get("code"), candidates, manager);
    }
}
