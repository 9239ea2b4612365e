package cn.zhifa.academy.exam.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import cn.zhifa.academy.platform.time.Now;

/**
 * 开始 on a prepared paper, written in batches (issue 11): one thread per node takes every start
 * waiting and activates them all with <b>one</b> {@code UPDATE ... FROM unnest(...)}, one round
 * trip and one commit, then completes each waiting request. While a batch runs the next one
 * gathers, so under a burst the batches grow by themselves and at rest a start waits for no
 * timer. A start is answered only after its batch committed: nothing acknowledged is lost, and
 * a node killed mid-batch leaves papers PREPARED that the page simply starts again.
 * <p>
 * The statement starts a paper only when everything holds in the database at that moment: the
 * attempt is the person's and still PREPARED, the exam is published and open, the attempt number
 * is within the exam's attempts and the exam has <b>no override</b> at all. Anything else (an
 * exam with overrides, a withdrawn paper, a second 开始, a closed exam) is answered "not here",
 * and the caller takes the full path, which resolves overrides and explains refusals.
 */
@ApplicationScoped
public class StartWriter {

    private static final Logger LOG = Logger.getLogger(StartWriter.class);

    /** Starts written per statement at most. */
    static final int MAX_BATCH = 1000;

    /** What the UPDATE stamped. */
    record Started(Instant startedAt, Instant deadline, String title) {
    }

    private record Request(long attemptId, long personId, String device, CompletableFuture<Started> done) {
    }

    static final String ACTIVATE = "UPDATE exam_attempt x SET status = 'IN_PROGRESS', started_at = b.now, "
            + "deadline_at = LEAST(b.now + make_interval(mins => e.duration_minutes), e.closes_at), "
            + "device_id = b.device, version = x.version + 1 "
            + "FROM (SELECT u.attempt, u.person, u.device, ?::timestamptz AS now "
            + "FROM unnest(?::bigint[], ?::bigint[], ?::varchar[]) AS u(attempt, person, device)) b, exam e "
            + "WHERE x.id = b.attempt AND x.person_id = b.person AND x.status = 'PREPARED' AND e.id = x.exam_id "
            + "AND e.status = 'PUBLISHED' AND b.now >= e.opens_at AND b.now < e.closes_at AND x.number <= e.max_attempts "
            + "AND NOT EXISTS (SELECT 1 FROM exam_override o WHERE o.exam_id = x.exam_id) "
            + "RETURNING x.id, x.started_at, x.deadline_at, e.title";

    @Inject
    DataSource dataSource;

    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();

    private volatile boolean running = true;

    private final Thread writer = new Thread(this::run, "exam-start-writer");

    private volatile long batches;

    private volatile long written;

    StartWriter() {
        writer.setDaemon(true);
    }

    @jakarta.annotation.PostConstruct
    void begin() {
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    /**
     * Asks for the prepared attempt to be started; completes after the commit with what was
     * stamped, with null when it could not start here (take the full path), or exceptionally.
     */
    CompletableFuture<Started> start(long attemptId, long personId, String device) {
        CompletableFuture<Started> f = new CompletableFuture<>();
        queue.add(new Request(attemptId, personId, device, f));
        return f;
    }

    /** Batches and starts written so far (operations, the benchmark report). */
    public long[] counts() {
        return new long[] { batches, written };
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        while (running) {
            try {
                Request first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.warn("a batch of starts failed", e);
                batch.forEach(r -> r.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        Request r;
        while ((r = queue.poll()) != null) {
            r.done().complete(null); // shutting down: the full path (or the page's retry) takes it
        }
    }

    private void write(List<Request> batch) {
        Long[] attempts = new Long[batch.size()];
        Long[] people = new Long[batch.size()];
        String[] devices = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            attempts[i] = r.attemptId();
            people[i] = r.personId();
            devices[i] = r.device();
        }
        // PostgreSQL keeps microseconds: what is returned is what is stored
        Instant now = Now.instant().truncatedTo(ChronoUnit.MICROS);
        Map<Long, Started> stamped = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ACTIVATE)) {
            ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setArray(2, c.createArrayOf("bigint", attempts));
            ps.setArray(3, c.createArrayOf("bigint", people));
            ps.setArray(4, c.createArrayOf("varchar", devices));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stamped.put(rs.getLong(1), new Started(rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            // e.g. a deadlock with another node starting the same attempts: every one takes the full path
            LOG.warnf(e, "a batch of %d starts failed; they take the full path", batch.size());
            batch.forEach(r -> r.done().complete(null));
            return;
        }
        batches++;
        written += stamped.size();
        for (Request r : batch) {
            // a second 开始 in the same batch gets null and resumes on the full path
            r.done().complete(stamped.remove(r.attemptId()));
        }
    }
}
