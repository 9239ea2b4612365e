package cn.zhifa.academy.review;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.curriculum.Course;
import cn.zhifa.academy.curriculum.PlanAssignment;
import cn.zhifa.academy.curriculum.TrainingPlan;
import cn.zhifa.academy.notification.Notification;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** Findings → targeted training, and the supervision recommendation's life cycle with its overdue flag. */
@QuarkusTest
class ReviewFollowUpTest {

    @Inject
    TestAccounts accounts;

    @Inject
    cn.zhifa.academy.knowledge.KnowledgePoints points;

    @Inject
    RecommendationService recommendations;

    long evidenceCourse;
    long documentsCourse;

    /**
     * The courses tagged with 调查取证 and 文书制作, as the knowledge-point tags would give them
     * (the tags themselves are the knowledge feature's and tested there).
     */
    @BeforeEach
    void taggedCourses() {
        List<Long> published = QuarkusTransaction.requiringNew().call(() -> Course.<Course> list("status = ?1 ORDER BY code",
                Course.Status.PUBLISHED).stream().map(c -> c.id).toList());
        evidenceCourse = published.get(0);
        documentsCourse = published.get(1);
        cn.zhifa.academy.knowledge.KnowledgePoints real = points;
        QuarkusMock.installMockForType(new ReviewKnowledge() {
            @Override
            public boolean exists(String code) {
                return real.exists(code);
            }

            @Override
            public Optional<String> name(String code) {
                return real.find(code).map(cn.zhifa.academy.knowledge.KnowledgePoint::name);
            }

            @Override
            public List<Long> courseIdsFor(String code) {
                return switch (code) {
                    case "KP-DIAOCHA" -> List.of(evidenceCourse);
                    case "KP-WENSHU" -> List.of(documentsCourse);
                    default -> List.of();
                };
            }
        }, ReviewKnowledge.class);
    }

    Api admin(String unit) {
        Account a = accounts.create("followup", Roles.ADMIN, unit);
        return Api.as(a.username, PASSWORD);
    }

    ReviewCampaignTest.Scenario scenario() {
        ReviewCampaignTest t = new ReviewCampaignTest();
        t.accounts = accounts;
        return t.scenario();
    }

