package cn.zhifa.academy.platform.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * One statement executed for many callers on the {@link EventLoopPool}, batched while busy (group
 * commit; issues 11 and 16). At most {@link EventLoopPool#connections()} batches are in flight;
 * executions arriving meanwhile wait for the next free slot and go out together, as one pipelined
 * round trip ({@code executeBatch}: one Bind/Execute each, one Sync) that PostgreSQL runs as one
 * implicit transaction. An idle node sends an execution at once, alone; a busy one sends fewer,
 * larger batches, so the database's cost per execution falls as the load rises.
 * <p>
 * A caller's future completes on the caller's Vert.x context after its batch committed. A batch
 * that fails commits nothing, and its executions are then retried one by one, so one failing
 * execution cannot fail the others. Executions are sorted by {@code lockOrder} before they are
 * sent, so that two batches take their row locks in the same order.
 */
public final class BatchedStatement {

    private static final int MAX_BATCH = 64;

    private final EventLoopPool pool;
    private final String sql;
    private final Comparator<Tuple> lockOrder;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;

    /** {@code sql} with JDBC ({@code ?}) or PostgreSQL ({@code $1}) placeholders. */
    public BatchedStatement(EventLoopPool pool, String sql, Comparator<Tuple> lockOrder) {
        this.pool = pool;
        this.sql = numbered(sql);
        this.lockOrder = lockOrder;
    }

    private record Pending(Tuple args, Promise<RowSet<Row>> promise) {
    }

    /** This execution's rows, after its batch committed. */
    public Future<RowSet<Row>> execute(Tuple args) {
        Pending p = pending(args);
        List<Pending> batch;
        synchronized (queue) {
            queue.add(p);
            batch = takeBatch();
        }
        if (batch != null) {
            send(batch);
        }
        return p.promise().future();
    }

    /** Sends the executions as one batch whatever the load: what executions arriving together get (tests). */
    public List<Future<RowSet<Row>>> executeTogether(List<Tuple> args) {
        List<Pending> batch = new ArrayList<>();
        for (Tuple t : args) {
            batch.add(pending(t));
        }
        List<Future<RowSet<Row>>> results = batch.stream().map(p -> p.promise().future()).toList();
        synchronized (queue) {
            inFlight++;
        }
        send(batch);
        return results;
    }

    private static Pending pending(Tuple args) {
        ContextInternal caller = (ContextInternal) Vertx.currentContext();
        return new Pending(args, caller != null ? caller.promise() : Promise.promise());
    }

    /** The next batch if a slot is free (caller holds the queue's lock); null otherwise. */
    private List<Pending> takeBatch() {
        if (queue.isEmpty() || inFlight >= pool.connections()) {
            return null;
        }
        inFlight++;
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        batch.sort(Comparator.comparing(Pending::args, lockOrder));
        List<Tuple> tuples = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            tuples.add(p.args());
        }
        pool.pool().preparedQuery(sql).executeBatch(tuples).onComplete(ar -> {
            if (ar.succeeded()) {
                RowSet<Row> rows = ar.result();
                for (Pending p : batch) {
                    p.promise().complete(rows);
                    rows = rows.next();
                }
            } else if (batch.size() == 1) {
                batch.get(0).promise().fail(ar.cause());
            } else {
                for (Pending p : batch) {
                    pool.pool().preparedQuery(sql).execute(p.args()).onComplete(p.promise());
                }
            }
            List<Pending> next;
            synchronized (queue) {
                inFlight--;
                next = takeBatch();
            }
            if (next != null) {
                send(next);
            }
        });
    }

    /** JDBC placeholders ({@code ?}) numbered for PostgreSQL ({@code $1, $2, …}), outside quoted text. */
    static String numbered(String jdbcSql) {
        StringBuilder out = new StringBuilder(jdbcSql.length() + 16);
        int n = 0;
        char quote = 0;
        for (int i = 0; i < jdbcSql.length(); i++) {
            char ch = jdbcSql.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
                out.append(ch);
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                out.append(ch);
            } else if (ch == '?') {
                out.append('$').append(++n);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
