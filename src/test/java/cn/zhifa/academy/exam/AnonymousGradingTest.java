package cn.zhifa.academy.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

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
