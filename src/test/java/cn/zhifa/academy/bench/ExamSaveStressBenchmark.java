package cn.zhifa.academy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhifa.academy.bench.ExamBench.CpuSampler;
import cn.zhifa.academy.bench.ExamBench.Errors;
import cn.zhifa.academy.bench.ExamBench.Item;
import cn.zhifa.academy.bench.ExamBench.Latencies;
import cn.zhifa.academy.bench.ExamBench.Ledger;
import cn.zhifa.academy.bench.ExamBench.Service;
import cn.zhifa.academy.bench.ExamBench.Session;
import cn.zhifa.academy.bench.ExamBench.Started;

/**
 * Answer saves with no think time at a fixed concurrency (64 clients, each on its own attempt,
 * a new request as soon as the previous one is acknowledged), then PostgreSQL's own ceiling for
 * the same statements measured with pgbench at the same concurrency, in the same run (the
 * service is stopped first so it does not compete). Not part of the suite.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B test -Dtest=ExamSaveStressBenchmark [-Dbench.concurrency=64 -Dbench.seconds=60]
 * </pre>
 *
 * Results: stdout and target/benchmark/exam-save-stress.md.
 */
class ExamSaveStressBenchmark {

    @Test
    void savesAtFixedConcurrencyVersusPgbench() throws Exception {
        int clients = ExamBench.intProp("bench.concurrency", 64);
        int seconds = ExamBench.intProp("bench.seconds", 60);
        String schema = ExamBench.prop("bench.schema", "academy_bench_stress");
        int port = ExamBench.intProp("bench.port", 8190);
        String pool = ExamBench.prop("bench.pool", "");
        List<String> extra = new ArrayList<>();
        if (!pool.isEmpty()) {
            extra.add("-Dquarkus.datasource.jdbc.max-size=" + pool);
        }
        String loadBefore = ExamBench.loadAverage();
        ExamBench.log("save stress, %d clients, %d s; load before %s", clients, seconds, loadBefore);
        ExamBench.dropSchema(schema);
        List<String> report = new ArrayList<>();
        Latencies lat = new Latencies();
        Errors errors = new Errors();
        Ledger ledger = new Ledger();
        long[] attemptRange = new long[2];
        List<Started> started;
        double throughput;
        String cpuRow;
        String metrics;
        long lost;
        List<String> problems = new ArrayList<>();
        Latencies refetchLat = new Latencies();
        Errors refetchErrors = new Errors();
        int refetchSeconds;
        long refetchBytes;
        double refetchRate;
        try (Service service = new Service(schema, port, extra)) {
            Files.deleteIfExists(service.logFile);
            service.start();
            ExamBench.seed(schema, clients);
            HttpClient http = ExamBench.client(4);
            Session manager = ExamBench.manager(http, service.base());
            long exam = ExamBench.publishExam(manager, clients, 600);
            List<Session> sessions = ExamBench.loginAll(http, service.base(), clients, 16);
            started = ExamBench.startAll(sessions, exam, 16);
            attemptRange[0] = started.stream().mapToLong(s -> s.attemptId).min().orElseThrow();
            attemptRange[1] = started.stream().mapToLong(s -> s.attemptId).max().orElseThrow();

            // warm-up, then the measured window
            loop(started, 10, new Latencies(), new Errors(), new Ledger(), new AtomicLong());
            AtomicLong done = new AtomicLong();
            try (CpuSampler cpu = new CpuSampler(service.pid())) {
                double c0 = cpu.now();
                long t0 = System.nanoTime();
                loop(started, seconds, lat, errors, ledger, done);
                double secs = (System.nanoTime() - t0) / 1e9;
                throughput = done.get() / secs;
                cpuRow = cpu.summary(c0, cpu.now());
            }
            // the paper re-fetch (what a reload does), same clients, back to back
            refetchSeconds = ExamBench.intProp("bench.refetch-seconds", 30);
            AtomicLong fetched = new AtomicLong();
            long f0 = System.nanoTime();
            refetchBytes = refetch(started, refetchSeconds, refetchLat, refetchErrors, fetched);
            refetchRate = fetched.get() / ((System.nanoTime() - f0) / 1e9);
            metrics = ExamBench.metrics(manager, "worker_pool_queue_delay_seconds", "worker_pool_active{pool_name=\"vert.x-worker",
                    "http_server_requests_seconds_max{method=\"PUT\"");
            lost = ledger.verify(schema, problems);
        }
        ExamBench.log("HTTP saves: %.0f/s, errors %s, lost %d", throughput, errors, lost);

        // PostgreSQL's own ceiling for the same work, same concurrency, same tables. Every pgbench
        // client k writes to the attempt of HTTP client k (the ids are not contiguous: demo people
        // of the same category have papers too, which made the old "first id + k" script hit
        // missing or never-started attempts: a foreign-key abort in one script, no-op
        // transactions in the other)
        Path dir = Files.createDirectories(Path.of("target/benchmark")).toAbsolutePath();
        StringBuilder attemptCase = new StringBuilder("\\set a case");
        StringBuilder personCase = new StringBuilder("\\set u case");
        try (Connection c = ExamBench.db(schema);
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT person_id FROM exam_attempt WHERE id = ?")) {
            for (int k = 0; k < started.size(); k++) {
                Started st = started.get(k);
                ps.setLong(1, st.attemptId);
                long person;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    person = rs.getLong(1);
                }
                if (!st.device.equals("bench-device-" + k)) {
                    throw new IllegalStateException("unexpected device " + st.device);
                }
                attemptCase.append(" when :k = ").append(k).append(" then ").append(st.attemptId);
                personCase.append(" when :k = ").append(k).append(" then ").append(person);
            }
        }
        attemptCase.append(" else 0 end\n");
        personCase.append(" else 0 end\n");
        String pick = "\\set k :client_id % " + started.size() + "\n" + attemptCase + personCase + "\\set p random(1, 50)\n";
        String minimal = pick + """
                BEGIN;
                WITH s AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS seq)
                UPDATE attempt_item SET answer_json = '["1"]', flagged = false, answer_seq = s.seq, answered_at = now()
                  FROM s WHERE attempt_id = :a AND position = :p AND answer_seq < s.seq;
                INSERT INTO answer_event (attempt_id, position, seq, answer_json, flagged, device_id, outcome, received_at)
                  VALUES (:a, :p, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint, '["1"]', false, 'pgbench', 'APPLIED', now());
                END;
                """;
        // issue 11: the service's save is one statement; pgbench runs exactly that statement
        // (DeliveryStatements.SAVE_BODY) with the arguments the service binds (attempt, person
        // and device of the client, as the HTTP clients send them)
        String full = pick + """
                WITH arg AS (SELECT :a::bigint AS attempt, :u::bigint AS person, :p::int AS pos,
                  (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS seq, '["1"]'::text AS answer,
                  false AS flagged, ('bench-device-' || :k)::varchar AS device, now() AS now, 60 AS grace),
                """ + " " + cn.zhifa.academy.exam.delivery.DeliveryStatements.SAVE_BODY + ";\n";
        Path minimalSql = dir.resolve("pgbench-save-minimal.sql");
        Path fullSql = dir.resolve("pgbench-save-full.sql");
        Files.writeString(minimalSql, minimal);
        Files.writeString(fullSql, full);
        int pgSeconds = Math.min(seconds, ExamBench.intProp("bench.pgbench-seconds", 30));
        String[] minimalRun = pgbench(schema, minimalSql, clients, pgSeconds, dir.resolve("pgbench-minimal"));
        String[] fullRun = pgbench(schema, fullSql, clients, pgSeconds, dir.resolve("pgbench-full"));
        double minimalTps = Double.parseDouble(minimalRun[0]);
        double fullTps = Double.parseDouble(fullRun[0]);

