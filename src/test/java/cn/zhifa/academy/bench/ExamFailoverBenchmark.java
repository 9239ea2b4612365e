package cn.zhifa.academy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.bench.ExamBench.Item;
import cn.zhifa.academy.bench.ExamBench.Latencies;
import cn.zhifa.academy.bench.ExamBench.Ledger;
import cn.zhifa.academy.bench.ExamBench.Service;
import cn.zhifa.academy.bench.ExamBench.Session;
import cn.zhifa.academy.bench.ExamBench.Started;

/**
 * Two nodes behind HAProxy, one killed mid-exam (issue 11; a benchmark, not part of the suite).
 * Both service nodes share one schema and the session key; HAProxy runs with the shipped
 * {@code docker/haproxy.cfg}. Every candidate works only through the balancer, as the exam page
 * does: a save or a submit that gets no answer, or a 503, is sent again after Retry-After. After
 * {@code bench.kill-after} seconds node 1 is killed with {@code kill -9}; candidates go on
 * through node 2 with the sessions node 1 issued. At the end every acknowledged answer must be
 * stored and every candidate submitted.
 *
 * <pre>
 * apt-get install -y haproxy            # Debian package, if absent
 * ./mvnw -B package -DskipTests
 * ./mvnw -B test -Dtest=ExamFailoverBenchmark [-Dbench.candidates=300 -Dbench.kill-after=20]
 * </pre>
 *
 * Options: bench.candidates (300), bench.answers (50), bench.think-min / bench.think-max (0.5 / 1.5 s),
 * bench.kill-after (20 s), bench.port (8190: the balancer; nodes on +1 and +2), bench.haproxy (haproxy).
 * Results: stdout and target/benchmark/exam-failover.md.
 */
class ExamFailoverBenchmark {

