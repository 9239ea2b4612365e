package cn.zhifa.academy.exam.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.platform.sql.BatchedStatement;
import cn.zhifa.academy.platform.sql.EventLoopPool;

/**
 * The answer save without a worker thread (issue 11): the one save statement of
 * {@link DeliveryStatements} sent from the request's event loop on the {@link EventLoopPool}, and
 * batched with the saves that arrive while earlier ones are being written ({@link BatchedStatement}:
 * one round trip and one commit for the batch). A blocking save took a worker thread and a pooled
 * JDBC connection for each save in flight, handed every request between threads twice and paid one
 * commit per save; PostgreSQL's CPU per save fell from 0.23 to 0.09 ms at 64 clients
 * (docs/performance.md, seventh round). A save is acknowledged only after its batch committed, as
 * on the JDBC path. Saves are sorted by attempt and position within a batch (lock order).
 */
@ApplicationScoped
public class AnswerWriter {

    @Inject
    EventLoopPool pool;

    @Inject
    ExamConfig config;

    private BatchedStatement statement;

    @PostConstruct
    void init() {
        statement = new BatchedStatement(pool, DeliveryStatements.SAVE,
                Comparator.<Tuple> comparingLong(t -> t.getLong(0)).thenComparingInt(t -> t.getInteger(2)));
    }

    /** Same outcome as {@link DeliveryStatements#save}; empty when the attempt is not the person's (404). */
    Uni<Optional<DeliveryStatements.SaveResult>> save(long attemptId, long personId, int position, long seq,
            String answerJson, Boolean flagged, String device, Instant now) {
        return UniHelper.toUni(statement.execute(args(attemptId, personId, position, seq, answerJson, flagged, device, now))
                .map(AnswerWriter::result));
    }

    /** The statement's arguments, in the order of {@link DeliveryStatements#SAVE}. */
    Tuple args(long attemptId, long personId, int position, long seq, String answerJson, Boolean flagged,
            String device, Instant now) {
        return Tuple.tuple().addLong(attemptId).addLong(personId).addInteger(position).addLong(seq)
                .addString(answerJson).addBoolean(flagged).addString(device)
                .addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).addInteger(config.graceSeconds());
    }

    /** The saves sent as one batch whatever the load (tests). */
    List<Future<Optional<DeliveryStatements.SaveResult>>> sendTogether(List<Tuple> saves) {
        return statement.executeTogether(saves).stream().map(f -> f.map(AnswerWriter::result)).toList();
    }

    private static Optional<DeliveryStatements.SaveResult> result(RowSet<Row> rows) {
        RowIterator<Row> it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row r = it.next();
        OffsetDateTime deadline = r.getOffsetDateTime(1);
        Long before = r.getLong(2);
        return Optional.of(new DeliveryStatements.SaveResult(DeliveryViews.SaveOutcome.valueOf(r.getString(0)),
                deadline == null ? null : deadline.toInstant(), before == null ? 0 : before));
    }
}
