package cn.zhifa.academy.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.exam.grading.GradingQueue;
import cn.zhifa.academy.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 13 item 4: graders of a qualification exam see "考生 #n", not names (on by default, a
 * setting of the exam); an annual exam shows names unless set otherwise; a rubric whose total
 * differs from the question's value in the exam is shown scaled, with a note.
 */
@QuarkusTest
class AnonymousGradingTest {

    @Inject
    ExamFixtures fixtures;

    private static long submitWithCase(ExamFixtures.Candidate c, long examId) {
        long attempt = ExamDeliveryTest.start(c, examId, "d").getLong("attemptId");
        ExamDeliveryTest.save(c, attempt, 15, 1, ExamDeliveryTest.correct(attempt, 15), "d").then().statusCode(200);
        c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(200);
        return attempt;
    }

    private static Document page(Api who, String path) {
        return Jsoup.parse(who.get().when().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void qualificationExamIsGradedAnonymouslyByDefault() {
        ExamFixtures.Built exam = fixtures.published(2, true, "AFTER_SUBMIT", 30, 1);
        long first = submitWithCase(exam.candidates().get(0), exam.examId());
        submitWithCase(exam.candidates().get(1), exam.examId());
        Api grader = exam.manager();

        JsonPath view = grader.get().when().get("/api/v1/exams/" + exam.examId()).then().statusCode(200).extract().jsonPath();
        assertThat(view.getBoolean("anonymousGrading")).isTrue();

        List<Map<String, Object>> pending = grader.get().queryParam("exam", exam.examId()).when().get("/api/v1/grading")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(pending).hasSize(2);
        assertThat(pending).allSatisfy(p -> {
            assertThat(p.get("anonymous")).isEqualTo(true);
            assertThat(p.get("candidate")).isNull();
        });
        assertThat(pending.stream().map(p -> p.get("candidateNo")).toList()).containsExactlyInAnyOrder(1, 2);

        Document queue = page(grader, "/exam-admin/grading?exam=" + exam.examId());
        String names = exam.candidates().get(0).person().name;
        assertThat(queue.select("#pending-list").text()).contains("考生 #1").contains("考生 #2").doesNotContain(names)
                .doesNotContain(exam.candidates().get(1).person().name);
        Document task = page(grader, "/exam-admin/grading/" + first + "/15?exam=" + exam.examId());
        assertThat(task.select("#candidate").text()).contains("考生 #1").doesNotContain(names);
        assertThat(task.text()).doesNotContain(names);
        JsonPath t = grader.get().when().get("/api/v1/grading/" + first + "/15").then().statusCode(200).extract().jsonPath();
        assertThat((Object) t.get("candidate")).isNull();
        BigDecimal total = new BigDecimal(t.getString("rubricTotal"));
        BigDecimal points = new BigDecimal(t.getString("points"));
        // the note shows exactly when the rubric and the exam's value disagree
        assertThat(task.select("#rubric-scaled").isEmpty()).isEqualTo(total.compareTo(points) == 0);
    }

    @Test
    void annualExamShowsNamesAndTheSettingCanTurnAnonymityOn() {
        Api manager = fixtures.manager();
        long blueprint = fixtures.blueprint(manager, ExamFixtures.mixedSections(true), 19);
        List<ExamFixtures.Candidate> candidates = fixtures.candidates(1);
        Map<String, Object> body = ExamFixtures.exam(blueprint, candidates, "AFTER_SUBMIT", 30, 1);
        body.put("purpose", "ANNUAL");
        long id = manager.post().contentType("application/json").body(body).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertThat(manager.get().when().get("/api/v1/exams/" + id).jsonPath().getBoolean("anonymousGrading")).isFalse();
        manager.post().when().post("/api/v1/exams/" + id + "/publish").then().statusCode(200);
        long attempt = submitWithCase(candidates.get(0), id);
        assertThat(page(manager, "/exam-admin/grading?exam=" + id).select("#pending-list").text())
                .contains(candidates.get(0).person().name);
        assertThat(page(manager, "/exam-admin/grading/" + attempt + "/15").select("#candidate").text())
                .contains(candidates.get(0).person().name);

        // the exam form offers the setting; an explicit ON on an annual exam hides names
        Document form = page(manager, "/exam-admin/exams/new");
        assertThat(form.select("select#anonymousGrading option").eachAttr("value")).containsExactly("AUTO", "ON", "OFF");
        Map<String, Object> second = ExamFixtures.exam(blueprint, fixtures.candidates(1), "AFTER_SUBMIT", 30, 1);
        second.put("purpose", "ANNUAL");
        second.put("anonymousGrading", "ON");
        long id2 = manager.post().contentType("application/json").body(second).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertThat(manager.get().when().get("/api/v1/exams/" + id2).jsonPath().getBoolean("anonymousGrading")).isTrue();
    }

    /**
     * Seeing the name behind "考生 #n" is an explicit act: without a reason it is refused under
     * the field and nothing is audited; with one the name shows once and the reveal is in the
     * audit log (grader, answer, number, reason); the next view is anonymous again. An exam
     * graded with names has nothing to reveal.
     */
    @Test
    void revealingANameNeedsAReasonIsAuditedAndShowsOnce() {
        ExamFixtures.Built exam = fixtures.published(1, true, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = submitWithCase(c, exam.examId());
        Api grader = exam.manager();
        String task = "/exam-admin/grading/" + attempt + "/15";
        java.util.function.LongSupplier reveals = () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> cn.zhifa.academy.platform.audit.AuditEvent.count("action = ?1 AND entityId = ?2", "exam.grading_reveal",
                        String.valueOf(attempt)));

        Document before = page(grader, task);
        assertThat(before.select("#reveal-form").attr("action")).isEqualTo(task + "/reveal");
        assertThat(before.text()).doesNotContain(c.person().name);

        // no reason: refused under the field, no name, nothing audited
        io.restassured.response.Response refused = ExamAdminPagesTest.form(grader, task).formParam("reason", "  ")
                .post(task + "/reveal");
        assertThat(refused.statusCode()).isEqualTo(400);
        Document r = Jsoup.parse(refused.asString());
        assertThat(r.select("#reveal-error").text()).isEqualTo("请写明查看考生姓名的原因");
        assertThat(r.text()).doesNotContain(c.person().name);
        grader.post().contentType("application/json").body(Map.of()).when()
                .post("/api/v1/grading/" + attempt + "/15/reveal").then().statusCode(400);
        assertThat(reveals.getAsLong()).isZero();

        // with a reason: shown once, audited with the reason
        io.restassured.response.Response shown = ExamAdminPagesTest.form(grader, task).formParam("reason", "考生申诉，核对身份")
                .post(task + "/reveal");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(shown.asString()).select("#revealed").text()).contains(c.person().name).contains("审计");
        assertThat(reveals.getAsLong()).isOne();
        String detail = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> cn.zhifa.academy.platform.audit.AuditEvent.<cn.zhifa.academy.platform.audit.AuditEvent> find(
                        "action = ?1 AND entityId = ?2", "exam.grading_reveal", String.valueOf(attempt)).firstResult().detail);
        assertThat(detail).contains("考生申诉，核对身份").contains("\"candidateNo\":1");
        // the next view is anonymous again
        assertThat(page(grader, task).text()).doesNotContain(c.person().name);

        // the API: the name for a reason, audited too
        JsonPath api = grader.post().contentType("application/json").body(Map.of("reason", "复核成绩")).when()
                .post("/api/v1/grading/" + attempt + "/15/reveal").then().statusCode(200).extract().jsonPath();
        assertThat(api.getString("candidate")).isEqualTo(c.person().name);
        assertThat(api.getInt("candidateNo")).isEqualTo(1);
        assertThat(reveals.getAsLong()).isEqualTo(2);

        // a learner cannot ask; an exam graded with names has nothing to reveal
        c.api().post().contentType("application/json").body(Map.of("reason", "x")).when()
                .post("/api/v1/grading/" + attempt + "/15/reveal").then().statusCode(403);
        Api manager = fixtures.manager();
        long blueprint = fixtures.blueprint(manager, ExamFixtures.mixedSections(true), 19);
        List<ExamFixtures.Candidate> named = fixtures.candidates(1);
        Map<String, Object> body = ExamFixtures.exam(blueprint, named, "AFTER_SUBMIT", 30, 1);
        body.put("purpose", "ANNUAL");
        long annual = manager.post().contentType("application/json").body(body).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        manager.post().when().post("/api/v1/exams/" + annual + "/publish").then().statusCode(200);
        long open = submitWithCase(named.get(0), annual);
        assertThat(page(manager, "/exam-admin/grading/" + open + "/15").select("#reveal-form")).isEmpty();
        manager.post().contentType("application/json").body(Map.of("reason", "x")).when()
                .post("/api/v1/grading/" + open + "/15/reveal").then().statusCode(409);
    }