        report.add("# Answer saves at fixed concurrency versus pgbench");
        report.add("");
        report.add("- " + clients + " clients, each its own attempt, no think time; " + seconds
                + " s measured after a 10 s warm-up; service pool " + (pool.isEmpty() ? "30 (default)" : pool));
        report.add("- load average before: " + loadBefore + "; after: " + ExamBench.loadAverage());
        report.add("");
        report.add("| run | throughput | p50 | p95 | p99 | max | errors |");
        report.add("|---|---|---|---|---|---|---|");
        String[] r = lat.row().split("\\|");
        report.add(String.format(Locale.ROOT, "| HTTP PUT /answers (service) | %.0f saves/s |%s|%s|%s|%s| %s |", throughput,
                r[2], r[3], r[4], r[5], errors));
        report.add("| pgbench, UPDATE + INSERT only (" + pgSeconds + " s) | " + Math.round(minimalTps) + " tx/s | "
                + minimalRun[1] + " | 0 |");
        report.add("| pgbench, the service's one save statement (" + pgSeconds + " s) | " + Math.round(fullTps)
                + " tx/s | " + fullRun[1] + " | 0 |");
        report.add("");
        report.add(String.format(Locale.ROOT, "- ratio service / pgbench: %.2f of UPDATE+INSERT, %.2f of the service's statement",
                throughput / minimalTps, throughput / fullTps));
        report.add("");
        report.add("| re-fetch of a running paper (GET /api/v1/attempts/{id}), " + clients + " clients, " + refetchSeconds
                + " s | throughput | p50 | p95 | p99 | max | errors |");
        report.add("|---|---|---|---|---|---|---|");
        String[] rf = refetchLat.row().split("\\|");
        report.add(String.format(Locale.ROOT, "| service | %.0f/s (%d bytes each) |%s|%s|%s|%s| %s |", refetchRate,
                refetchBytes, rf[2], rf[3], rf[4], rf[5], refetchErrors));
        report.add("- lost answers: " + lost);
        problems.forEach(p -> report.add("  - " + p));
        report.add("");
        report.add("| CPU during the HTTP run | machine (cores of 2) | service | postgres | harness |");
        report.add("|---|---|---|---|---|");
        report.add("| saves " + cpuRow);
        report.add("");
        report.add("```");
        report.add(metrics.trim());
        report.add("```");
        String text = String.join("\n", report) + "\n";
        Files.writeString(dir.resolve("exam-save-stress.md"), text);
        System.out.println(text);
        assertThat(lost).isZero();
        assertThat(errors.total()).isZero();
    }

    /** Closed loop: every client saves the next position as soon as the previous save is acknowledged. */
    static void loop(List<Started> clients, int seconds, Latencies lat, Errors errors, Ledger ledger, AtomicLong done)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(clients.size());
        for (Started c : clients) {
            next(c, end, lat, errors, ledger, done, finished);
        }
        if (!finished.await(seconds + 120, TimeUnit.SECONDS)) {
            stop.set(true);
            throw new IllegalStateException("clients did not finish");
        }
    }

    static void next(Started c, long end, Latencies lat, Errors errors, Ledger ledger, AtomicLong done,
            CountDownLatch finished) {
        if (System.nanoTime() >= end) {
            finished.countDown();
            return;
        }
        Item item = c.items.get(c.next++ % c.items.size());
        long seq = ++c.seq;
        List<String> answer = ExamBench.answerFor(item, ThreadLocalRandom.current());
        long t = System.nanoTime();
        ExamBench.save(c, item.position(), seq, answer).whenComplete((HttpResponse<String> r, Throwable err) -> {
            if (err != null || r.statusCode() != 200) {
                errors.add(err != null ? err.getClass().getSimpleName() : "HTTP " + r.statusCode(),
                        err != null ? String.valueOf(err) : r.body());
            } else {
                lat.add(System.nanoTime() - t);
                JsonNode ack = ExamBench.json(r.body());
                if ("APPLIED".equals(ack.path("outcome").asText())) {
                    ledger.ack(c.attemptId, item.position(), seq, answer);
                    done.incrementAndGet();
                } else {
                    errors.add("outcome", r.body());
                }
            }
            next(c, end, lat, errors, ledger, done, finished);
        });
    }

    /** Closed loop of paper re-fetches; returns the size of one paper in bytes. */
    static long refetch(List<Started> clients, int seconds, Latencies lat, Errors errors, AtomicLong done)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(clients.size());
        AtomicLong bytes = new AtomicLong();
        for (Started c : clients) {
            fetchNext(c, end, lat, errors, done, finished, bytes);
        }
        if (!finished.await(seconds + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients did not finish");
        }
        return bytes.get();
    }

    static void fetchNext(Started c, long end, Latencies lat, Errors errors, AtomicLong done, CountDownLatch finished,
            AtomicLong bytes) {
        if (System.nanoTime() >= end) {
            finished.countDown();
            return;
        }
        long t = System.nanoTime();
        c.session.send(c.session.request("/api/v1/attempts/" + c.attemptId).header("X-Device-Id", c.device).GET().build())
                .whenComplete((HttpResponse<String> r, Throwable err) -> {
                    if (err != null || r.statusCode() != 200) {
                        errors.add(err != null ? err.getClass().getSimpleName() : "HTTP " + r.statusCode(),
                                err != null ? String.valueOf(err) : r.body());
                    } else {
                        lat.add(System.nanoTime() - t);
                        done.incrementAndGet();
                        bytes.set(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                    }
                    fetchNext(c, end, lat, errors, done, finished, bytes);
                });
    }

    /** Runs pgbench; returns {tps, "p50 | p95 | p99 | max"} from its per-transaction log. */
    static String[] pgbench(String schema, Path script, int clients, int seconds, Path logPrefix) throws Exception {
        for (Path old : Files.list(logPrefix.getParent()).filter(p -> p.getFileName().toString()
                .startsWith(logPrefix.getFileName().toString() + ".")).toList()) {
            Files.delete(old);
        }
        ExamBench.log("pgbench %s, %d clients, %d s; load %s", script.getFileName(), clients, seconds,
                ExamBench.loadAverage());
        ProcessBuilder pb = new ProcessBuilder(ExamBench.prop("bench.pgbench", "pgbench"), "-h", "127.0.0.1", "-U",
                "postgres", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "-f", script.toString(), "-l", "--log-prefix=" + logPrefix, "postgres");
        pb.environment().put("PGOPTIONS", "-c search_path=" + schema);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        System.out.println(out);
        String tps = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("tps = ")) {
                tps = line.substring(6).split(" ")[0];
            }
        }
        if (tps == null) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        Latencies lat = new Latencies();
        for (Path f : Files.list(logPrefix.getParent()).filter(x -> x.getFileName().toString()
                .startsWith(logPrefix.getFileName().toString() + ".")).toList()) {
            try (var lines = Files.lines(f)) {
                lines.forEach(l -> {
                    String[] c = l.split(" ");
                    if (c.length > 2) {
                        lat.add(Long.parseLong(c[2]) * 1000); // µs → ns
                    }
                });
            }
        }
        String[] row = lat.row().split("\\|");
        return new String[] { tps, row[2].trim() + " | " + row[3].trim() + " | " + row[4].trim() + " | " + row[5].trim() };
    }

    static long count(String schema, String sql) throws Exception {
        try (Connection c = ExamBench.db(schema); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
