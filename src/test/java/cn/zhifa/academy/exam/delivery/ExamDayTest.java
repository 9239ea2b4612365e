package cn.zhifa.academy.exam.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.ExamAudience;
import cn.zhifa.academy.exam.ExamDeliveryTest;
import cn.zhifa.academy.exam.ExamFixtures;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 11, exam day at city scale: papers prepared before the bell, 开始 as one UPDATE, the
 * shared question document, the deadline counted from delivery (also after a 503 of admission
 * control), late joiners and the true reason of every refused save.
 */
@QuarkusTest
class ExamDayTest {

    static final String DEVICE = CandidateResource.DEVICE;

    @Inject
    ExamFixtures fixtures;

    @Inject
    PaperPreparation preparation;

    @Inject
    ExamAdmission admission;

    @Inject
    QuestionDocument documents;

    private static List<ExamAttempt> attempts(long examId) {
        return QuarkusTransaction.requiringNew().call(() -> ExamAttempt.<ExamAttempt> list("examId = ?1 ORDER BY id",
                examId));
    }

    private static List<AttemptItem> items(long attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> AttemptItem.<AttemptItem> list(
                "attemptId = ?1 ORDER BY position", attemptId));
    }

    private static ExamAttempt attempt(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ExamAttempt.<ExamAttempt> findById(id));
    }

    @Test
    void papersArePreparedBeforeTheBellFollowTheBlueprintDifferAndStayInvisibleUntilStarted() {
        ExamFixtures.Built exam = fixtures.published(3, true, "AFTER_SUBMIT", 30, 1);
        preparation.prepare(exam.examId()); // what publishing set off in the background, done now
        List<ExamAttempt> prepared = attempts(exam.examId());
        assertThat(prepared).hasSize(3).allMatch(a -> a.status == ExamAttempt.Status.PREPARED)
                .allMatch(a -> a.startedAt == null && a.deadlineAt == null && a.number == 1);
        assertThat(prepared.stream().map(a -> a.personId).collect(Collectors.toSet()))
                .isEqualTo(exam.candidates().stream().map(c -> c.person().id).collect(Collectors.toSet()));
        Set<List<Long>> papers = new HashSet<>();
        for (ExamAttempt a : prepared) {
            List<AttemptItem> items = items(a.id);
            assertThat(items).hasSize(15);
            assertThat(a.maxScore).isEqualByComparingTo("32");
            Map<QuestionType, Long> byType = QuarkusTransaction.requiringNew().call(() -> items.stream().collect(
                    Collectors.groupingBy(i -> QuestionVersion.<QuestionVersion> findById(i.questionVersionId).type,
                            Collectors.counting())));
            assertThat(byType).containsEntry(QuestionType.SINGLE, 5L).containsEntry(QuestionType.MULTIPLE, 3L)
                    .containsEntry(QuestionType.TRUE_FALSE, 4L).containsEntry(QuestionType.FILL, 2L)
                    .containsEntry(QuestionType.CASE_ANALYSIS, 1L);
            assertThat(items.stream().map(i -> i.sectionPosition).toList()).isSorted();
            List<Long> versions = items.stream().map(i -> i.questionVersionId).toList();
            assertThat(Set.copyOf(versions)).hasSize(15);
            List<String> laws = QuarkusTransaction.requiringNew().call(() -> items.stream()
                    .filter(i -> i.sectionPosition == 1)
                    .map(i -> QuestionVersion.<QuestionVersion> findById(i.questionVersionId).law).toList());
            assertThat(laws).containsOnly("行政处罚法");
            papers.add(versions);
        }
        assertThat(papers).as("卷卷不同: every candidate drew their own paper").hasSize(3);

        // invisible until started: not readable, not counted, not in 我的考试, not on the monitor
        ExamFixtures.Candidate c = exam.candidates().get(0);
        ExamAttempt mine = prepared.stream().filter(a -> a.personId.equals(c.person().id)).findFirst().orElseThrow();
        c.api().get().header(DEVICE, "d1").when().get("/api/v1/attempts/" + mine.id).then().statusCode(404);
        c.api().get().when().get("/api/v1/attempts/" + mine.id + "/result").then().statusCode(404);
        ExamDeliveryTest.save(c, mine.id, 1, 1, List.of("0"), "d1").then().statusCode(404);
        c.api().get().when().get("/api/v1/my/exams/" + exam.examId() + "/questions").then().statusCode(404);
        JsonPath my = c.api().get().when().get("/api/v1/my/exams").then().statusCode(200).extract().jsonPath();
        assertThat(my.getInt("find { it.examId == " + exam.examId() + " }.attemptsUsed")).isZero();
        assertThat(my.getString("find { it.examId == " + exam.examId() + " }.state")).isEqualTo("OPEN");
        exam.manager().get().when().get("/api/v1/exams/" + exam.examId() + "/monitor").then().statusCode(200)
                .body("started", is(0));

        // 开始 hands over the prepared paper: same attempt, same questions; pressing again changes nothing
        JsonPath started = ExamDeliveryTest.start(c, exam.examId(), "d1");
        assertThat(started.getLong("attemptId")).isEqualTo(mine.id);
        assertThat(started.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(started.getList("items.question", Long.class))
                .isEqualTo(items(mine.id).stream().map(i -> i.questionVersionId).toList());
        assertThat(ExamDeliveryTest.start(c, exam.examId(), "d1").getLong("attemptId")).isEqualTo(mine.id);
        assertThat(attempts(exam.examId()).stream().filter(a -> a.personId.equals(c.person().id))).hasSize(1);
        // a second preparation run draws nothing new
        assertThat(preparation.prepare(exam.examId())).isZero();
    }

    @Test
    void aLateJoinerGetsAPaperPreparedOrDrawnOnDemand() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 30, 1);
        preparation.prepare(exam.examId());
        // a person added through an override: the change prepares their paper once committed
        ExamFixtures.Candidate late = fixtures.candidates(1).get(0);
        Map<String, Object> o = new HashMap<>();
        o.put("employeeNo", late.person().employeeNo);
        o.put("extraMinutes", 10);
        o.put("reason", "补报名");
        exam.manager().post().contentType("application/json").body(o).when()
                .post("/api/v1/exams/" + exam.examId() + "/overrides").then().statusCode(200);
        preparation.prepare(exam.examId()); // waits for nothing: the background run or this one writes it
        assertThat(attempts(exam.examId()).stream().filter(a -> a.personId.equals(late.person().id))
                .map(a -> a.status)).containsExactly(ExamAttempt.Status.PREPARED);
        JsonPath p = ExamDeliveryTest.start(late, exam.examId(), "l1");
        assertThat(p.getList("items")).hasSize(14);
        // 30 minutes + the override's 10, counted from delivery
        assertThat(Duration.between(Instant.parse(p.getString("startedAt")), Instant.parse(p.getString("deadline"))))
                .isEqualTo(Duration.ofMinutes(40));

        // a person who joined by a path no job has seen yet: drawn at 开始, same rules
        ExamFixtures.Candidate latest = fixtures.candidates(1).get(0);
        QuarkusTransaction.requiringNew().run(() -> new ExamAudience(exam.examId(), ExamAudience.Kind.PERSON,
                String.valueOf(latest.person().id), "test").persist());
        JsonPath q = ExamDeliveryTest.start(latest, exam.examId(), "m1");
        assertThat(q.getList("items")).hasSize(14);
        assertThat(q.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(ExamDeliveryTest.start(latest, exam.examId(), "m1").getLong("attemptId"))
                .isEqualTo(q.getLong("attemptId"));
        // someone outside the audience gets neither a prepared paper nor one on demand
        ExamFixtures.Candidate outsider = fixtures.candidates(1).get(0);
        preparation.prepare(exam.examId());
        assertThat(attempts(exam.examId()).stream().filter(a -> a.personId.equals(outsider.person().id))).isEmpty();
        outsider.api().post().header(DEVICE, "o").when().post("/api/v1/my/exams/" + exam.examId() + "/attempts").then()
                .statusCode(403);
    }

    @Test
    void aPersonWhoLeavesTheAudienceLosesTheirPreparedPaper() {
        ExamFixtures.Built exam = fixtures.published(2, false, "AFTER_SUBMIT", 30, 1);
        preparation.prepare(exam.examId());
        ExamFixtures.Candidate gone = exam.candidates().get(1);
        QuarkusTransaction.requiringNew().run(() -> Person.update("status = ?1 WHERE id = ?2",
                cn.zhifa.academy.people.EmploymentStatus.ON_LEAVE, gone.person().id));
        try {
            assertThat(preparation.withdrawIneligible(exam.examId())).isEqualTo(1);
            assertThat(attempts(exam.examId()).stream().map(a -> a.personId)).containsExactly(
                    exam.candidates().get(0).person().id);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Person.update("status = ?1 WHERE id = ?2",
                    cn.zhifa.academy.people.EmploymentStatus.ACTIVE, gone.person().id));
        }
    }

    @Test
    void theDeadlineCountsFromDeliveryEvenAfterAStartRefusedBySaturation() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 20, 1);
        preparation.prepare(exam.examId());
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long prepared = attempts(exam.examId()).get(0).id;
        int limit = admission.limit();
        admission.setLimit(0);
        try {
            c.api().post().header(DEVICE, "d1").when().post("/api/v1/my/exams/" + exam.examId() + "/attempts").then()
                    .statusCode(503).contentType(containsString("application/problem+json"))
                    .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-3]"))
                    .body("retryAfterMs", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(500))
                            .and(org.hamcrest.Matchers.lessThan(2500)));
            // the submit gate is closed too
            c.api().post().when().post("/api/v1/attempts/" + prepared + "/submit").then().statusCode(503);
        } finally {
            admission.setLimit(limit);
        }
        // the refusal is counted under the route's template, not as one metrics series per exam or attempt
        String metrics = io.restassured.RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        assertThat(metrics).contains("status=\"503\",uri=\"/api/v1/my/exams/{exam}/attempts\"")
                .doesNotContainPattern("uri=\"/api/v1/my/exams/[0-9]+/attempts\"")
                .contains("status=\"503\",uri=\"/api/v1/attempts/{id}/submit\"")
                .doesNotContainPattern("uri=\"/api/v1/attempts/[0-9]+/submit\"");
        // refused: nothing was stamped, the clock has not started
        ExamAttempt still = attempt(prepared);
        assertThat(still.status).isEqualTo(ExamAttempt.Status.PREPARED);
        assertThat(still.startedAt).isNull();
        Instant pressed = Instant.now();
        JsonPath p = ExamDeliveryTest.start(c, exam.examId(), "d1");
        Instant delivered = Instant.now();
        Instant startedAt = Instant.parse(p.getString("startedAt"));
        // the exam opened an hour ago and the paper was drawn earlier: the clock starts at delivery
        assertThat(startedAt).isBetween(pressed.minusMillis(1), delivered.plusMillis(1));
        assertThat(Instant.parse(p.getString("deadline"))).isEqualTo(startedAt.plus(Duration.ofMinutes(20)));
        ExamAttempt stored = attempt(prepared);
        assertThat(stored.startedAt).isEqualTo(startedAt);
        assertThat(stored.deviceId).isEqualTo("d1");
    }

    @Test
    void aSubmitWaveHasAGateOfItsOwnAndARefusedSubmitChangesNothing() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 20, 1);
        preparation.prepare(exam.examId());
        ExamFixtures.Candidate c = exam.candidates().get(0);
        JsonPath p = ExamDeliveryTest.start(c, exam.examId(), "d1");
        long attemptId = p.getLong("attemptId");
        int limit = admission.submitLimit();
        assertThat(limit).as("default submit gate: 2 per CPU, well below the pool")
                .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        admission.setSubmitLimit(0);
        try {
            // the submit gate is full: 交卷 is refused at once, quietly retryable …
            c.api().post().header(DEVICE, "d1").when().post("/api/v1/attempts/" + attemptId + "/submit").then()
                    .statusCode(503).contentType(containsString("application/problem+json"))
                    .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-3]"));
            // … while saves pass through their own gate
            ExamDeliveryTest.save(c, attemptId, 1, 1, ExamDeliveryTest.correct(attemptId, 1), "d1").then()
                    .statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("APPLIED"));
        } finally {
            admission.setSubmitLimit(limit);
        }
        assertThat(attempt(attemptId).status).as("refused: not submitted").isEqualTo(ExamAttempt.Status.IN_PROGRESS);
        c.api().post().header(DEVICE, "d1").when().post("/api/v1/attempts/" + attemptId + "/submit").then()
                .statusCode(200);
        assertThat(attempt(attemptId).status).isIn(ExamAttempt.Status.SUBMITTED, ExamAttempt.Status.GRADED);
    }

    @Test
    void theSharedQuestionDocumentIsCacheableAndHasNoKeys() {
        ExamFixtures.Built exam = fixtures.published(1, true, "AFTER_SUBMIT", 30, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        JsonPath paper = ExamDeliveryTest.start(c, exam.examId(), "d1");
        Response r = c.api().get().header("Accept-Encoding", "gzip").when()
                .get("/api/v1/my/exams/" + exam.examId() + "/questions");
        r.then().statusCode(200).header("Content-Encoding", "gzip")
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("ETag", org.hamcrest.Matchers.startsWith("\""));
        String etag = r.header("ETag");
        JsonPath doc = r.jsonPath();
        // every question of the candidate's paper is there, with its options in the document's order
        List<Long> ids = doc.getList("questions.id", Long.class);
        assertThat(ids).containsAll(paper.getList("items.question", Long.class));
        // only what a candidate may see: no key, explanation, reference answer or rubric
        List<Map<String, Object>> questions = doc.getList("questions");
        for (Map<String, Object> q : questions) {
            assertThat(q.keySet()).containsExactlyInAnyOrder("id", "type", "typeLabel", "stemHtml", "options");
        }
        String text = c.api().get().config(io.restassured.RestAssured.config().decoderConfig(
                DecoderConfig.decoderConfig().defaultContentCharset(StandardCharsets.UTF_8))).when()
                .get("/api/v1/my/exams/" + exam.examId() + "/questions").then().statusCode(200).extract().asString();
        List<QuestionVersion> pool = QuarkusTransaction.requiringNew().call(() -> QuestionVersion.<QuestionVersion> list(
                "id IN ?1", ids));
        for (QuestionVersion v : pool) {
            for (String hidden : new String[] { v.explanation, v.referenceAnswer }) {
                if (hidden != null && hidden.length() > 8) {
                    assertThat(text).as("version %d", v.id).doesNotContain(Json.write(hidden).replace("\"", ""));
                }
            }
            if (v.type == QuestionType.FILL) {
                assertThat(text).doesNotContain("\"" + v.key().get(0) + "\"");
            }
        }
        assertThat(text).doesNotContain("\"key\"").doesNotContain("explanation").doesNotContain("referenceAnswer")
                .doesNotContain("rubric");
        // revalidation costs nothing: 304 on the same ETag
        c.api().get().header("If-None-Match", etag).when().get("/api/v1/my/exams/" + exam.examId() + "/questions")
                .then().statusCode(304);
    }

    @Test
    void theQuestionDocumentIsReadyBeforeTheBellAndBuiltOncePerNode() throws Exception {
        ExamFixtures.Built exam = fixtures.published(2, true, "AFTER_SUBMIT", 30, 1);
        // publishing prepared the papers in the background, and then this node's copy of the document
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (documents.built(exam.examId()) == null && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(documents.built(exam.examId())).as("built after the papers, before any 开始").isNotNull();

        // a node without it, eight starts at once: one build, and every caller gets that one document
        documents.forget(exam.examId());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<QuestionDocument.Doc>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return documents.of(exam.examId());
                }));
            }
            go.countDown();
            Set<QuestionDocument.Doc> instances = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (var f : calls) {
                instances.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(instances).as("one document per node").hasSize(1);
            assertThat(documents.built(exam.examId())).isSameAs(calls.get(0).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyRefusedSaveIsLoggedWithItsTrueReason() {
        ExamFixtures.Built exam = fixtures.published(3, false, "AFTER_SUBMIT", 30, 1);
        // SUBMITTED
        ExamFixtures.Candidate a = exam.candidates().get(0);
        long first = ExamDeliveryTest.start(a, exam.examId(), "d1").getLong("attemptId");
        a.api().post().when().post("/api/v1/attempts/" + first + "/submit").then().statusCode(200);
        ExamDeliveryTest.save(a, first, 1, 1, List.of("0"), "d1").then().statusCode(409)
                .body("title", is("Already submitted"));
        // DEVICE_REPLACED
        ExamFixtures.Candidate b = exam.candidates().get(1);
        long second = ExamDeliveryTest.start(b, exam.examId(), "phone").getLong("attemptId");
        b.api().post().header(DEVICE, "tablet").when().post("/api/v1/attempts/" + second + "/takeover").then()
                .statusCode(200);
        ExamDeliveryTest.save(b, second, 1, 1, List.of("0"), "phone").then().statusCode(409)
                .body("title", is("Device replaced"));
        // LATE
        ExamFixtures.Candidate c = exam.candidates().get(2);
        long third = ExamDeliveryTest.start(c, exam.examId(), "d1").getLong("attemptId");
        ExamDeliveryTest.setDeadline(third, Instant.now().minusSeconds(120));
        ExamDeliveryTest.save(c, third, 1, 1, List.of("0"), "d1").then().statusCode(409).body("title", is("Time is up"));

        Map<Long, List<AnswerEvent.Outcome>> logged = QuarkusTransaction.requiringNew().call(() -> AnswerEvent
                .<AnswerEvent> list("attemptId IN ?1 ORDER BY id", List.of(first, second, third)).stream()
                .collect(Collectors.groupingBy(e -> e.attemptId, Collectors.mapping(e -> e.outcome, Collectors.toList()))));
        assertThat(logged.get(first)).containsExactly(AnswerEvent.Outcome.SUBMITTED);
        assertThat(logged.get(second)).containsExactly(AnswerEvent.Outcome.DEVICE_REPLACED);
        assertThat(logged.get(third)).containsExactly(AnswerEvent.Outcome.LATE);
        // nothing was applied by any of them
        assertThat(items(second).get(0).answerJson).isNull();
        assertThat(items(third).get(0).answerJson).isNull();
    }

    @Test
    void sqlEligibilityAgreesWithTheServiceForEveryKindOfFilter() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 30, 1);
        // widen the audience with a category filter: the SQL used for preparation and the
        // service's own check must name the same people
        QuarkusTransaction.requiringNew().run(() -> new ExamAudience(exam.examId(), ExamAudience.Kind.CATEGORY,
                PersonCategory.LEGAL_REVIEWER.name(), null).persist());
        long unit = QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.organization.OrgUnit
                .<cn.zhifa.academy.organization.OrgUnit> find("parentId IS NULL").firstResult().id);
        QuarkusTransaction.requiringNew().run(() -> new ExamAudience(exam.examId(), ExamAudience.Kind.UNIT,
                String.valueOf(unit), null).persist());
        QuarkusTransaction.requiringNew().run(() -> {
            Exam e = Exam.findById(exam.examId());
            ExamService service = io.quarkus.arc.Arc.container().instance(ExamService.class).get();
            @SuppressWarnings("unchecked")
            List<Number> bySql = Exam.getEntityManager().createNativeQuery("SELECT p.id FROM person p WHERE "
                    + PaperPreparation.eligible(e.id) + " ORDER BY p.id").getResultList();
            Set<Long> sql = bySql.stream().map(Number::longValue).collect(Collectors.toSet());
            Set<Long> java = Person.<Person> listAll().stream()
                    .filter(p -> service.eligible(e, PeopleDirectory.summary(p))).map(p -> p.id)
                    .collect(Collectors.toSet());
            assertThat(sql).isEqualTo(java).isNotEmpty();
        });
    }
}
