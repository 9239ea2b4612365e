package cn.zhifa.academy.exam.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.ExamDeliveryTest;
import cn.zhifa.academy.exam.ExamFixtures;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.support.TinyPoolProfile;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * 开始 on a node that did not prepare the papers and has not seen the exam's questions yet (the
 * second node of a pair, after a failover or a restart): every start takes the full path, and the
 * paper's questions are read from the database. The failover benchmark found that each start held
 * its connection while the question lookup asked for a second one, so that as many simultaneous
 * starts as the pool has connections waited for each other until the acquisition timeout (HTTP
 * 500). With a pool of three connections and a 3 s timeout, eight simultaneous starts must all
 * succeed.
 */
@QuarkusTest
@TestProfile(TinyPoolProfile.class)
class ExamStartPoolTest {

    @Inject
    ExamFixtures fixtures;

    @Inject
    PaperPreparation preparation;

    @Inject
    PaperCache papers;

    @Inject
    QuestionCache questions;

    @Test
    void simultaneousStartsOnAColdNodeNeverHoldTwoConnections() throws Exception {
        int n = 8;
        ExamFixtures.Built exam = fixtures.published(n, true, "AFTER_SUBMIT", 25, 1);
        preparation.prepare(exam.examId());
        // this node holds neither the prepared papers nor the questions: the other node drew them
        papers.forget(exam.examId());
        coldQuestionCache();

        List<JsonPath> started = ExamDeliveryTest.startTogether(exam.candidates(), exam.examId(), "cold-");
        for (int i = 0; i < n; i++) {
            long attempt = started.get(i).getLong("attemptId");
            assertThat(started.get(i).getList("items")).hasSize(15);
            ExamAttempt a = QuarkusTransaction.requiringNew().call(() -> ExamAttempt.<ExamAttempt> findById(attempt));
            assertThat(a.status).isEqualTo(ExamAttempt.Status.IN_PROGRESS);
            assertThat(a.personId).isEqualTo(exam.candidates().get(i).person().id);
        }
    }

    /** Empties the node's question cache, as on a node that has not served this exam yet. */
    private void coldQuestionCache() throws Exception {
        var field = QuestionCache.class.getDeclaredField("cache");
        field.setAccessible(true);
        ((Map<?, ?>) field.get(ClientProxy.unwrap(questions))).clear();
    }
}
