package cn.zhifa.academy.exam.delivery;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import cn.zhifa.academy.exam.ExamConfig;

/**
 * The answer save without a worker thread (issue 11): the one save statement of
 * {@link DeliveryStatements#SAVE_BODY}, sent by the Vert.x PostgreSQL client from the request's
 * event loop. A blocking save took a worker thread and a pooled JDBC connection for each save in
 * flight, handed every request between threads twice and paid one commit per save.
 * <p>
 * Saves that arrive while earlier ones are being written are <b>batched</b>: at most
 * {@code academy.exam.save-connections} batches are in flight (one per connection), and every save
 * arriving meanwhile waits for the next free slot and goes out with the others that waited, as one
 * pipelined round trip that PostgreSQL runs as one transaction (group commit). An idle node sends a
 * save at once, alone; a busy one sends fewer, larger batches, so PostgreSQL's cost per save falls
 * as the load rises (0.23 → 0.09 ms of its CPU per save at 64 clients, docs/performance.md). A
 * save is acknowledged only after its batch committed, as on the JDBC path.
 * <p>
 * The connection is the JDBC datasource's: host, port, database, schema ({@code currentSchema})
 * and {@code sslmode} are read from {@code quarkus.datasource.jdbc.url}, the login and the session
 * options ({@code ACADEMY_DB_SESSION_OPTIONS}) from the same settings, so an operator configures
 * one database URL.
 */
@ApplicationScoped
public class AnswerWriter {

    static final String SAVE = "WITH arg AS (SELECT $1::bigint AS attempt, $2::bigint AS person, $3::int AS pos, "
            + "$4::bigint AS seq, $5::text AS answer, $6::boolean AS flagged, $7::varchar AS device, "
            + "$8::timestamptz AS now, $9::int AS grace), " + DeliveryStatements.SAVE_BODY;

    @Inject
    Vertx vertx;

