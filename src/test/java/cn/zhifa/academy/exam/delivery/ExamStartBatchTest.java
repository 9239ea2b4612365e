package cn.zhifa.academy.exam.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.ExamDeliveryTest;
import cn.zhifa.academy.exam.ExamFixtures;

/**
 * Issue 11, second round: 开始 on a paper this node holds prepared goes through the batch writer
 * (one UPDATE for every start waiting, the answer after its commit) and sends the items rendered
 * when the paper was drawn; the answer is the same paper the full path and the re-fetch give.
 */
@QuarkusTest
class ExamStartBatchTest {

    @Inject
    ExamFixtures fixtures;

    @Inject
    PaperPreparation preparation;

    @Inject
    PaperCache cache;

    @Inject
    StartWriter writer;

    @Test
    void simultaneousStartsAreWrittenInSharedBatchesAndSendThePreparedPaper() throws Exception {
        int n = 6;
        ExamFixtures.Built exam = fixtures.published(n, true, "AFTER_SUBMIT", 25, 1);
        preparation.prepare(exam.examId());
        for (ExamFixtures.Candidate c : exam.candidates()) {
            assertThat(cache.get(exam.examId(), c.person().id)).as("held in memory, rendered").isNotNull();
        }
        long[] before = writer.counts();
        Instant pressed = Instant.now();
        List<JsonPath> started = ExamDeliveryTest.startTogether(exam.candidates(), exam.examId(), "batch-");
        long[] after = writer.counts();
        assertThat(after[1] - before[1]).as("every start written by the batch writer").isEqualTo(n);
        assertThat(after[0] - before[0]).as("batches").isBetween(1L, (long) n);

        for (int i = 0; i < n; i++) {
            ExamFixtures.Candidate c = exam.candidates().get(i);
            JsonPath p = started.get(i);
            long attempt = p.getLong("attemptId");
            ExamAttempt a = QuarkusTransaction.requiringNew().call(() -> ExamAttempt.<ExamAttempt> findById(attempt));
            assertThat(a.personId).isEqualTo(c.person().id);
            assertThat(a.status).isEqualTo(ExamAttempt.Status.IN_PROGRESS);
            assertThat(a.deviceId).isEqualTo("batch-" + i);
            // the answer carries what was stored: start and deadline, counted from delivery
            assertThat(Instant.parse(p.getString("startedAt"))).isEqualTo(a.startedAt).isAfterOrEqualTo(
                    pressed.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(Duration.between(a.startedAt, a.deadlineAt)).isEqualTo(Duration.ofMinutes(25));
            // the pre-rendered paper is the paper: the same as a re-fetch gives
            JsonPath again = c.api().get().header(CandidateResource.DEVICE, "batch-" + i).when()
                    .get("/api/v1/attempts/" + attempt).then().statusCode(200).extract().jsonPath();
            for (String field : List.of("attemptId", "examId", "examTitle", "number", "status", "startedAt", "deadline",
                    "graceSeconds", "maxScore")) {
                assertThat(p.getString(field)).as(field).isEqualTo(again.getString(field));
            }
            List<Map<String, Object>> items = p.getList("items");
            assertThat(items).hasSize(15).isEqualTo(again.getList("items"));
            assertThat(cache.get(exam.examId(), c.person().id)).as("no longer a prepared paper").isNull();
            // the question document needs no query for someone seen starting here
            assertThat(cache.knownStarted(exam.examId(), c.person().id)).isTrue();
            c.api().get().when().get("/api/v1/my/exams/" + exam.examId() + "/questions").then().statusCode(200);
            // and a save right after needs no layout read either (answered, stored)
            ExamDeliveryTest.save(c, attempt, 1, 1, List.of("0"), "batch-" + i).then().statusCode(200);
        }
        // 开始 again: the same attempt, through the full path
        ExamFixtures.Candidate first = exam.candidates().get(0);
        assertThat(ExamDeliveryTest.start(first, exam.examId(), "batch-0").getLong("attemptId"))
                .isEqualTo(started.get(0).getLong("attemptId"));
    }
}
