package cn.zhifa.academy.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.curriculum.CourseImporter;
import cn.zhifa.academy.curriculum.Lesson;
import cn.zhifa.academy.curriculum.LessonType;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.AccountService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Progress-heartbeat and 我的学习 benchmark (not part of the suite). 200 learners with real
 * sessions; 64 client lanes send heartbeats back to back (each learner's position advancing
 * 10 s per beat), then load the 我的学习 page. Run with
 * {@code ./mvnw -B package -DskipTests} then {@code ./mvnw -B -o test -Dtest=LearningBenchmark};
 * results on stdout and in target/benchmark/learning.md.
 *
 * <p>{@code -Dbench.learning.mode=external} (the default): the course and the learners are set up
 * through this test's Quarkus, then the service under test is the packaged jar in a JVM of its own
 * on the same schema (as {@link ExamDayBenchmark} runs it), driven by the exam day's load client
 * (Vert.x, one event loop, keep-alive). {@code inside}: the earlier model, the test's own Quarkus
 * driven by one JDK {@code HttpClient} per learner on 64 threads, in the same JVM as the service
 * it measures (the figures before 2026-12-04 evening).
 */
@QuarkusTest
class LearningBenchmark {

    static final int LEARNERS = 200;
    static final int THREADS = 64;
    static final int BEATS_PER_LEARNER = 60;
    /**
     * External mode: the first N beats of every learner (and N pages each, at most 5) go out before the timing, so that
     * the figures are those of a node that has run for a while (its JIT and caches warm); 0 (default) times a node
     * that has just started, as the earlier rounds did.
     */
    static final int WARMUP = Integer.parseInt(ExamBench.prop("bench.warmup", "0"));
    static final int PAGES_PER_LEARNER = Integer.parseInt(ExamBench.prop("bench.pages", "10"));

    @TestHTTPResource("/")
    URL root;

    @Inject
    CourseImporter importer;

    @Inject
    AccountService accounts;

    /** external (default): the jar in its own JVM, the Vert.x client; inside: this JVM, JDK clients. */
    static final String MODE = ExamBench.prop("bench.learning.mode", "external");

    record Learner(HttpClient http, String token) {
    }

    @Test
    void heartbeatsAndMyLearning() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target/course-folders")), "bench");
        Path dir = Files.createDirectories(folder.resolve("BENCH-HB/media"));
        Files.copy(Path.of("courses/TY-RXZF/media/shouwei-bufa.mp4"), dir.resolve("clip.mp4"));
        Files.writeString(folder.resolve("BENCH-HB/course.yaml"), "code: BENCH-HB\ntitle: 压测课程\ncategory: 通用\n"
                + "grades: [在岗]\nlevels: [镇街]\nhours: 1\nlessons: [01-video.md]\n");
        Files.writeString(folder.resolve("BENCH-HB/01-video.md"),
                "---\ntitle: 长视频\ntype: video\nduration: 20\nrequired: true\nvideo: media/clip.mp4\n---\n");
        importer.importFolder(folder, "bench");
        long lessonId = QuarkusTransaction.requiringNew().call(() -> Lesson.<Lesson> find(
                "type = ?1 AND title = '长视频'", LessonType.VIDEO).firstResult().id);