    /** Rubric totals of the active 案例分析 questions (what each is worth by its rubric). */
    static List<BigDecimal> caseTotals() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> QuestionVersion.<QuestionVersion> list(
                "id IN (SELECT q.currentVersionId FROM Question q WHERE q.status = ?1) AND type = ?2",
                Question.Status.ACTIVE, QuestionType.CASE_ANALYSIS).stream()
                .map(v -> v.rubric().isEmpty() ? v.defaultPoints
                        : v.rubric().stream().map(r -> r.score() == null ? BigDecimal.ZERO : r.score())
                                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .filter(t -> t != null && t.signum() > 0).toList());
    }

    /**
     * Issue 13 item 4 at save time: a blueprint whose 案例分析 section gives each question another
     * value than the questions' rubrics add up to says so on its page (how many, examples); one
     * that agrees with every question it may draw says nothing.
     */
    @Test
    void aBlueprintWarnsWhenItsCaseSectionDisagreesWithTheRubrics() {
        Api manager = fixtures.manager();
        List<BigDecimal> totals = caseTotals();
        assertThat(totals).isNotEmpty();
        long odd = fixtures.blueprint(manager, List.of(ExamFixtures.section("案例分析", 1, 7)), 4);
        Document page = page(manager, "/exam-admin/blueprints/" + odd + "?done=created");
        long differing = totals.stream().filter(t -> t.compareTo(BigDecimal.valueOf(7)) != 0).count();
        assertThat(page.select("#done").text()).contains("已保存");
        assertThat(page.select("#rubric-warning").text()).contains("第 1 部分每题 7 分").contains("有 " + differing + " 道");

        BigDecimal common = totals.stream().collect(java.util.stream.Collectors.groupingBy(t -> t.stripTrailingZeros(),
                java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long agreeing = fixtures.blueprint(manager, List.of(ExamFixtures.section("案例分析", 1, common.doubleValue())), 1);
        long stillDiffering = totals.stream().filter(t -> t.compareTo(common) != 0).count();
        Document same = page(manager, "/exam-admin/blueprints/" + agreeing);
        if (stillDiffering == 0) {
            assertThat(same.select("#rubric-warning")).isEmpty();
        } else {
            assertThat(same.select("#rubric-warning").text()).contains("有 " + stillDiffering + " 道");
        }
        // sections of other types are never checked
        long plain = fixtures.blueprint(manager, List.of(ExamFixtures.section("判断", 2, 3)), 1);
        assertThat(page(manager, "/exam-admin/blueprints/" + plain).select("#rubric-warning")).isEmpty();
    }

    @Test
    void rubricScoresAreScaledToTheExamsValue() {
        List<Json.RubricPoint> rubric = List.of(new Json.RubricPoint("a", new BigDecimal("3")),
                new Json.RubricPoint("b", new BigDecimal("17")));
        GradingQueue.Task t = new GradingQueue.Task(1, 1, 1, "x", "", "", rubric, "", new BigDecimal("10"), null, null,
                false, null, true, 1, null, new BigDecimal("20"));
        assertThat(t.rubricScaled()).isTrue();
        assertThat(t.scaled(new BigDecimal("3"))).isEqualByComparingTo("1.5");
        assertThat(t.scaled(new BigDecimal("17"))).isEqualByComparingTo("8.5");
        GradingQueue.Task same = new GradingQueue.Task(1, 1, 1, "x", "", "", rubric, "", new BigDecimal("20"), null, null,
                false, null, true, 1, null, new BigDecimal("20"));
        assertThat(same.rubricScaled()).isFalse();
        assertThat(same.scaled(new BigDecimal("3"))).isEqualByComparingTo("3");
    }
}
