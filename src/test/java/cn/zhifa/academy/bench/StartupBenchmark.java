package cn.zhifa.academy.bench;

import static cn.zhifa.academy.bench.ExamBench.intProp;
import static cn.zhifa.academy.bench.ExamBench.loadAverage;
import static cn.zhifa.academy.bench.ExamBench.log;
import static cn.zhifa.academy.bench.ExamBench.prop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Start-up benchmark (issue 16; not part of the suite). Drops and recreates its schema, starts
 * the service jar once (Flyway, demo data, content imports), stops it, then restarts it
 * {@code bench.restarts} times on the existing schema and measures, for each restart, the time
 * from process launch until {@code /q/health/ready} answers 200, the service's own
 * {@code start-up timings} line (the split per start step), and the resident set size after
 * {@code bench.idle-seconds} of idling. Report: target/benchmark/startup.md.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B test -Dtest=StartupBenchmark
 * </pre>
 *
 * Options: {@code bench.app} (folder holding quarkus-run.jar, default target/quarkus-app),
 * {@code bench.profile} (dev), {@code bench.service.jvm} (JVM options, default the production
 * image's on this machine: {@code -XX:MaxRAMPercentage=75} and, on at most 2 CPUs, C1 only and the serial collector), {@code bench.port} (8196),
 * {@code bench.schema} (academy_bench_start), {@code bench.restarts} (3),
 * {@code bench.idle-seconds} (15), {@code bench.keep-schema} (false: true skips the drop and the
 * first start, to time restarts of a schema a previous run left), {@code bench.ready-timeout}
 * (300 s per start).
 */
class StartupBenchmark {

    static final Pattern TIMINGS = Pattern.compile("start-up timings: (.*)");
    static final Pattern QUARKUS = Pattern.compile("started in ([0-9.]+)s");

    record Run(String label, long readyMs, String timings, String quarkus, long rssKb) {
    }

    @Test
    void restartOnExistingSchema() throws Exception {
        String schema = prop("bench.schema", "academy_bench_start");
        int port = intProp("bench.port", 8196);
        int restarts = intProp("bench.restarts", 3);
        int idle = intProp("bench.idle-seconds", 15);
        Path app = Path.of(prop("bench.app", "target/quarkus-app")).toAbsolutePath();
        String profile = prop("bench.profile", "dev");
        Path logFile = Path.of("target/benchmark/service-startup-" + port + ".log").toAbsolutePath();
        Files.createDirectories(logFile.getParent());
        Files.deleteIfExists(logFile);
        boolean keep = Boolean.parseBoolean(prop("bench.keep-schema", "false"));
        String loadBefore = loadAverage();
        List<Run> runs = new ArrayList<>();
        if (!keep) {
            ExamBench.dropSchema(schema);
            runs.add(run("first start (empty schema: Flyway, demo, imports)", app, profile, schema, port, logFile, 0));
        }
        for (int i = 1; i <= restarts; i++) {
            runs.add(run("restart " + i, app, profile, schema, port, logFile, i == restarts ? idle : 0));
        }
        String loadAfter = loadAverage();

        StringBuilder md = new StringBuilder("# Start-up (issue 16)\n\n");
        md.append(String.format(Locale.ROOT,
                "jar: %s, profile %s, JVM options: `%s`, schema %s%n%nload average before: %s, after: %s%n%n", app,
                profile, prop("bench.service.jvm", ExamBench.Service.imageJvm()), schema, loadBefore, loadAfter));
        md.append("| run | launch → /q/health/ready | Quarkus \"started in\" | RSS after idle | split (service's own log) |\n");
        md.append("|---|---|---|---|---|\n");
        for (Run r : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f s | %s | %s | %s |%n", r.label, r.readyMs / 1000.0,
                    r.quarkus, r.rssKb > 0 ? (r.rssKb / 1024) + " MB" : "–", r.timings));
        }
        Path out = Path.of("target/benchmark/startup.md");
        Files.writeString(out, md.toString());
        log("report written to %s%n%s", out.toAbsolutePath(), md);
    }

    private Run run(String label, Path app, String profile, String schema, int port, Path logFile, int idleSeconds)
            throws Exception {
        long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvm = prop("bench.service.jvm", ExamBench.Service.imageJvm());
        if (!jvm.isBlank()) {
            cmd.addAll(Arrays.asList(jvm.trim().split("\\s+")));
        }
        cmd.add("-Dquarkus.profile=" + profile);
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        cmd.add("-jar");
        cmd.add(app.resolve("quarkus-run.jar").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ACADEMY_DB_SCHEMA", schema);
        Path data = Path.of("target/bench-data/" + schema).toAbsolutePath();
        Files.createDirectories(data);
        pb.environment().put("ACADEMY_DATA_DIR", data.toString());
        pb.directory(Path.of("").toAbsolutePath().toFile()); // content folders are relative to the repository
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        long readyMs = -1;
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            long deadline = System.currentTimeMillis() + intProp("bench.ready-timeout", 300) * 1000L;
            while (System.currentTimeMillis() < deadline && readyMs < 0) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("service exited with " + p.exitValue() + ", see " + logFile);
                }
                try {
                    HttpResponse<String> r = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("UP")) {
                        readyMs = (System.nanoTime() - t0) / 1_000_000;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (readyMs < 0) {
                    Thread.sleep(50);
                }
            }
            if (readyMs < 0) {
                throw new IllegalStateException("not ready in time (bench.ready-timeout), see " + logFile);
            }
            long rss = 0;
            if (idleSeconds > 0) {
                Thread.sleep(idleSeconds * 1000L);
                rss = rssKb(p.pid());
            }
            Thread.sleep(300); // the summary line is logged right before the HTTP server opens
            String tail = tail(logFile, offset);
            Matcher t = TIMINGS.matcher(tail);
            Matcher q = QUARKUS.matcher(tail);
            Run run = new Run(label, readyMs, t.find() ? t.group(1) : "(not logged by this jar)",
                    q.find() ? q.group(1) + " s" : "?", rss);
            log("%s: ready after %d ms; %s; rss %d kB", label, readyMs, run.timings, rss);
            return run;
        } finally {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static String tail(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) Math.min(offset, all.length), (int) (all.length - Math.min(offset, all.length)),
                StandardCharsets.UTF_8);
    }
}
