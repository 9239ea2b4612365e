package cn.zhifa.academy.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The exam record follows the engine's result events: one row per person and exam. */
@QuarkusTest
class ExamRecordsTest {

    @Inject
    Event<ExamResultRecorded> results;

    @Inject
    ExamRecords records;

    @Test
    void aLaterResultReplacesTheRowAndQueriesFilterByPurposeDomainAndPeriod() {
        long personId = QuarkusTransaction.requiringNew()
                .call(() -> Person.<Person> find("ORDER BY id").firstResult().id);
        long examId = 9_000_000L + System.nanoTime() % 100_000;
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> results.fire(new ExamResultRecorded(personId, examId, "T-REC-1",
                "记录测试", ExamPurpose.QUALIFICATION_SPECIAL, false, "SCJG", new BigDecimal("55.00"), "不合格", false, 1,
                now)));
        QuarkusTransaction.requiringNew().run(() -> results.fire(new ExamResultRecorded(personId, examId, "T-REC-1",
                "记录测试", ExamPurpose.QUALIFICATION_SPECIAL, false, "SCJG", new BigDecimal("82.50"), "良好", true, 2,
                now)));

        List<ExamRecord> rows = QuarkusTransaction.requiringNew().call(() -> ExamRecord.<ExamRecord> list(
                "examId", examId));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.score).isEqualByComparingTo("82.50");
            assertThat(r.passed).isTrue();
            assertThat(r.attemptsUsed).isEqualTo(2);
        });

        Instant from = now.minus(1, ChronoUnit.DAYS);
        Instant to = now.plus(1, ChronoUnit.DAYS);
        assertThat(QuarkusTransaction.requiringNew().call(() -> records.bestPass(personId,
                List.of(ExamPurpose.QUALIFICATION_SPECIAL), "SCJG", from, to))).hasValueSatisfying(
                        r -> assertThat(r.examId()).isEqualTo(examId));
        assertThat(QuarkusTransaction.requiringNew().call(() -> records.bestPass(personId,
                List.of(ExamPurpose.QUALIFICATION_SPECIAL), "ZHZF", from, to))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> records.bestPass(personId,
                List.of(ExamPurpose.ANNUAL), null, from, to))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> records.bestPass(personId,
                List.of(ExamPurpose.QUALIFICATION_SPECIAL), "SCJG", to, to.plus(1, ChronoUnit.DAYS)))).isEmpty();
    }
}
