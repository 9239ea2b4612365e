package cn.zhifa.academy.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.exam.delivery.AnswerEvent;
import cn.zhifa.academy.exam.delivery.AutoSubmitJob;
import cn.zhifa.academy.exam.delivery.CandidateResource;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.records.ExamRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Delivery: papers, saves with sequence numbers, deadlines and grace, devices, submission, keys. */
@QuarkusTest
public class ExamDeliveryTest {

    @Inject
    ExamFixtures fixtures;

    @Inject
    AutoSubmitJob autoSubmit;

    static final String DEVICE = CandidateResource.DEVICE;

    public static JsonPath start(ExamFixtures.Candidate c, long examId, String device) {
        return c.api().post().header(DEVICE, device).when().post("/api/v1/my/exams/" + examId + "/attempts").then()
                .statusCode(201).extract().jsonPath();
    }

    /**
     * Every candidate presses 开始 at the same time, candidate i from device {@code prefix + i};
     * the answers (each checked for 201) in the candidates' order.
     */
    public static List<JsonPath> startTogether(List<ExamFixtures.Candidate> candidates, long examId, String prefix)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(candidates.size());
        List<java.util.concurrent.CompletableFuture<JsonPath>> started = new ArrayList<>();
        try {
            for (int i = 0; i < candidates.size(); i++) {
                ExamFixtures.Candidate c = candidates.get(i);
                String device = prefix + i;
                started.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> start(c, examId, device), pool));
            }
            java.util.concurrent.CompletableFuture.allOf(started.toArray(java.util.concurrent.CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        List<JsonPath> out = new ArrayList<>();
        for (var f : started) {
            out.add(f.get());
        }
        return out;
    }

    public static Response save(ExamFixtures.Candidate c, long attemptId, int position, long seq, List<String> answer,
            String device) {
        Map<String, Object> body = new HashMap<>();
        body.put("seq", seq);
        body.put("answer", answer);
        return c.api().post().header(DEVICE, device).contentType("application/json").body(body).when()
                .put("/api/v1/attempts/" + attemptId + "/answers/" + position);
    }

    /** The right answer for a paper item, in the candidate's displayed option order. */
    public static List<String> correct(long attemptId, int position) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AttemptItem i = AttemptItem.find("attemptId = ?1 AND position = ?2", attemptId, position).firstResult();
            QuestionVersion v = QuestionVersion.findById(i.questionVersionId);
            List<String> key = v.key();
            switch (v.type) {
                case SINGLE, MULTIPLE: {
                    int[] order = i.order();
                    List<String> shown = new ArrayList<>();
                    for (int j = 0; j < order.length; j++) {
                        if (key.contains(String.valueOf(order[j]))) {
                            shown.add(String.valueOf(j));
                        }
                    }
                    return shown;
                }
                case FILL:
                    return List.of(key.get(0));
                case TRUE_FALSE:
                    return key;
                default:
                    return List.of("本案应当依照行政处罚法第三十三条处理。");
            }
        });
    }

    public static void setDeadline(long attemptId, Instant deadline) {
        QuarkusTransaction.requiringNew().run(() -> ExamAttempt.update("deadlineAt = ?1 WHERE id = ?2", deadline, attemptId));
    }

    @Test
    void papersFollowTheBlueprintAndDifferBetweenCandidates() {
        ExamFixtures.Built exam = fixtures.published(2, true, "AFTER_SUBMIT", 30, 1);
        JsonPath a = start(exam.candidates().get(0), exam.examId(), "dev-a");
        JsonPath b = start(exam.candidates().get(1), exam.examId(), "dev-b");
        for (JsonPath p : List.of(a, b)) {
            List<String> types = p.getList("items.type");
            assertThat(types).hasSize(15);
            Map<String, Long> byType = types.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
            assertThat(byType).containsEntry("SINGLE", 5L).containsEntry("MULTIPLE", 3L).containsEntry("TRUE_FALSE", 4L)
                    .containsEntry("FILL", 2L).containsEntry("CASE_ANALYSIS", 1L);
            assertThat(p.getDouble("maxScore")).isEqualTo(32.0);
            // sections come in blueprint order, points as set
            assertThat(p.getList("items.section", Integer.class)).isSorted();
            assertThat(p.getList("items.points", Float.class).subList(0, 5)).containsOnly(2.0f);
            // every question at most once
            long attemptId = p.getLong("attemptId");
            List<Long> versions = QuarkusTransaction.requiringNew().call(() -> AttemptItem.<AttemptItem> list(
                    "attemptId", attemptId).stream().map(i -> i.questionVersionId).toList());
            assertThat(Set.copyOf(versions)).hasSize(15);
            // single-choice sections drew only from the law the section names
            List<String> laws = QuarkusTransaction.requiringNew().call(() -> AttemptItem.<AttemptItem> list(
                    "attemptId = ?1 AND sectionPosition = 1", attemptId).stream()
                    .map(i -> QuestionVersion.<QuestionVersion> findById(i.questionVersionId).law).toList());
            assertThat(laws).containsOnly("行政处罚法");
        }
        // "卷卷不同": the two papers differ in questions or order
        assertThat(a.getList("items.question")).isNotEqualTo(b.getList("items.question"));
        // pressing 开始 again resumes the same attempt
        assertThat(start(exam.candidates().get(0), exam.examId(), "dev-a").getLong("attemptId"))
                .isEqualTo(a.getLong("attemptId"));
    }

    @Test
    void anOlderSequenceNeverOverwritesANewerOneAndRepeatsAreHarmless() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = start(c, exam.examId(), "d1").getLong("attemptId");
        save(c, attempt, 1, 5, List.of("0"), "d1").then().statusCode(200).body("outcome", org.hamcrest.Matchers.is("APPLIED"));
        save(c, attempt, 1, 3, List.of("1"), "d1").then().statusCode(200).body("outcome", org.hamcrest.Matchers.is("STALE"))
                .body("seq", org.hamcrest.Matchers.is(5));
        save(c, attempt, 1, 5, List.of("0"), "d1").then().statusCode(200).body("outcome", org.hamcrest.Matchers.is("STALE"));
        JsonPath paper = c.api().get().header(DEVICE, "d1").when().get("/api/v1/attempts/" + attempt).then()
                .statusCode(200).extract().jsonPath();
        assertThat(paper.getList("items[0].answer")).containsExactly("0");
        assertThat(paper.getLong("items[0].seq")).isEqualTo(5);
        // every save is kept for appeals, applied or not
        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> AnswerEvent.<AnswerEvent> list(
                "attemptId = ?1 ORDER BY id", attempt).stream().map(e -> e.outcome.name()).toList());
        assertThat(outcomes).containsExactly("APPLIED", "STALE", "STALE");
        // a malformed answer is refused with problem+json
        save(c, attempt, 1, 9, List.of("7"), "d1").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        save(c, attempt, 99, 9, List.of("0"), "d1").then().statusCode(404);
    }

    @Test
    void savesInFlightAtTheDeadlineAreAcceptedWithinGraceAndRefusedAfter() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = start(c, exam.examId(), "d1").getLong("attemptId");
        setDeadline(attempt, Instant.now().minusSeconds(20));
        save(c, attempt, 1, 1, correct(attempt, 1), "d1").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.is("APPLIED"));
        setDeadline(attempt, Instant.now().minusSeconds(61));
        save(c, attempt, 2, 2, correct(attempt, 2), "d1").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("detail", containsString("考试时间已到"));
        QuarkusTransaction.requiringNew().run(() -> {
            AttemptItem second = AttemptItem.find("attemptId = ?1 AND position = 2", attempt).firstResult();
            assertThat(second.answerJson).isNull();
            assertThat(AnswerEvent.count("attemptId = ?1 AND outcome = ?2", attempt, AnswerEvent.Outcome.LATE)).isEqualTo(1);
        });
    }

    @Test
    void autoSubmitGradesEverySavedAnswerAndADoubleSubmitChangesNothing() {
        ExamFixtures.Built exam = fixtures.published(2, false, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = start(c, exam.examId(), "d1").getLong("attemptId");
        // answer the first six items correctly: 5 单选 × 2 + 1 多选 × 2 = 12 points
        for (int pos = 1; pos <= 6; pos++) {
            save(c, attempt, pos, pos, correct(attempt, pos), "d1").then().statusCode(200);
        }
        setDeadline(attempt, Instant.now().minusSeconds(120));
        assertThat(autoSubmit.runOnce(Instant.now())).isGreaterThanOrEqualTo(1);
        JsonPath result = c.api().get().when().get("/api/v1/attempts/" + attempt + "/result").then().statusCode(200)
                .extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("GRADED");
        assertThat(result.getString("submitKind")).isEqualTo("AUTO");
        assertThat(result.getDouble("score")).isEqualTo(12.0);
        assertThat(result.getDouble("maxScore")).isEqualTo(22.0);
        assertThat(result.getBoolean("passed")).isFalse();
        // every item is graded in the database, by the system: the six answered ones full marks, the rest 0
        QuarkusTransaction.requiringNew().run(() -> {
            List<AttemptItem> items = AttemptItem.list("attemptId = ?1 ORDER BY position", attempt);
            assertThat(items).isNotEmpty().allSatisfy(i -> {
                assertThat(i.gradedBy).isEqualTo("system");
                assertThat(i.gradedAt).isNotNull();
                assertThat(i.score).isEqualByComparingTo(i.position <= 6 ? i.points : java.math.BigDecimal.ZERO);
            });
        });
        // the kept result reached the record
        ExamRecord rec = QuarkusTransaction.requiringNew().call(() -> ExamRecord.<ExamRecord> find(
                "personId = ?1 AND examId = ?2", c.person().id, exam.examId()).firstResult());
        assertThat(rec.score).isEqualByComparingTo("54.55");
        assertThat(rec.band).isEqualTo("不合格");
        // a second submit (or the job again) is harmless
        c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(200)
                .body("score", org.hamcrest.Matchers.is(12.0f)).body("submitKind", org.hamcrest.Matchers.is("AUTO"));
        assertThat(autoSubmit.runOnce(Instant.now())).isZero();
        save(c, attempt, 7, 100, List.of("0"), "d1").then().statusCode(409).body("detail", containsString("已交卷"));

        // the second candidate submits by hand, twice: one result, full marks
        ExamFixtures.Candidate d = exam.candidates().get(1);
        long other = start(d, exam.examId(), "x").getLong("attemptId");
        for (int pos = 1; pos <= 14; pos++) {
            save(d, other, pos, pos, correct(other, pos), "x").then().statusCode(200);
        }
        JsonPath first = d.api().post().when().post("/api/v1/attempts/" + other + "/submit").then().statusCode(200)
                .extract().jsonPath();
        JsonPath second = d.api().post().when().post("/api/v1/attempts/" + other + "/submit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getDouble("score")).isEqualTo(22.0);
        assertThat(second.getString("submittedAt")).isEqualTo(first.getString("submittedAt"));
        assertThat(first.getString("band")).isEqualTo("优秀");
    }

    @Test
    void anotherDeviceTakesOverOnlyAfterConfirmingAndTheFirstIsTold() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = start(c, exam.examId(), "phone").getLong("attemptId");
        save(c, attempt, 1, 1, List.of("0"), "phone").then().statusCode(200);
        c.api().get().header(DEVICE, "tablet").when().get("/api/v1/attempts/" + attempt).then().statusCode(409)
                .body("title", org.hamcrest.Matchers.is("Device takeover required"));
        save(c, attempt, 2, 2, List.of("0"), "tablet").then().statusCode(409);
        JsonPath taken = c.api().post().header(DEVICE, "tablet").when().post("/api/v1/attempts/" + attempt + "/takeover")
                .then().statusCode(200).extract().jsonPath();
        assertThat(taken.getList("items[0].answer")).containsExactly("0");
        save(c, attempt, 2, 3, List.of("1"), "phone").then().statusCode(409)
                .body("title", org.hamcrest.Matchers.is("Device replaced"));
        save(c, attempt, 2, 4, List.of("1"), "tablet").then().statusCode(200);
        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = ?1 AND entityId = ?2", "exam.attempt.takeover", String.valueOf(attempt)));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void anOverrideReachesARunningAttemptAtOnce() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        JsonPath paper = start(c, exam.examId(), "d1");
        long attempt = paper.getLong("attemptId");
        Instant before = Instant.parse(paper.getString("deadline"));
        Map<String, Object> o = new HashMap<>();
        o.put("employeeNo", c.person().employeeNo);
        o.put("extraMinutes", 15);
        exam.manager().post().contentType("application/json").body(o).when()
                .post("/api/v1/exams/" + exam.examId() + "/overrides").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("reason"));
        o.put("reason", "视力障碍，按规定延长考试时间");
        o.put("extraAttempts", 1);
        exam.manager().post().contentType("application/json").body(o).when()
                .post("/api/v1/exams/" + exam.examId() + "/overrides").then().statusCode(200);
        Instant after = Instant.parse(c.api().get().header(DEVICE, "d1").when().get("/api/v1/attempts/" + attempt).then()
                .statusCode(200).extract().jsonPath().getString("deadline"));
        assertThat(after).isEqualTo(before.plusSeconds(15 * 60));
        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = ?1 AND entityId = ?2", "exam.override", String.valueOf(exam.examId())));
        assertThat(audited).isEqualTo(1);
        // the extra attempt: after submitting, a second attempt may start
        c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(200);
        assertThat(start(c, exam.examId(), "d1").getInt("number")).isEqualTo(2);
    }

    @Test
    void aCandidateCannotReadOrWriteAnotherCandidatesAttempt() {
        ExamFixtures.Built exam = fixtures.published(2, false, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate owner = exam.candidates().get(0);
        ExamFixtures.Candidate other = exam.candidates().get(1);
        long attempt = start(owner, exam.examId(), "d1").getLong("attemptId");
        other.api().get().header(DEVICE, "d1").when().get("/api/v1/attempts/" + attempt).then().statusCode(404);
        save(other, attempt, 1, 1, List.of("0"), "d1").then().statusCode(404);
        other.api().post().header(DEVICE, "d1").when().post("/api/v1/attempts/" + attempt + "/takeover").then()
                .statusCode(404);
        other.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(404);
        other.api().get().when().get("/api/v1/attempts/" + attempt + "/result").then().statusCode(404);
        // a candidate cannot use the manager API either
        other.api().get().when().get("/api/v1/exams/" + exam.examId() + "/results").then().statusCode(403);
        QuarkusTransaction.requiringNew().run(() -> assertThat(AnswerEvent.count("attemptId", attempt)).isZero());
    }

    @Test
    void keysNeverReachTheCandidateBeforeTheReviewPolicyAllows() {
        ExamFixtures.Built closing = fixtures.published(1, false, "AFTER_CLOSE", 30, 1);
        ExamFixtures.Candidate c = closing.candidates().get(0);
        Response started = c.api().post().header(DEVICE, "d1").when()
                .post("/api/v1/my/exams/" + closing.examId() + "/attempts");
        long attempt = started.jsonPath().getLong("attemptId");
        List<String> secrets = QuarkusTransaction.requiringNew().call(() -> AttemptItem.<AttemptItem> list("attemptId",
                attempt).stream().map(i -> QuestionVersion.<QuestionVersion> findById(i.questionVersionId).explanation)
                .toList());
        List<String> bodies = new ArrayList<>();
        bodies.add(started.asString());
        bodies.add(c.api().get().header(DEVICE, "d1").when().get("/api/v1/attempts/" + attempt).asString());
        bodies.add(save(c, attempt, 1, 1, correct(attempt, 1), "d1").asString());
        bodies.add(c.api().get().when().get("/api/v1/my/exams").asString());
        bodies.add(c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").asString());
        bodies.add(c.api().get().when().get("/api/v1/attempts/" + attempt + "/result").asString());
        for (String body : bodies) {
            assertThat(body).doesNotContain("\"key\"", "explanation\":\"依据", "referenceAnswer\":\"");
            for (String secret : secrets) {
                assertThat(body).doesNotContain(secret.substring(0, Math.min(20, secret.length())));
            }
        }
        JsonPath result = c.api().get().when().get("/api/v1/attempts/" + attempt + "/result").jsonPath();
        assertThat(result.getBoolean("reviewAvailable")).isFalse();
        assertThat(result.getList("review")).isEmpty();
        assertThat(result.getString("reviewNote")).contains("截止后");

        // the same candidate's result under AFTER_SUBMIT shows keys and explanations
        ExamFixtures.Built open = fixtures.published(1, false, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate d = open.candidates().get(0);
        long a2 = start(d, open.examId(), "d1").getLong("attemptId");
        JsonPath reviewed = d.api().post().when().post("/api/v1/attempts/" + a2 + "/submit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(reviewed.getBoolean("reviewAvailable")).isTrue();
        assertThat(reviewed.getList("review.key")).hasSize(14).doesNotContainNull();
        assertThat(reviewed.getString("review[0].explanation")).startsWith("依据");
    }

    /** Issue 12 item 17: with several attempts, keys seen after one attempt would help in the next. */
    @Test
    void afterSubmitShowsKeysOnlyAfterTheLastAttempt() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 30, 2);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long first = start(c, exam.examId(), "d1").getLong("attemptId");
        JsonPath one = c.api().post().when().post("/api/v1/attempts/" + first + "/submit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(one.getBoolean("reviewAvailable")).isFalse();
        assertThat(one.getList("review")).isEmpty();
        assertThat(one.getString("reviewNote")).contains("最后一次作答后");
        assertThat(c.api().get().when().get("/api/v1/attempts/" + first + "/result").asString())
                .doesNotContain("explanation\":\"依据");

        long second = start(c, exam.examId(), "d1").getLong("attemptId");
        JsonPath two = c.api().post().when().post("/api/v1/attempts/" + second + "/submit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(two.getBoolean("reviewAvailable")).isTrue();
        assertThat(two.getList("review.key")).isNotEmpty().doesNotContainNull();
        assertThat(c.api().get().when().get("/api/v1/attempts/" + first + "/result").jsonPath()
                .getBoolean("reviewAvailable")).isTrue();
    }
}
