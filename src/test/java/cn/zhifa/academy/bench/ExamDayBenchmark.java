package cn.zhifa.academy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * Exam day (not part of the suite: the class name does not end in Test). N candidates press 开始
 * within the same second, answer a 50-question paper saving each answer after a think time drawn
 * uniformly from 5–15 s, and submit. The service runs as a separate process on its own schema
 * and port. Afterwards every acknowledged save is compared with attempt_item.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B test -Dtest=ExamDayBenchmark -Dbench.candidates=3000
 * </pre>
 *
 * Options: bench.candidates (3000), bench.schema (academy_bench), bench.port (8190),
 * bench.think-min / bench.think-max (5 / 15 s), bench.login-parallel (32),
 * bench.answers (50: answers saved per candidate; fewer shortens the run at the same save rate),
 * bench.audience (category | list: the exam names every candidate by employee number),
 * bench.page (false: also open the exam page and fetch the paper again, as exam.js does),
 * bench.poll (0: the page's status poll period in seconds, 30 in exam.js),
 * bench.service.jvm (-Xmx1g), bench.pool (ACADEMY_DB_POOL_MAX, default the service's 30),
 * bench.admission (academy.exam.admission-limit, default the service's 64), bench.submit-admission
 * (academy.exam.submit-admission-limit, default 2 per CPU; 1000 opens the submit gate for a peer run), bench.prepare-wait (900 s),
 * bench.lobby (true: every candidate loads the lobby page before the bell and keeps its connection),
 * bench.warmup (0: candidates taking a warm-up exam first), bench.client-threads (1: the load client's event loops),
 * bench.client-pools (64: connection pools per event loop; a candidate always uses the same one).
 * Results: stdout and target/benchmark/exam-day-N.md.
 */
class ExamDayBenchmark {

    /**
     * bench.page=true models the exam page exactly (static/exam.js): after the POST, the browser
     * opens /attempts/{id} (HTML) and fetches the paper again with GET /api/v1/attempts/{id};
     * the start latency then runs to that paper. Default false: the POST alone (as measured in
     * docs/performance.md).
     */
    static final boolean PAGE = Boolean.parseBoolean(ExamBench.prop("bench.page", "false"));

    /** bench.poll=30: the page's status poll every 30 s while answering (0, the default: off). */
    static final int POLL = ExamBench.intProp("bench.poll", 0);

    /**
     * bench.warmup=N: before the measured bell, N of the candidates take a short warm-up exam of
     * their own (开始, question document, one answer, 交卷), as a node that has served an exam since
     * its start (the customary 试考 round) would have done; 0, the default, measures a cold node.
     */
    static final int WARMUP = ExamBench.intProp("bench.warmup", 0);

    /**
     * bench.lobby=true (the default): in the minute before the bell every candidate opens the exam's
     * lobby page (GET /exams/{id}, the page that counts down and presses 开始 at the bell), all at
     * once, so each holds a keep-alive connection as a phone waiting in the lobby does; the bell
     * then reuses those connections. false: the 开始 requests open their connections at the bell
     * (the second and third rounds of docs/performance.md).
     */
    static final boolean LOBBY = Boolean.parseBoolean(ExamBench.prop("bench.lobby", "true"));

    /** Answers saved per candidate before submitting (default all 50; fewer shortens a run, same save rate). */
    static final int ANSWERS = ExamBench.intProp("bench.answers", 50);

    @Test
    void examDay() throws Exception {
        int n = ExamBench.intProp("bench.candidates", 3000);
        String schema = ExamBench.prop("bench.schema", "academy_bench");
        int port = ExamBench.intProp("bench.port", 8190);
        double thinkMin = Double.parseDouble(ExamBench.prop("bench.think-min", "5"));
        double thinkMax = Double.parseDouble(ExamBench.prop("bench.think-max", "15"));
        int loginParallel = ExamBench.intProp("bench.login-parallel", 32);
        List<String> extra = new ArrayList<>();
        String pool = ExamBench.prop("bench.pool", "");
        if (!pool.isEmpty()) {
            extra.add("-Dquarkus.datasource.jdbc.max-size=" + pool);
        }
        String admission = ExamBench.prop("bench.admission", "");
        if (!admission.isEmpty()) {
            extra.add("-Dacademy.exam.admission-limit=" + admission);
        }
        String submitGate = ExamBench.prop("bench.submit-admission", "");
        if (!submitGate.isEmpty()) {
            extra.add("-Dacademy.exam.submit-admission-limit=" + submitGate);
        }
        String loadBefore = ExamBench.loadAverage();
        ExamBench.log("exam day with %d candidates; load average before: %s", n, loadBefore);

        ExamBench.dropSchema(schema);
        try (Service service = new Service(schema, port, extra)) {
            Files.deleteIfExists(service.logFile);
            service.start();
            ExamBench.seed(schema, n);
            HttpClient http = ExamBench.client(4);
            Session manager = ExamBench.manager(http, service.base());
            long warmExam = -1;
            if (WARMUP > 0) {
                warmExam = ExamBench.publishExam(manager, n, 90);
                ExamBench.waitForPrepared(schema, warmExam, n, ExamBench.intProp("bench.prepare-wait", 900));
            }
            long exam = ExamBench.publishExam(manager, n, 90);
            // issue 11: papers are drawn in the background after publishing, before the bell
            double prepareSecs = ExamBench.waitForPrepared(schema, exam, n, ExamBench.intProp("bench.prepare-wait", 900));
            Result r;
            try (CpuSampler cpu = new CpuSampler(service.pid())) {
                r = run(http, service, exam, warmExam, n, thinkMin, thinkMax, loginParallel, cpu);
                r.metrics = ExamBench.metrics(manager, "agroal", "http_server_requests_seconds_max",
                        "http_server_active", "jvm_threads_live", "process_cpu", "jvm_gc_pause_seconds_sum",
                        "jvm_gc_pause_seconds_count", "worker_pool");
            }
            r.prepareSecs = prepareSecs;
            r.loadBefore = loadBefore;
            r.loadAfter = ExamBench.loadAverage();
            verify(schema, exam, r);
            serverSide(service.logFile, r);
            String report = report(n, r, service, thinkMin, thinkMax, pool);
            Path out = Path.of("target/benchmark/exam-day-" + n + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            assertThat(r.lost).as("lost answers").isZero();
        }
    }

    static final class Result {
        final Latencies login = new Latencies();
        final Latencies start = new Latencies();
        final Latencies save = new Latencies();
        final Latencies submit = new Latencies();
        final Latencies poll = new Latencies();
        final Latencies lobby = new Latencies();
        double lobbySecs;
        final Errors errors = new Errors();
        final Ledger ledger = new Ledger();
        final AtomicLong paperBytes = new AtomicLong();
        final AtomicLong papers = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final Latencies startPost = new Latencies();
        final AtomicLong busy = new AtomicLong();
        final AtomicLong docBytes = new AtomicLong();
        final AtomicLong docs = new AtomicLong();
        double prepareSecs;
        long loginMs;
        double startBurstSecs;
        double runSecs;
        String cpuLogin;
        String cpuStart;
        String cpuSave;
        String metrics;
        String loadBefore;
        String loadAfter;
        long lost = -1;
        List<String> problems = new ArrayList<>();
        long events;
        String statuses;
        String serverSave = "-";
        String serverSteady = "-";
        String serverStart = "-";
        double peakSavesPerSec;
    }

    /** One candidate's walk through the paper. */
    static final class Candidate {
        final Session session;
        final String device;
        long attemptId;
        List<Item> items;
        /** The start's answer until {@link #parse} reads it. */
        HttpResponse<String> paper;
        volatile java.util.concurrent.ScheduledFuture<?> poll;
        int next;

        Candidate(Session session, String device) {
            this.session = session;
            this.device = device;
        }
    }

    static Result run(HttpClient http, Service service, long exam, long warmExam, int n, double thinkMin,
            double thinkMax, int loginParallel, CpuSampler cpu) throws Exception {
        Result r = new Result();
        double c0 = cpu.now();
        long t0 = System.nanoTime();
        List<Session> sessions = ExamBench.loginAll(http, service.base(), n, loginParallel);
        r.loginMs = (System.nanoTime() - t0) / 1_000_000;
        long missing = sessions.stream().filter(s -> s == null).count();
        ExamBench.log("%d candidates logged in in %d ms (%.0f/s), %d failed", n - missing, r.loginMs,
                (n - missing) * 1000.0 / Math.max(1, r.loginMs), missing);
        if (missing > 0) {
            r.errors.add("login", missing + " logins failed");
        }
        r.cpuLogin = cpu.summary(c0, cpu.now());
        if (warmExam > 0) {
            warmUp(sessions, warmExam, Math.min(WARMUP, n), r);
        }

        if (LOBBY) {
            lobby(sessions, exam, r);
        }

        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong started = new AtomicLong();
        double[] burstEnd = new double[1];
        long go = System.nanoTime() + 2_000_000_000L;
        double cStart = cpu.now() + 2;
        for (int i = 0; i < n; i++) {
            Session s = sessions.get(i);
            if (s == null) {
                done.countDown();
                continue;
            }
            Candidate c = new Candidate(s, "bench-device-" + i);
            long at = go + ThreadLocalRandom.current().nextLong(1_000_000_000L) - System.nanoTime();
            timer.schedule(() -> start(c, exam, r, timer, done, thinkMin, thinkMax, () -> {
                if (started.incrementAndGet() == n - missing) {
                    burstEnd[0] = cpu.now();
                }
            }), at, TimeUnit.NANOSECONDS);
        }
        ExamBench.log("the bell rings at %s; the 开始 presses spread over the second after it",
                java.time.Instant.now().plusNanos(go - System.nanoTime()));
        long runStart = System.nanoTime();
        while (!done.await(30, TimeUnit.SECONDS)) {
            ExamBench.log("started %d, saves %d, errors %s, in progress %d, load %s", started.get(), r.save.count(),
                    r.errors, done.getCount(), ExamBench.loadAverage());
        }
        r.runSecs = (System.nanoTime() - runStart) / 1e9;
        timer.shutdownNow();
        r.startBurstSecs = burstEnd[0] - cStart;
        r.cpuStart = cpu.summary(cStart, burstEnd[0]);
        r.cpuSave = cpu.summary(burstEnd[0] + thinkMin, cpu.now() - 1);
        return r;
    }

    static void start(Candidate c, long exam, Result r, ScheduledExecutorService timer, CountDownLatch done,
            double thinkMin, double thinkMax, Runnable onStarted) {
        long t = System.nanoTime();
        HttpRequest req = c.session.request("/api/v1/my/exams/" + exam + "/attempts").header("X-Device-Id", c.device)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        ExamBench.withRetry(() -> c.session.send(req), r.busy).whenComplete((resp, err) -> {
            onStarted.run();
            if (err != null || resp.statusCode() != 201) {
                r.errors.add(err != null ? "start " + err.getClass().getSimpleName() : "start HTTP " + resp.statusCode(),
                        err != null ? String.valueOf(err) : resp.body());
                done.countDown();
                return;
            }
            // the paper has arrived: its latency ends here, before the harness does anything with it
            r.startPost.add(System.nanoTime() - t);
            r.paperBytes.addAndGet(ExamBench.length(resp));
            r.papers.incrementAndGet();
            // parsed when the candidate first needs it (the first save, after the think time): a phone
            // parses its paper on its own CPU, so the harness keeps that work out of the burst it
            // shares the 2 cores with
            c.paper = resp;
            if (!PAGE) {
                // the page then fetches the exam's question document once (gzip, cached afterwards)
                ExamBench.withRetry(() -> ExamBench.questions(c.session, exam), r.busy).whenComplete((doc, err3) -> {
                    if (err3 != null || doc.statusCode() != 200) {
                        r.errors.add("questions", err3 != null ? String.valueOf(err3) : doc.statusCode() + " " + doc.body());
                    } else {
                        r.start.add(System.nanoTime() - t);
                        r.docs.incrementAndGet();
                        r.docBytes.addAndGet(doc.headers().firstValueAsLong("content-length").orElse(0));
                    }
                    begin(c, r, timer, done, thinkMin, thinkMax);
                });
                return;
            }
            parse(c);
            c.session.send(c.session.request("/attempts/" + c.attemptId).GET().build())
                    .thenCompose(html -> {
                        if (html.statusCode() != 200) {
                            throw new IllegalStateException("exam page HTTP " + html.statusCode());
                        }
                        return c.session.send(c.session.request("/api/v1/attempts/" + c.attemptId)
                                .header("X-Device-Id", c.device).GET().build());
                    }).whenComplete((p2, err2) -> {
                        if (err2 != null || p2.statusCode() != 200) {
                            r.errors.add("paper", err2 != null ? String.valueOf(err2) : p2.statusCode() + " " + p2.body());
                        } else {
                            r.start.add(System.nanoTime() - t);
                        }
                        begin(c, r, timer, done, thinkMin, thinkMax);
                    });
        });
    }

    /**
     * The lobby: every candidate loads the exam's lobby page at once (not timed as a start; its
     * latency is reported), which leaves the client with one open keep-alive connection per
     * candidate, as the phones in the lobby hold them. Failures count as errors.
     */
    static void lobby(List<Session> sessions, long exam, Result r) throws Exception {
        long t0 = System.nanoTime();
        CountDownLatch all = new CountDownLatch(sessions.size());
        for (Session s : sessions) {
            if (s == null) {
                all.countDown();
                continue;
            }
            long t = System.nanoTime();
            ExamBench.withRetry(() -> s.send(s.request("/exams/" + exam).GET().build()), null).whenComplete((resp, err) -> {
                if (err != null || resp.statusCode() != 200) {
                    r.errors.add("lobby", err != null ? String.valueOf(err) : resp.statusCode() + " " + resp.body());
                } else {
                    r.lobby.add(System.nanoTime() - t);
                }
                all.countDown();
            });
        }
        all.await(10, TimeUnit.MINUTES);
        r.lobbySecs = (System.nanoTime() - t0) / 1e9;
        ExamBench.log("lobby: %d candidates loaded the lobby page in %.1f s (%s open connections); errors so far %s",
                r.lobby.count(), r.lobbySecs, ExamBench.VertxTransport.ENABLED ? "one per candidate" : "JDK client", r.errors);
        Thread.sleep(3_000);
    }

    /**
     * The warm-up round: the first {@code w} candidates start the warm-up exam, fetch its question
     * document, save one answer and submit, 200 at a time (not timed; failures count as errors).
     */
    static void warmUp(List<Session> sessions, long exam, int w, Result r) throws Exception {
        long t0 = System.nanoTime();
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(200);
        CountDownLatch all = new CountDownLatch(w);
        for (int i = 0; i < w; i++) {
            Session s = sessions.get(i);
            if (s == null) {
                all.countDown();
                continue;
            }
            window.acquire();
            Candidate c = new Candidate(s, "warm-device-" + i);
            HttpRequest req = s.request("/api/v1/my/exams/" + exam + "/attempts").header("X-Device-Id", c.device)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            ExamBench.withRetry(() -> s.send(req), null).thenCompose(resp -> {
                if (resp.statusCode() != 201) {
                    throw new IllegalStateException("warm-up start HTTP " + resp.statusCode());
                }
                JsonNode paper = ExamBench.json(resp);
                c.attemptId = paper.get("attemptId").asLong();
                c.items = ExamBench.items(paper);
                return ExamBench.withRetry(() -> ExamBench.questions(s, exam), null);
            }).thenCompose(doc -> {
                Item item = c.items.get(0);
                String body;
                try {
                    body = ExamBench.JSON.writeValueAsString(Map.of("seq", 1, "answer",
                            ExamBench.answerFor(item, ThreadLocalRandom.current()), "flagged", false));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return ExamBench.withRetry(() -> s.send(s.request("/api/v1/attempts/" + c.attemptId + "/answers/"
                        + item.position()).header("X-Device-Id", c.device).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build()), null);
            }).thenCompose(saved -> s.send(s.request("/api/v1/attempts/" + c.attemptId + "/submit")
                    .header("X-Device-Id", c.device).POST(HttpRequest.BodyPublishers.noBody()).build()))
                    .whenComplete((done, err) -> {
                        if (err != null || done.statusCode() != 200) {
                            r.errors.add("warm-up", err != null ? String.valueOf(err) : done.statusCode() + " " + done.body());
                        }
                        window.release();
                        all.countDown();
                    });
        }
        all.await(10, TimeUnit.MINUTES);
        ExamBench.log("warm-up: %d candidates took the warm-up exam in %d ms; errors so far %s", w,
                (System.nanoTime() - t0) / 1_000_000, r.errors);
        Thread.sleep(5_000); // let the submits' grading and the JIT settle before the bell
    }

    /** Reads the candidate's paper (attempt id, items) from the start's answer, once. */
    static void parse(Candidate c) {
        synchronized (c) {
            if (c.items == null) {
                JsonNode paper = ExamBench.json(c.paper);
                c.attemptId = paper.get("attemptId").asLong();
                c.items = ExamBench.items(paper);
                c.paper = null;
            }
        }
    }

    static void begin(Candidate c, Result r, ScheduledExecutorService timer, CountDownLatch done, double thinkMin,
            double thinkMax) {
        if (POLL > 0) {
            long first = ThreadLocalRandom.current().nextLong(POLL * 1000L);
            c.poll = timer.scheduleAtFixedRate(() -> {
                parse(c);
                long t = System.nanoTime();
                c.session.send(c.session.request("/api/v1/attempts/" + c.attemptId + "/status")
                        .header("X-Device-Id", c.device).GET().build()).whenComplete((resp, err) -> {
                            if (err != null || resp.statusCode() != 200) {
                                r.errors.add("poll", err != null ? String.valueOf(err) : resp.statusCode() + " " + resp.body());
                            } else {
                                r.poll.add(System.nanoTime() - t);
                            }
                        });
            }, first, POLL * 1000L, TimeUnit.MILLISECONDS);
        }
        scheduleNext(c, r, timer, done, thinkMin, thinkMax);
    }

    static void scheduleNext(Candidate c, Result r, ScheduledExecutorService timer, CountDownLatch done,
            double thinkMin, double thinkMax) {
        long delay = (long) ((thinkMin + ThreadLocalRandom.current().nextDouble() * (thinkMax - thinkMin)) * 1000);
        // before the first save the paper is not parsed yet; it has at least one item
        int items = c.items == null ? Integer.MAX_VALUE : c.items.size();
        if (c.next >= Math.min(ANSWERS, items)) {
            timer.schedule(() -> submit(c, r, done), delay, TimeUnit.MILLISECONDS);
        } else {
            timer.schedule(() -> save(c, r, timer, done, thinkMin, thinkMax), delay, TimeUnit.MILLISECONDS);
        }
    }

    static void save(Candidate c, Result r, ScheduledExecutorService timer, CountDownLatch done, double thinkMin,
            double thinkMax) {
        parse(c);
        Item item = c.items.get(c.next++);
        long seq = c.next; // increases with every save of this attempt
        List<String> answer = ExamBench.answerFor(item, ThreadLocalRandom.current());
        String body;
        try {
            body = ExamBench.JSON.writeValueAsString(Map.of("seq", seq, "answer", answer, "flagged", false));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long t = System.nanoTime();
        HttpRequest req = c.session.request("/api/v1/attempts/" + c.attemptId + "/answers/" + item.position())
                .header("X-Device-Id", c.device).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        ExamBench.withRetry(() -> c.session.send(req), r.busy).whenComplete((resp, err) -> {
            if (err != null || resp.statusCode() != 200) {
                r.errors.add(err != null ? "save " + err.getClass().getSimpleName() : "save HTTP " + resp.statusCode(),
                        err != null ? String.valueOf(err) : resp.body());
            } else {
                r.save.add(System.nanoTime() - t);
                JsonNode ack = ExamBench.json(resp);
                if ("APPLIED".equals(ack.path("outcome").asText()) && ack.path("seq").asLong() == seq) {
                    r.ledger.ack(c.attemptId, item.position(), seq, answer);
                    r.applied.incrementAndGet();
                } else {
                    r.errors.add("save outcome", "HTTP " + resp.statusCode() + ", content-length "
                            + resp.headers().firstValue("content-length").orElse("none") + ", "
                            + resp.body().length() + " chars: " + resp.body());
                }
            }
            scheduleNext(c, r, timer, done, thinkMin, thinkMax);
        });
    }

    static void submit(Candidate c, Result r, CountDownLatch done) {
        parse(c);
        long t = System.nanoTime();
        HttpRequest req = c.session.request("/api/v1/attempts/" + c.attemptId + "/submit").header("X-Device-Id", c.device)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        if (c.poll != null) {
            c.poll.cancel(false);
        }
        // the submit gate may answer 503 + Retry-After in the wave; the page waits and tries again
        ExamBench.withRetry(() -> c.session.send(req), r.busy).whenComplete((resp, err) -> {
            if (err != null || resp.statusCode() != 200) {
                r.errors.add(err != null ? "submit " + err.getClass().getSimpleName() : "submit HTTP " + resp.statusCode(),
                        err != null ? String.valueOf(err) : resp.body());
            } else {
                r.submit.add(System.nanoTime() - t);
            }
            done.countDown();
        });
    }

    static void verify(String schema, long exam, Result r) throws Exception {
        r.lost = r.ledger.verify(schema, r.problems);
        try (Connection c = ExamBench.db(schema); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM answer_event e JOIN exam_attempt a ON a.id = e.attempt_id "
                    + "WHERE a.exam_id = " + exam)) {
                rs.next();
                r.events = rs.getLong(1);
            }
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = s.executeQuery("SELECT status, count(*) FROM exam_attempt WHERE exam_id = " + exam
                    + " GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(' ').append(rs.getLong(2)).append("; ");
                }
            }
            r.statuses = sb.toString();
        }
    }

    /** Server-side request durations from the access log (duration_ms=…), for starts and saves. */
    static void serverSide(Path log, Result r) throws Exception {
        Latencies save = new Latencies();
        Latencies steady = new Latencies();
        Latencies start = new Latencies();
        // the last 开始 answered (access log timestamps sort as text): saves after it are the steady state
        String lastStart;
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lastStart = lines.filter(l -> l.contains("access remote=") && l.contains("method=POST")
                    && l.contains("/attempts\"")).map(l -> l.substring(0, 23)).max(String::compareTo).orElse("");
        }
        java.util.Map<String, Integer> perSecond = new java.util.HashMap<>();
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.filter(l -> l.contains("access remote=")).forEach(l -> {
                int d = l.indexOf("duration_ms=");
                if (d < 0) {
                    return;
                }
                int e = l.indexOf(' ', d);
                long ms;
                try {
                    ms = Long.parseLong(l.substring(d + 12, e < 0 ? l.length() : e));
                } catch (NumberFormatException ex) {
                    return;
                }
                if (l.contains("method=PUT") && l.contains("/answers/")) {
                    save.add(ms * 1_000_000);
                    if (l.substring(0, 23).compareTo(lastStart) > 0) {
                        steady.add(ms * 1_000_000);
                    }
                    // timestamp at the start of the line: yyyy-MM-ddTHH:mm:ss
                    perSecond.merge(l.substring(0, 19), 1, Integer::sum);
                } else if (l.contains("method=POST") && l.contains("/attempts\"")) {
                    start.add(ms * 1_000_000);
                }
            });
        }
        r.serverSave = save.row();
        r.serverSteady = steady.row();
        r.serverStart = start.row();
        r.peakSavesPerSec = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    static String report(int n, Result r, Service service, double thinkMin, double thinkMax, String pool) {
        List<String> l = new ArrayList<>();
        l.add("# Exam day: " + n + " candidates");
        l.add("");
        l.add("- model: " + n + " candidates press 开始 within one second; a 50-question paper (30 单选, 10 多选, 10 判断), "
                + ANSWERS + " answers each saved after a think time uniform in " + thinkMin + "–" + thinkMax + " s; then submit");
        l.add(WARMUP > 0 ? "- node warmed before the bell: " + WARMUP + " candidates took a warm-up exam (开始, question document, one answer, 交卷) on the same service"
                : "- cold node: the bell is the first 开始 the service serves since its start");
        l.add("- start measured " + (PAGE ? "as the page does it: POST, the exam page (HTML), GET paper" : "as the POST alone")
                + "; status poll " + (POLL > 0 ? "every " + POLL + " s" : "off"));
        l.add("- machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average before: " + r.loadBefore
                + "; after: " + r.loadAfter);
        l.add("- service: separate JVM (" + ExamBench.prop("bench.service.jvm", ExamBench.Service.defaultServiceJvm()) + "), DB pool "
                + (pool.isEmpty() ? "30 (default)" : pool) + ", schema " + service.schema);
        l.add(String.format(Locale.ROOT, "- login: %d sessions in %d ms (%.0f/s, bcrypt cost %d, %s in parallel)", n,
                r.loginMs, n * 1000.0 / Math.max(1, r.loginMs), ExamBench.BCRYPT_COST,
                ExamBench.prop("bench.login-parallel", "32")));
        l.add(String.format(Locale.ROOT, "- papers prepared in the background %.1f s after publishing (-1: not all)",
                r.prepareSecs));
        l.add(String.format(Locale.ROOT, "- start burst: all %d papers delivered %.1f s after the first 开始; "
                + "average paper %d bytes of JSON; question document %d bytes gzip (%d fetched)", r.papers.get(),
                r.startBurstSecs, r.papers.get() == 0 ? 0 : r.paperBytes.get() / r.papers.get(),
                r.docs.get() == 0 ? 0 : r.docBytes.get() / r.docs.get(), r.docs.get()));
        l.add(LOBBY ? String.format(Locale.ROOT, "- lobby: every candidate loaded the lobby page before the bell (%.1f s for all; "
                + "one keep-alive connection each, reused at the bell)", r.lobbySecs)
                : "- no lobby: the 开始 requests open their connections at the bell");
        l.add("- client event loops: " + ExamBench.prop("bench.client-threads", "1") + ", connection pools per loop: "
                + ExamBench.prop("bench.client-pools", "64"));
        l.add("- refused by admission control (503 + Retry-After, retried as the page does): " + r.busy.get());
        l.add(String.format(Locale.ROOT, "- whole run: %.0f s; peak saves/s (server log): %.0f", r.runSecs,
                r.peakSavesPerSec));
        l.add("");
        l.add("| client-side latency | count | p50 | p95 | p99 | max |");
        l.add("|---|---|---|---|---|---|");
        l.add("| start (开始 → paper and question document, 503s ridden out) " + r.start.row());
        l.add("| start POST alone (开始 → paper) " + r.startPost.row());
        l.add("| save answer " + r.save.row());
        l.add("| submit " + r.submit.row());
        if (LOBBY) {
            l.add("| lobby page (before the bell, all at once; not part of the start) " + r.lobby.row());
        }
        if (POLL > 0) {
            l.add("| status poll (every " + POLL + " s) " + r.poll.row());
        }
        l.add("| server-side start (access log) " + r.serverStart);
        l.add("| server-side save (access log) " + r.serverSave);
        l.add("| server-side save after the last 开始 was answered " + r.serverSteady);
        l.add("");
        l.add("| phase | machine CPU (cores of 2) | service | postgres (all) | harness |");
        l.add("|---|---|---|---|---|");
        l.add("| login " + r.cpuLogin);
        l.add("| start burst " + r.cpuStart);
        l.add("| answering " + r.cpuSave);
        l.add("");
        l.add("- errors: " + r.errors);
        r.errors.samples.forEach(s -> l.add("  - " + s));
        l.add("- acknowledged saves: " + r.applied.get() + " (distinct answers " + r.ledger.distinctAnswers()
                + "); answer_event rows: " + r.events);
        l.add("- LOST ANSWERS (acknowledged but not stored as acknowledged): " + r.lost);
        r.problems.forEach(p -> l.add("  - " + p));
        l.add("- attempts: " + r.statuses);
        l.add("");
        l.add("Service metrics at the end:");
        l.add("");
        l.add("```");
        l.add(r.metrics == null ? "" : r.metrics.trim());
        l.add("```");
        return String.join("\n", l) + "\n";
    }
}