        List<Long> people = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "id NOT IN (SELECT a.personId FROM Account a WHERE a.personId IS NOT NULL) ORDER BY id").page(0, LEARNERS)
                .list().stream().map(p -> p.id).toList());
        List<Learner> learners = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> setup = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            long personId = people.get(i);
            String username = "bench" + i;
            setup.add(pool.submit(() -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    Account a = accounts.create(username, "压测" + username, "Bench-pass-2026", "learner", null, null, false);
                    a.personId = personId;
                });
                if ("external".equals(MODE)) {
                    return null; // the learners log in on the service under test, not on this one
                }
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                http.send(HttpRequest.newBuilder(uri("j_security_check")).header("Content-Type",
                        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                                "j_username=" + username + "&j_password=Bench-pass-2026")).build(),
                        HttpResponse.BodyHandlers.discarding());
                String body = http.send(HttpRequest.newBuilder(uri("api/v1/csrf-token")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
                learners.add(new Learner(http, token));
                return null;
            }));
        }
        for (Future<?> f : setup) {
            f.get();
        }
        if ("external".equals(MODE)) {
            pool.shutdown();
            external(lessonId, people.size());
            return;
        }

        List<String> report = new ArrayList<>();
        report.add("# Learning benchmark");
        report.add("");
        report.add("- " + learners.size() + " learners with real sessions, " + THREADS + " client threads, no think time");
        report.add("");
        report.add("| path | requests | errors | throughput | p50 | p95 | p99 | max |");
        report.add("|---|---|---|---|---|---|---|---|");

        // heartbeats: every learner advances 10 s per beat
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (Learner l : learners) {
            work.add(pool.submit(() -> {
                for (int b = 0; b < BEATS_PER_LEARNER; b++) {
                    HttpRequest req = HttpRequest.newBuilder(uri("api/v1/learning/lessons/" + lessonId + "/heartbeat"))
                            .header("Content-Type", "application/json").header("X-CSRF-TOKEN", l.token())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"position\":" + (b * 10) + ",\"duration\":1200}"))
                            .build();
                    long s = System.nanoTime();
                    HttpResponse<String> r = l.http().send(req, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - s);
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        report.add(row("POST heartbeat", latencies, errors.get(), System.nanoTime() - start));

        // 我的学习 page
        latencies.clear();
        errors.set(0);
        start = System.nanoTime();
        work.clear();
        for (Learner l : learners) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < PAGES_PER_LEARNER; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = l.http().send(HttpRequest.newBuilder(uri("learn")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - s);
                    if (r.statusCode() != 200 || !r.body().contains("hours-now")) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        report.add(row("GET /learn (我的学习)", latencies, errors.get(), System.nanoTime() - start));
        pool.shutdown();

        report.add("");
        finish(report, learners.size());
    }

    /** The check that every learner's furthest point is the last acknowledged one, then the report. */
    private static void finish(List<String> report, int learners) throws java.io.IOException {
        long stored = QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.curriculum.LessonProgress
                .count("lessonKey = '01-video' AND furthestSeconds = ?1", new java.math.BigDecimal("590.0")));
        report.add("- progress rows at the last acknowledged position (590 s): " + stored + " of " + learners);
        String text = String.join("\n", report) + "\n";
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/learning.md"), text);
        System.out.println(text);
    }

    /**
     * The same two phases against the packaged service in a JVM of its own on this test's schema,
     * with the exam day's client: {@link #THREADS} lanes, each taking the next learner and sending
     * its beats one after the other (then its page loads), as the threads of the inside mode do.
     */
    private void external(long lessonId, int learnerCount) throws Exception {
        String schema = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("academy.db-schema", String.class);
        int port = ExamBench.intProp("bench.port", 8190);
        String load = ExamBench.loadAverage();
        try (ExamBench.Service service = new ExamBench.Service(schema, port, List.of())) {
            service.start();
            // the JDK client a session falls back to with -Dbench.client=jdk; the Vert.x one otherwise
            HttpClient jdk = ExamBench.client(1);
            List<ExamBench.Session> sessions = new ArrayList<>();
            for (int i = 0; i < learnerCount; i++) {
                sessions.add(new ExamBench.Session(jdk, service.base()).login("bench" + i, "Bench-pass-2026")
                        .get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            List<String> report = new ArrayList<>();
            report.add("# Learning benchmark");
            report.add("");
            report.add("- " + sessions.size() + " learners with real sessions, " + THREADS + " client lanes, no think time");
            report.add("- service: the packaged jar in its own JVM (" + ExamBench.prop("bench.service.jvm", ExamBench.Service.defaultServiceJvm())
                    + "), schema " + schema + "; client: Vert.x, one event loop, keep-alive (bench.learning.mode=external)");
            report.add("- load average before: " + load);
            report.add("");
            report.add("| path | requests | errors | throughput | p50 | p95 | p99 | max |");
            report.add("|---|---|---|---|---|---|---|---|");
            java.util.function.BiFunction<ExamBench.Session, Integer, HttpRequest> beat = (s, b) -> s.request(
                    "/api/v1/learning/lessons/" + lessonId + "/heartbeat").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"position\":" + (b * 10) + ",\"duration\":1200}")).build();
            if (WARMUP > 0) {
                report.add("| (warm-up, not timed: the first " + WARMUP + " beats and " + Math.min(WARMUP, 5)
                        + " pages of every learner) | | | | | | | |");
                lanes("warm-up beats", sessions, WARMUP, beat, r -> r.statusCode() == 200);
                lanes("warm-up pages", sessions, Math.min(WARMUP, 5), (s, i) -> s.request("/learn").GET().build(),
                        r -> r.statusCode() == 200);
            }
            try (ExamBench.CpuSampler cpu = new ExamBench.CpuSampler(service.pid())) {
                double c0 = cpu.now();
                // the timed beats go on from where the warm-up stopped: every learner still ends at 590 s
                report.add(lanes("POST heartbeat", sessions, BEATS_PER_LEARNER - WARMUP, (s, b) -> beat.apply(s, b + WARMUP),
                        r -> r.statusCode() == 200));
                double c1 = cpu.now();
                report.add(lanes("GET /learn (我的学习)", sessions, PAGES_PER_LEARNER, (s, i) -> s.request("/learn").GET().build(),
                        r -> r.statusCode() == 200 && r.body().contains("hours-now")));
                double c2 = cpu.now();
                report.add("");
                report.add("| phase | machine CPU (cores of 2) | service | postgres (all) | harness (this JVM) |");
                report.add("|---|---|---|---|---|");
                report.add("| heartbeats " + cpu.summary(c0, c1));
                report.add("| 我的学习 " + cpu.summary(c1 + 1, c2));
            }
            report.add("");
            report.add("- load average after: " + ExamBench.loadAverage());
            finish(report, sessions.size());
        }
    }

    /** THREADS lanes; each takes the next session and sends its {@code perSession} requests in order. */
    private static String lanes(String name, List<ExamBench.Session> sessions, int perSession,
            java.util.function.BiFunction<ExamBench.Session, Integer, HttpRequest> request,
            java.util.function.Predicate<HttpResponse<String>> ok) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger nextSession = new AtomicInteger();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(THREADS);
        long start = System.nanoTime();
        for (int lane = 0; lane < THREADS; lane++) {
            lane(sessions, nextSession, -1, 0, perSession, request, ok, latencies, errors, done);
        }
        done.await();
        return row(name, latencies, errors.get(), System.nanoTime() - start);
    }

    private static void lane(List<ExamBench.Session> sessions, AtomicInteger nextSession, int current, int step, int perSession,
            java.util.function.BiFunction<ExamBench.Session, Integer, HttpRequest> request,
            java.util.function.Predicate<HttpResponse<String>> ok, List<Long> latencies, AtomicInteger errors,
            java.util.concurrent.CountDownLatch done) {
        int session = current;
        int k = step;
        if (session < 0 || k >= perSession) {
            session = nextSession.getAndIncrement();
            k = 0;
            if (session >= sessions.size()) {
                done.countDown();
                return;
            }
        }
        ExamBench.Session s = sessions.get(session);
        int thisSession = session;
        int thisStep = k;
        long t = System.nanoTime();
        s.send(request.apply(s, thisStep)).whenComplete((r, err) -> {
            latencies.add(System.nanoTime() - t);
            if (err != null || !ok.test(r)) {
                errors.incrementAndGet();
            }
            lane(sessions, nextSession, thisSession, thisStep + 1, perSession, request, ok, latencies, errors, done);
        });
    }

    private URI uri(String path) {
        return URI.create(root.toString() + path);
    }

    private static String row(String name, List<Long> nanos, int errors, long elapsed) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double seconds = elapsed / 1e9;
        return "| " + name + " | " + sorted.size() + " | " + errors + " | " + Math.round(sorted.size() / seconds)
                + " req/s | " + ms(sorted, 0.50) + " | " + ms(sorted, 0.95) + " | " + ms(sorted, 0.99) + " | "
                + ms(sorted, 1.0) + " |";
    }

    private static String ms(List<Long> sorted, double q) {
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
        return String.format("%.1f ms", sorted.get(Math.max(0, i)) / 1e6);
    }
}
