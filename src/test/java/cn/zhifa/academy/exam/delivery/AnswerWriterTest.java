package cn.zhifa.academy.exam.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.ExamDeliveryTest;
import cn.zhifa.academy.exam.ExamFixtures;
import cn.zhifa.academy.support.StatementProbe;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;

/**
 * Answer saves on the event loop (issue 11): the save of a started paper goes through the
 * {@link AnswerWriter} and never through JDBC; saves arriving together are written as one batch,
 * committed together, and a batch with a failing save still stores every other save and nothing
 * of the failing one; a node that has not seen the paper falls back to the blocking save.
 */
@QuarkusTest
class AnswerWriterTest {

    @Inject
    ExamFixtures fixtures;

    @Inject
    AnswerWriter writer;

    @Inject
    DeliveryStatements statements;

    @Test
    void aSaveOnAStartedPaperIsWrittenWithoutJdbcAndAColdNodeFallsBackToIt() {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 25, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = ExamDeliveryTest.start(c, exam.examId(), "writer-a").getLong("attemptId");

        String probe = StatementProbe.start();
        assertThat(probedSave(c, attempt, 1, "0", probe)).isEqualTo("APPLIED");
        assertThat(StatementProbe.statements(probe)).noneMatch(sql -> sql.contains("answer_event"));
        assertThat(stored(attempt, 1)).isEqualTo(1);

        // a node that has not served this attempt (no layout in memory): the blocking save, same outcome
        ((DeliveryStatements) ClientProxy.unwrap(statements)).forgetLayouts();
        String cold = StatementProbe.start();
        assertThat(probedSave(c, attempt, 2, "1", cold)).isEqualTo("APPLIED");
        assertThat(StatementProbe.statements(cold)).anyMatch(sql -> sql.contains("answer_event"));
        assertThat(stored(attempt, 1)).isEqualTo(2);

        // and an older sequence on the event-loop path again (the layout is back in memory) is stale
        ExamDeliveryTest.save(c, attempt, 1, 1, List.of("0"), "writer-a").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("STALE"));
        assertThat(stored(attempt, 1)).isEqualTo(2);
    }

    @Test
    void savesSentTogetherCommitTogetherAndAFailingOneTakesNoOtherDown() throws Exception {
        ExamFixtures.Built exam = fixtures.published(1, false, "AFTER_SUBMIT", 25, 1);
        ExamFixtures.Candidate c = exam.candidates().get(0);
        long attempt = ExamDeliveryTest.start(c, exam.examId(), "writer-b").getLong("attemptId");
        long person = c.person().id;
        AnswerWriter w = (AnswerWriter) ClientProxy.unwrap(writer);
        Instant now = Instant.now();

        // one batch: a newer and an older answer to question 2, a first answer to question 3
        List<Future<Optional<DeliveryStatements.SaveResult>>> first = w.sendTogether(List.of(
                w.args(attempt, person, 2, 5, "[\"1\"]", false, "writer-b", now),
                w.args(attempt, person, 2, 3, "[\"0\"]", false, "writer-b", now),
                w.args(attempt, person, 3, 1, "[\"0\"]", null, "writer-b", now)));
        assertThat(outcome(first.get(0))).isEqualTo(DeliveryViews.SaveOutcome.APPLIED);
        assertThat(outcome(first.get(1))).isEqualTo(DeliveryViews.SaveOutcome.STALE);
        assertThat(outcome(first.get(2))).isEqualTo(DeliveryViews.SaveOutcome.APPLIED);
        assertThat(stored(attempt, 2)).isEqualTo(5);
        assertThat(stored(attempt, 3)).isEqualTo(1);

        // one batch with a save PostgreSQL refuses (a device id longer than the column; the service
        // shortens it before it gets here): the batch's transaction rolls back, every other save is
        // written again on its own, the refused one fails and leaves no trace
        List<Tuple> mixed = new ArrayList<>();
        mixed.add(w.args(attempt, person, 4, 1, "[\"0\"]", false, "writer-b", now));
        mixed.add(w.args(attempt, person, 5, 1, "[\"0\"]", false, "x".repeat(65), now));
        mixed.add(w.args(attempt, person, 6, 1, "[\"1\"]", false, "writer-b", now));
        List<Future<Optional<DeliveryStatements.SaveResult>>> second = w.sendTogether(mixed);
        assertThat(outcome(second.get(0))).isEqualTo(DeliveryViews.SaveOutcome.APPLIED);
        assertThatThrownBy(() -> outcome(second.get(1))).hasMessageContaining("too long");
        assertThat(outcome(second.get(2))).isEqualTo(DeliveryViews.SaveOutcome.APPLIED);
        assertThat(stored(attempt, 4)).isEqualTo(1);
        assertThat(stored(attempt, 5)).isZero();
        assertThat(stored(attempt, 6)).isEqualTo(1);
        assertThat(events(attempt, 4)).isEqualTo(1);
        assertThat(events(attempt, 5)).isZero();
        assertThat(events(attempt, 6)).isEqualTo(1);

        // someone else's attempt: no row, as on the JDBC path (the resource answers 404)
        List<Future<Optional<DeliveryStatements.SaveResult>>> foreign = w.sendTogether(
                List.of(w.args(attempt, person + 1_000_000, 2, 9, "[\"0\"]", false, "writer-b", now)));
        assertThat(foreign.get(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(stored(attempt, 2)).isEqualTo(5);
    }

    /** Saves an answer to question 1 from device writer-a with the probe's header; the outcome. */
    private static String probedSave(ExamFixtures.Candidate c, long attempt, long seq, String answer, String probe) {
        JsonPath ack = StatementProbe.on(c.api().post(), probe).header(CandidateResource.DEVICE, "writer-a")
                .contentType("application/json").body(java.util.Map.of("seq", seq, "answer", List.of(answer))).when()
                .put("/api/v1/attempts/" + attempt + "/answers/1").then().statusCode(200).extract().jsonPath();
        return ack.getString("outcome");
    }

    private static DeliveryViews.SaveOutcome outcome(Future<Optional<DeliveryStatements.SaveResult>> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow().outcome();
    }

    private static long stored(long attempt, int position) {
        return QuarkusTransaction.requiringNew().call(() -> AttemptItem
                .<AttemptItem> find("attemptId = ?1 AND position = ?2", attempt, position).firstResult().answerSeq);
    }

    private static long events(long attempt, int position) {
        return QuarkusTransaction.requiringNew().call(() -> AnswerEvent.count("attemptId = ?1 AND position = ?2",
                attempt, position));
    }
}
