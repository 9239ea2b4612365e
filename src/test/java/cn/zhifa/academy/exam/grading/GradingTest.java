package cn.zhifa.academy.exam.grading;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.ExamDeliveryTest;
import cn.zhifa.academy.exam.ExamFixtures;
import cn.zhifa.academy.exam.GradeBands;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.records.ExamRecord;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Objective scoring rules, the 案例分析 grading queue, results, item statistics and the export. */
@QuarkusTest
class GradingTest {

    @Inject
    ExamFixtures fixtures;

    @Inject
    TestAccounts accounts;

    static QuestionCache.Q q(QuestionType type, List<String> key) {
        return new QuestionCache.Q(1, "X", 1, type, "", List.of("a", "b", "c", "d"), key, null, List.of(), "", "行政处罚法",
                "33", "TY", 1);
    }

    @Test
    void objectiveRules() {
        BigDecimal two = new BigDecimal("2");
        QuestionCache.Q multi = q(QuestionType.MULTIPLE, List.of("0", "1", "3"));
        assertThat(Grading.score(multi, List.of("0", "1", "3"), two, null)).isEqualByComparingTo("2");
        // all or nothing by default
        assertThat(Grading.score(multi, List.of("0", "1"), two, null)).isEqualByComparingTo("0");
        // partial credit only for a correct subset, never with a wrong option
        assertThat(Grading.score(multi, List.of("0", "1"), two, new BigDecimal("0.5"))).isEqualByComparingTo("1");
        assertThat(Grading.score(multi, List.of("0", "2"), two, new BigDecimal("0.5"))).isEqualByComparingTo("0");
        assertThat(Grading.score(multi, List.of(), two, new BigDecimal("0.5"))).isEqualByComparingTo("0");
        QuestionCache.Q fill = q(QuestionType.FILL, List.of("两", "二", "2"));
        assertThat(Grading.score(fill, List.of(" ２ "), two, null)).isEqualByComparingTo("2");
        assertThat(Grading.score(fill, List.of("三"), two, null)).isEqualByComparingTo("0");
        QuestionCache.Q tf = q(QuestionType.TRUE_FALSE, List.of("0"));
        assertThat(Grading.score(tf, List.of("0"), two, null)).isEqualByComparingTo("2");
        assertThat(Grading.score(tf, List.of("1"), two, null)).isEqualByComparingTo("0");
        assertThat(Grading.score(q(QuestionType.CASE_ANALYSIS, List.of()), List.of("text"), two, null)).isNull();
        assertThat(GradeBands.parse(GradeBands.DEFAULT).bandOf(new BigDecimal("89.99"))).isEqualTo("良好");
        assertThat(GradeBands.tryParse("90:优秀,80:良好")).isEmpty();
    }