    @Inject
    ExamConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "quarkus.datasource.jdbc.additional-jdbc-properties.options")
    Optional<String> sessionOptions;

    private volatile Pool pool;

    /** Same outcome as {@link DeliveryStatements#save}; empty when the attempt is not the person's (404). */
    Uni<Optional<DeliveryStatements.SaveResult>> save(long attemptId, long personId, int position, long seq,
            String answerJson, Boolean flagged, String device, Instant now) {
        Pending p = pending(args(attemptId, personId, position, seq, answerJson, flagged, device, now));
        List<Pending> batch;
        synchronized (queue) {
            queue.add(p);
            batch = takeBatch();
        }
        if (batch != null) {
            send(batch);
        }
        return UniHelper.toUni(p.promise().future());
    }

    /** The statement's arguments, in the order of {@link #SAVE}. */
    Tuple args(long attemptId, long personId, int position, long seq, String answerJson, Boolean flagged,
            String device, Instant now) {
        return Tuple.tuple().addLong(attemptId).addLong(personId).addInteger(position).addLong(seq)
                .addString(answerJson).addBoolean(flagged).addString(device)
                .addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).addInteger(config.graceSeconds());
    }

    /** A save to send, completed on the caller's context (the request's event loop), whichever thread ends its batch. */
    private static Pending pending(Tuple args) {
        ContextInternal caller = (ContextInternal) Vertx.currentContext();
        Promise<Optional<DeliveryStatements.SaveResult>> promise = caller != null ? caller.promise() : Promise.promise();
        return new Pending(args.getLong(0), args.getInteger(2), args, promise);
    }

    /** Sends the saves as one batch whatever the load: what many saves arriving together get (tests). */
    List<Future<Optional<DeliveryStatements.SaveResult>>> sendTogether(List<Tuple> saves) {
        List<Pending> batch = new ArrayList<>();
        for (Tuple t : saves) {
            batch.add(pending(t));
        }
        List<Future<Optional<DeliveryStatements.SaveResult>>> results = batch.stream().map(p -> p.promise().future())
                .toList(); // in the callers' order; send sorts the batch
        synchronized (queue) {
            inFlight++;
        }
        send(batch);
        return results;
    }

    /** A save waiting for its batch. */
    private record Pending(long attemptId, int position, Tuple args,
            Promise<Optional<DeliveryStatements.SaveResult>> promise) {
    }

    private static final Comparator<Pending> LOCK_ORDER = Comparator.comparingLong(Pending::attemptId)
            .thenComparingInt(Pending::position);

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();

    /** Batches sent and not yet answered; at most {@code academy.exam.save-connections}. */
    private int inFlight;

    /** The next batch if a slot is free (caller holds the queue's lock); null otherwise. */
    private List<Pending> takeBatch() {
        if (queue.isEmpty() || inFlight >= config.saveConnections()) {
            return null;
        }
        inFlight++;
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        return batch;
    }

    private static final int MAX_BATCH = 64;

    /**
     * Sends the batch as one pipelined round trip ({@code executeBatch}: one Bind/Execute per
     * save, one Sync): PostgreSQL runs it as one implicit transaction, so a batch commits, and is
     * acknowledged, all at once, and a batch that fails commits nothing; its saves are then
     * retried one by one, so one bad save cannot fail the others. Saves are sorted by attempt and
     * position, so two batches take their row locks in the same order.
     */
    private void send(List<Pending> batch) {
        batch.sort(LOCK_ORDER);
        List<Tuple> tuples = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            tuples.add(p.args());
        }
        pool().preparedQuery(SAVE).executeBatch(tuples).onComplete(ar -> {
            if (ar.succeeded()) {
                RowSet<Row> rows = ar.result();
                for (Pending p : batch) {
                    p.promise().complete(result(rows));
                    rows = rows.next();
                }
            } else if (batch.size() == 1) {
                batch.get(0).promise().fail(ar.cause());
            } else {
                for (Pending p : batch) {
                    pool().preparedQuery(SAVE).execute(p.args()).onComplete(one -> {
                        if (one.succeeded()) {
                            p.promise().complete(result(one.result()));
                        } else {
                            p.promise().fail(one.cause());
                        }
                    });
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

    private Pool pool() {
        Pool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = PgBuilder.pool().with(new PoolOptions().setMaxSize(config.saveConnections()))
                            .connectingTo(connectOptions(jdbcUrl, username.orElse(null), password.orElse(null),
                                    sessionOptions.orElse(null)))
                            .using(vertx).build();
                    pool = p;
                }
            }
        }
        return p;
    }

    /** Builds the pool at start (it connects on first use): a JDBC URL it cannot follow stops the start, naming the parameter. */
    void start(@Observes StartupEvent event) {
        pool();
    }

    @PreDestroy
    void close() {
        Pool p = pool;
        if (p != null) {
            p.close();
        }
    }

    /**
     * The Vert.x client's options for the JDBC URL {@code jdbc:postgresql://host[:port]/database[?params]}:
     * {@code currentSchema} becomes the session's {@code search_path}, {@code sslmode} the client's
     * SSL mode, {@code options} (or the datasource's session options) PostgreSQL's start-up options.
     * Other parameters are refused, so that a setting the JDBC path honours is not silently dropped here.
     */
    static PgConnectOptions connectOptions(String jdbcUrl, String user, String password, String options) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null || uri.getHost().contains(",")) {
            throw new IllegalArgumentException("one host expected in the JDBC URL: " + jdbcUrl);
        }
        PgConnectOptions o = new PgConnectOptions().setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : PgConnectOptions.DEFAULT_PORT)
                .setPipeliningLimit(PgConnectOptions.DEFAULT_PIPELINING_LIMIT).setCachePreparedStatements(true);
        String path = uri.getPath();
        o.setDatabase(path == null || path.length() <= 1 ? "postgres" : path.substring(1));
        if (user != null && !user.isBlank()) {
            o.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            o.setPassword(password);
        }
        Map<String, String> properties = new HashMap<>();
        if (options != null && !options.isBlank()) {
            properties.put("options", options);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (key) {
                    case "currentSchema" -> properties.put("search_path", value);
                    case "sslmode" -> o.setSslMode(SslMode.of(value));
                    case "options" -> properties.put("options", value);
                    case "ApplicationName" -> properties.put("application_name", value);
                    default -> throw new IllegalArgumentException("JDBC URL parameter '" + key
                            + "' has no equivalent for the answer writer's connections: " + jdbcUrl);
                }
            }
        }
        o.setProperties(properties);
        return o;
    }
}