    @Test
    void findingsAssignTargetedTrainingToExactlyTheHandlingOfficers() {
        ReviewCampaignTest.Scenario s = scenario();
        ReviewCampaignTest.scoreTwoFindings(s);
        s.city().post().when().post("/api/v1/review/campaigns/" + s.campaign() + "/finish").then().statusCode(200)
                .body("plans", equalTo(2)).body("assignments", equalTo(4));
        s.city().post().when().post("/api/v1/review/campaigns/" + s.campaign() + "/finish").then().statusCode(409);
        List<Long> handled = List.of(s.officer1().id, s.officer2().id);
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> plans = PlanAssignment.getEntityManager().createNativeQuery("SELECT DISTINCT t.plan_id FROM "
                    + "review_training t JOIN review_finding x ON x.id = t.finding_id JOIN review_case_file f ON "
                    + "f.id = x.case_file_id WHERE f.campaign_id = ?1").setParameter(1, s.campaign()).getResultList();
            return PlanAssignment.<PlanAssignment> list("planId IN ?1", plans.stream().map(Number::longValue).toList())
                    .stream().map(a -> new Object[] { a.personId, a.planId, a.pinnedReason }).toList();
        });
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().map(r -> (Long) r[0]).distinct().sorted().toList())
                .isEqualTo(handled.stream().sorted().toList());
        for (Object[] r : rows) {
            TrainingPlan p = QuarkusTransaction.requiringNew().call(() -> TrainingPlan.<TrainingPlan> findById(r[1]));
            List<Long> courses = QuarkusTransaction.requiringNew().call(() -> TrainingPlan.<TrainingPlan> findById(r[1])
                    .courses.stream().map(c -> c.id).toList());
            assertThat(p.title).startsWith("评查整改学习：");
            assertThat(p.namedOnly).isTrue();
            if (p.title.contains("调查取证")) {
                assertThat(courses).containsExactly(evidenceCourse);
                assertThat((String) r[2]).contains("证据不足以证明违法事实");
            } else {
                assertThat(p.title).contains("文书制作");
                assertThat(courses).containsExactly(documentsCourse);
                assertThat((String) r[2]).contains("决定书未回应当事人申辩意见");
            }
        }
        // nobody else in the unit was assigned
        assertThat(QuarkusTransaction.requiringNew().call(() -> PlanAssignment.count("personId", s.bystander().id)))
                .isZero();
        // the officer sees the plan in 我的学习, with the finding that caused it
        Account officer = accounts.create("officer", Roles.LEARNER, "SFS-LJ-JB", null, s.officer1().id);
        Api me = Api.as(officer.username, PASSWORD);
        me.get().when().get("/learn").then().statusCode(200).body(containsString("评查整改学习"))
                .body(containsString("证据不足以证明违法事实")).body(containsString("plan-reason"));
        me.get().when().get("/api/v1/learning/me").then().statusCode(200)
                .body("plans.find { it.title.contains('调查取证') }.reason", containsString(
                        QuarkusTransaction.requiringNew().call(() -> ReviewCaseFile.<ReviewCaseFile> findById(s.file()).caseNo)));
        // and the dashboard counts the findings by knowledge point and who was trained
        s.city().get().when().get("/api/v1/review/insights").then().statusCode(200)
                .body("repeats.find { it.knowledgePoint == 'KP-DIAOCHA' }.trainedOfficers", equalTo(2))
                .body("repeats.find { it.knowledgePoint == 'KP-DIAOCHA' }.repeatFindings", equalTo(0));
    }

    @Test
    void aRecommendationIsIssuedAnsweredReturnedAcceptedAndFlaggedWhenOverdue() {
        ReviewCampaignTest.Scenario s = scenario();
        ReviewCampaignTest.scoreTwoFindings(s);
        Api district = admin("SFS-LJ");
        List<Long> findings = s.city().get().when().get("/api/v1/review/files/" + s.file()).then().extract().jsonPath()
                .getList("findings.id", Long.class);
        long jb = ReviewFixtures.unit("SFS-LJ-JB");
        String tomorrow = LocalDate.now().plusDays(2).toString();
        // the unit side cannot issue
        district.post().contentType("application/json").body(Map.of("unitId", jb, "body", "x", "deadline", tomorrow,
                "findingIds", findings)).when().post("/api/v1/review/campaigns/" + s.campaign() + "/recommendations").then()
                .statusCode(403);
        long id = s.city().post().contentType("application/json").body(Map.of("unitId", jb, "body",
                "针对调查取证不充分的问题，建议组织专题培训并完善取证规范。", "deadline", tomorrow, "findingIds", findings)).when()
                .post("/api/v1/review/campaigns/" + s.campaign() + "/recommendations").then().statusCode(201)
                .body("status", equalTo("ISSUED")).body("findings.size()", equalTo(2)).body("overdue", equalTo(false))
                .extract().jsonPath().getLong("id");
        // the issuer cannot answer; the unit answers with evidence
        district.post().multiPart("response", "已组织全队学习取证规范，补正 3 份案卷。", "text/plain; charset=UTF-8")
                .multiPart("evidence", "zhenggai.pdf", "%PDF-1.4\n%test\n".getBytes(), "application/pdf").when()
                .post("/api/v1/review/recommendations/" + id + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("evidence.size()", equalTo(1));
        String evidenceUrl = s.city().get().when().get("/api/v1/review/recommendations/" + id).then().extract().jsonPath()
                .getString("evidence[0].url");
        s.city().get().when().get(evidenceUrl).then().statusCode(200);
        admin("SFS-QS").get().when().get(evidenceUrl).then().statusCode(404);
        // returned with a note, answered again, accepted
        s.city().post().contentType("application/json").body(Map.of("accept", false)).when()
                .post("/api/v1/review/recommendations/" + id + "/decision").then().statusCode(400);
        s.city().post().contentType("application/json").body(Map.of("accept", false, "note", "请附培训签到表")).when()
                .post("/api/v1/review/recommendations/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("RETURNED"));
        district.post().multiPart("response", "补充培训签到表。", "text/plain; charset=UTF-8").when()
                .post("/api/v1/review/recommendations/" + id + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED"));
        s.city().post().contentType("application/json").body(Map.of("accept", true)).when()
                .post("/api/v1/review/recommendations/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        district.post().multiPart("response", "再次", "text/plain; charset=UTF-8").when()
                .post("/api/v1/review/recommendations/" + id + "/answer").then().statusCode(409);

        // a second one passes its deadline without an answer: overdue, flagged and reminded
        long late = s.city().post().contentType("application/json").body(Map.of("unitId", jb, "body", "限期整改文书说理问题。",
                "deadline", tomorrow, "findingIds", findings.subList(0, 1))).when()
                .post("/api/v1/review/campaigns/" + s.campaign() + "/recommendations").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> Recommendation.update("deadline = ?1 WHERE id = ?2",
                LocalDate.now().minusDays(3), late));
        s.city().get().when().get("/api/v1/review/recommendations/" + late).then().body("overdue", equalTo(true));
        s.city().get().when().get("/api/v1/review/insights").then().body("overdueRecommendations",
                org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        s.city().get().when().get("/").then().statusCode(200).body(containsString("todo-review-overdue"));
        district.get().when().get("/").then().statusCode(200).body(containsString("todo-review-answer"));
        int sent = QuarkusTransaction.requiringNew().call(() -> recommendations.remind());
        assertThat(sent).isPositive();
        long districtAccount = QuarkusTransaction.requiringNew().call(() -> Account.<Account> find("orgUnitId = ?1 AND "
                + "displayName = '测试 followup' ORDER BY id DESC", ReviewFixtures.unit("SFS-LJ")).firstResult().id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("accountId = ?1 AND dedupKey LIKE ?2",
                districtAccount, "review-rec-overdue-" + late + "-%"))).isEqualTo(1);
        // reminding again the same day sends nothing new
        assertThat(QuarkusTransaction.requiringNew().call(() -> recommendations.remind())).isZero();
    }
}