    @Test
    void twoNodesBehindHaproxyOneKilledMidExam() throws Exception {
        int n = ExamBench.intProp("bench.candidates", 300);
        int answers = ExamBench.intProp("bench.answers", 50);
        double thinkMin = Double.parseDouble(ExamBench.prop("bench.think-min", "0.5"));
        double thinkMax = Double.parseDouble(ExamBench.prop("bench.think-max", "1.5"));
        int killAfter = ExamBench.intProp("bench.kill-after", 20);
        int lbPort = ExamBench.intProp("bench.port", 8190);
        String schema = ExamBench.prop("bench.schema", "academy_bench_failover");
        List<String> report = new ArrayList<>();
        report.add("# Failover: two nodes behind HAProxy, kill -9 of one mid-exam");
        report.add("");
        report.add("- " + n + " candidates, " + answers + " answers each, think time " + thinkMin + "–" + thinkMax
                + " s, node 1 killed " + killAfter + " s after the starts; load average before: " + ExamBench.loadAverage());
        ExamBench.dropSchema(schema);
        Service node1 = new Service(schema, lbPort + 1, List.of());
        Service node2 = new Service(schema, lbPort + 2, List.of());
        Files.deleteIfExists(node1.logFile);
        Files.deleteIfExists(node2.logFile);
        Process haproxy = null;
        try {
            node1.start(); // runs the migrations
            ExamBench.seed(schema, n);
            node2.start();
            haproxy = haproxy(lbPort, node1.port, node2.port);
            String base = "http://127.0.0.1:" + lbPort;
            waitReady(base);
            HttpClient http = ExamBench.client(4);
            Session manager = ExamBench.manager(http, base);
            long exam = ExamBench.publishExam(manager, n, 30);
            double prepared = ExamBench.waitForPrepared(schema, exam, n, 600);
            report.add(String.format(Locale.ROOT, "- papers prepared %.1f s after publishing", prepared));
            List<Session> sessions = ExamBench.loginAll(http, base, n, 16);
            List<Started> started = ExamBench.startAll(sessions, exam, 64);
            ExamBench.log("%d attempts running through the balancer", started.size());

            Ledger ledger = new Ledger();
            AtomicLong retries = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong submitted = new AtomicLong();
            Latencies saves = new Latencies();
            CountDownLatch done = new CountDownLatch(started.size());
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            for (Started c : started) {
                next(c, exam, answers, thinkMin, thinkMax, timer, ledger, retries, failed, submitted, saves, done);
            }
            Thread.sleep(killAfter * 1000L);
            long ackedBefore = ledger.acks.size();
            node1.kill9();
            long killedAt = System.currentTimeMillis();
            ExamBench.log("node 1 killed; %d saves acknowledged so far", ackedBefore);
            while (!done.await(30, TimeUnit.SECONDS)) {
                ExamBench.log("acknowledged %d, retried %d, failed %d, submitted %d, load %s", ledger.acks.size(),
                        retries.get(), failed.get(), submitted.get(), ExamBench.loadAverage());
            }
            timer.shutdownNow();
            List<String> problems = new ArrayList<>();
            long lost = ledger.verify(schema, problems);
            String statuses = statuses(schema, exam);
            report.add("- acknowledged saves before the kill: " + ackedBefore + "; in all: " + ledger.acks.size()
                    + " (" + (ledger.acks.size() - ackedBefore) + " after the kill, through node 2 with the sessions "
                    + "node 1 had issued)");
            report.add("- requests sent again (503 + Retry-After, or no answer while node 1 died): " + retries.get()
                    + "; requests that failed for good: " + failed.get());
            report.add("- save latency through the balancer (client) " + saves.row());
            report.add("- submitted: " + submitted.get() + "/" + started.size() + "; attempts: " + statuses);
            report.add(String.format(Locale.ROOT, "- run ended %.0f s after the kill", (System.currentTimeMillis() - killedAt) / 1000.0));
            report.add("- **LOST ANSWERS** (acknowledged but not stored): " + lost);
            problems.forEach(p -> report.add("  - " + p));
            String text = String.join("\n", report) + "\n";
            Path out = Path.of("target/benchmark/exam-failover.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
            System.out.println(text);
            assertThat(lost).isZero();
            assertThat(failed.get()).isZero();
            assertThat(submitted.get()).isEqualTo(started.size());
        } finally {
            if (haproxy != null) {
                haproxy.destroy();
                haproxy.waitFor(10, TimeUnit.SECONDS);
            }
            node1.close();
            node2.close();
        }
    }

    /** Saves the next answer after a think time (sent again until acknowledged), then submits. */
    static void next(Started c, long exam, int answers, double thinkMin, double thinkMax, ScheduledExecutorService timer,
            Ledger ledger, AtomicLong retries, AtomicLong failed, AtomicLong submitted, Latencies saves,
            CountDownLatch done) {
        long delay = (long) ((thinkMin + ThreadLocalRandom.current().nextDouble() * (thinkMax - thinkMin)) * 1000);
        timer.schedule(() -> {
            if (c.next >= Math.min(answers, c.items.size())) {
                ExamBench.withRetry(() -> c.session.send(c.session.request("/api/v1/attempts/" + c.attemptId + "/submit")
                        .header("X-Device-Id", c.device).POST(HttpRequest.BodyPublishers.noBody()).build()), retries)
                        .whenComplete((r, err) -> {
                            if (err == null && r.statusCode() == 200) {
                                submitted.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                            done.countDown();
                        });
                return;
            }
            Item item = c.items.get(c.next);
            long seq = ++c.seq;
            List<String> answer = ExamBench.answerFor(item, ThreadLocalRandom.current());
            long t = System.nanoTime();
            ExamBench.withRetry(() -> ExamBench.save(c, item.position(), seq, answer), retries).whenComplete((r, err) -> {
                if (err == null && r.statusCode() == 200) {
                    String outcome = ExamBench.json(r.body()).path("outcome").asText();
                    // STALE: a replay of a save whose first reply was lost in the kill, already stored
                    if ("APPLIED".equals(outcome) || "STALE".equals(outcome)) {
                        ledger.ack(c.attemptId, item.position(), seq, answer);
                        saves.add(System.nanoTime() - t);
                        c.next++;
                        next(c, exam, answers, thinkMin, thinkMax, timer, ledger, retries, failed, submitted, saves, done);
                        return;
                    }
                }
                failed.incrementAndGet();
                done.countDown();
            });
        }, delay, TimeUnit.MILLISECONDS);
    }

    static Process haproxy(int port, int node1, int node2) throws Exception {
        Path cfg = Path.of("docker/haproxy.cfg").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(ExamBench.prop("bench.haproxy", "haproxy"), "-db", "-f", cfg.toString());
        pb.environment().put("ACADEMY_LB_BIND", "127.0.0.1:" + port);
        pb.environment().put("ACADEMY_NODE1", "127.0.0.1:" + node1);
        pb.environment().put("ACADEMY_NODE2", "127.0.0.1:" + node2);
        pb.environment().put("ACADEMY_LB_ERRORS", Path.of("docker/haproxy-errors").toAbsolutePath().toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/benchmark/haproxy.log").toFile()));
        Files.createDirectories(Path.of("target/benchmark"));
        Process p = pb.start();
        ExamBench.log("haproxy pid %d on port %d -> %d, %d", p.pid(), port, node1, node2);
        return p;
    }

    static void waitReady(String base) throws Exception {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = probe.send(HttpRequest.newBuilder(URI.create(base + "/node/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the balancer is not ready");
    }

    static String statuses(String schema, long exam) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = ExamBench.db(schema); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, count(*) FROM exam_attempt WHERE exam_id = " + exam
                        + " GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append(' ').append(rs.getLong(2)).append("; ");
            }
        }
        return sb.toString();
    }
}