    @Test
    void caseAnalysisWaitsForAGraderWhoSeesTheReferenceAndSavesAsTheyGo() throws Exception {
        ExamFixtures.Built exam = fixtures.published(3, true, "AFTER_SUBMIT", 30, 1);
        long[] attempts = new long[3];
        for (int k = 0; k < 3; k++) {
            ExamFixtures.Candidate c = exam.candidates().get(k);
            long attempt = ExamDeliveryTest.start(c, exam.examId(), "d").getLong("attemptId");
            attempts[k] = attempt;
            // candidate k answers the first 5 + 3k items correctly, and writes the case answer
            for (int pos = 1; pos <= 15; pos++) {
                if (pos <= 5 + 3 * k || pos == 15) {
                    ExamDeliveryTest.save(c, attempt, pos, pos, ExamDeliveryTest.correct(attempt, pos), "d").then()
                            .statusCode(200);
                }
            }
            JsonPath submitted = c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(submitted.getString("status")).isEqualTo("SUBMITTED");
            assertThat((Object) submitted.get("score")).isNull();
            assertThat(submitted.getString("reviewNote")).contains("人工阅卷");
        }
        Api grader = exam.manager();
        List<Map<String, Object>> pending = grader.get().queryParam("exam", exam.examId()).when().get("/api/v1/grading")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(pending).hasSize(3);
        // a grader in another district does not see this city-level exam's answers
        Account far = accounts.create("far-grader", Roles.TRAINER, "SFS-LJ");
        Api farApi = Api.as(far.username, PASSWORD);
        assertThat(farApi.get().queryParam("exam", exam.examId()).when().get("/api/v1/grading").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
        farApi.get().when().get("/api/v1/grading/" + attempts[0] + "/15").then().statusCode(404);

        JsonPath task = grader.get().when().get("/api/v1/grading/" + attempts[0] + "/15").then().statusCode(200).extract()
                .jsonPath();
        assertThat(task.getString("referenceAnswer")).isNotBlank();
        assertThat(task.getString("response")).contains("第三十三条");
        assertThat(task.getList("rubric")).isNotEmpty();
        // a draft is saved without completing
        Map<String, Object> draft = new HashMap<>();
        draft.put("score", 6);
        draft.put("comment", "要点基本完整");
        draft.put("complete", false);
        grader.post().contentType("application/json").body(draft).when().put("/api/v1/grading/" + attempts[0] + "/15")
                .then().statusCode(200).body("completed", org.hamcrest.Matchers.is(false));
        assertThat(grader.get().when().get("/api/v1/grading/" + attempts[0] + "/15").jsonPath().getFloat("score"))
                .isEqualTo(6.0f);
        // out of range refused
        draft.put("score", 11);
        grader.post().contentType("application/json").body(draft).when().put("/api/v1/grading/" + attempts[0] + "/15")
                .then().statusCode(400);
        for (int k = 0; k < 3; k++) {
            Map<String, Object> done = new HashMap<>();
            done.put("score", 4 + 2 * k);
            done.put("complete", true);
            grader.post().contentType("application/json").body(done).when().put("/api/v1/grading/" + attempts[k] + "/15")
                    .then().statusCode(200).body("completed", org.hamcrest.Matchers.is(true));
        }
        // completed: graded, in the record, audited
        ExamFixtures.Candidate best = exam.candidates().get(2);
        JsonPath result = best.api().get().when().get("/api/v1/attempts/" + attempts[2] + "/result").jsonPath();
        assertThat(result.getString("status")).isEqualTo("GRADED");
        // 5 单选 ×2 + 3 多选 ×2 + 3 判断 = 19, plus the case 8
        assertThat(result.getDouble("score")).isEqualTo(27.0);
        assertThat(result.getBoolean("passed")).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ExamRecord.count("examId", exam.examId()))).isEqualTo(3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action", "exam.grade"))).isGreaterThanOrEqualTo(3);
        grader.post().contentType("application/json").body(Map.of("score", 1, "complete", true)).when()
                .put("/api/v1/grading/" + attempts[0] + "/15").then().statusCode(409);

        // item statistics: the first items everyone got right are easy and do not discriminate
        List<Map<String, Object>> stats = grader.get().when().get("/api/v1/exams/" + exam.examId() + "/item-stats").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(stats).isNotEmpty();
        List<String> results = grader.get().when().get("/api/v1/exams/" + exam.examId() + "/results").then().statusCode(200)
                .extract().jsonPath().getList("band");
        assertThat(results).hasSize(3);
        byte[] xlsx = grader.get().when().get("/api/v1/exams/" + exam.examId() + "/results.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("成绩").getRow(2).getCell(1).getStringCellValue()).isEqualTo(best.person().name);
            assertThat(wb.getSheet("试题分析").getLastRowNum()).isGreaterThanOrEqualTo(15);
        }
        JsonPath monitor = grader.get().when().get("/api/v1/exams/" + exam.examId() + "/monitor").then().statusCode(200)
                .extract().jsonPath();
        assertThat(monitor.getLong("eligible")).isEqualTo(3);
        assertThat(monitor.getLong("submitted")).isEqualTo(3);
        assertThat(monitor.getLong("answering")).isZero();
    }
}
