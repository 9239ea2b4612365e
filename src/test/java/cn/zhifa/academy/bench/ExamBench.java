package cn.zhifa.academy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Shared machinery of the exam benchmarks (not tests: nothing here runs in the suite). The
 * service runs as a SEPARATE PROCESS ({@code java -jar target/quarkus-app/quarkus-run.jar},
 * dev profile, its own schema, port and data directory) so a benchmark can kill -9 it; the
 * candidates are seeded with JDBC and driven with the JDK's asynchronous HttpClient (a few
 * threads for thousands of candidates); every acknowledged save is recorded so that it can be
 * compared with attempt_item afterwards.
 */
final class ExamBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PG_URL = System.getProperty("bench.pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String PG_USER = System.getProperty("bench.pg-user", "postgres");
    /** One password for every bench account, hashed once with bcrypt cost 4 (bench accounts only). */
    static final String PASSWORD = "Bench-pass-2026";
    static final int BCRYPT_COST = Integer.getInteger("bench.bcrypt-cost", 4);
    static final long PERSON_BASE = 20_000_000L;

    private ExamBench() {
    }

    static String prop(String name, String dflt) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static int intProp(String name, int dflt) {
        return Integer.parseInt(prop(name, String.valueOf(dflt)));
    }

    static Connection db(String schema) throws SQLException {
        Connection c = DriverManager.getConnection(PG_URL + (schema == null ? "" : "?currentSchema=" + schema), PG_USER,
                "");
        return c;
    }

    static void dropSchema(String schema) throws SQLException {
        try (Connection c = db(null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static void log(String fmt, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ the service process

    /** The service as a child process: start, wait until ready, stop, kill -9. */
    static final class Service implements AutoCloseable {
        final String schema;
        final int port;
        final Path dataDir;
        final Path logFile;
        final List<String> extra;
        Process process;

        Service(String schema, int port, List<String> extraJvmArgs) {
            this.schema = schema;
            this.port = port;
            this.dataDir = Path.of("target/bench-data/" + schema).toAbsolutePath();
            this.logFile = Path.of("target/benchmark/service-" + schema + "-" + port + ".log").toAbsolutePath();
            this.extra = extraJvmArgs;
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        /**
         * The service's JVM options unless bench.service.jvm says otherwise: a 1 GB heap and the
         * profile the production image chooses on this machine (docker/entrypoint.sh,
         * ACADEMY_NODE_SIZE=auto: C1 only and the serial collector on at most 2 CPUs).
         */
        static String defaultServiceJvm() {
            return "-Xmx1g" + smallNodeProfile();
        }

        /** The production image's JVM options on this machine: JAVA_OPTS of docker/Dockerfile and entrypoint.sh. */
        static String imageJvm() {
            return "-XX:MaxRAMPercentage=75" + smallNodeProfile();
        }

        /** What docker/entrypoint.sh adds with ACADEMY_NODE_SIZE=auto on this machine (and JAVA_OPTS without an initial heap). */
        static String smallNodeProfile() {
            return Runtime.getRuntime().availableProcessors() <= 2 ? " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms128m" : "";
        }


        void start() throws Exception {
            Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException("build the service first: ./mvnw -B package -DskipTests");
            }
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(Arrays.asList(prop("bench.service.jvm", defaultServiceJvm()).split("\\s+")));
            cmd.add("-Dquarkus.profile=dev");
            cmd.add("-Dquarkus.http.port=" + port);
            cmd.add("-Dquarkus.http.host=127.0.0.1");
            cmd.add("-Dacademy.exam.import-at-start=true");
            cmd.add("-Dquarkus.log.category.\"cn.zhifa\".level=INFO");
            cmd.addAll(extra);
            cmd.add("-jar");
            cmd.add(jar.toAbsolutePath().toString());
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("ACADEMY_DB_SCHEMA", schema);
            pb.environment().put("ACADEMY_DATA_DIR", dataDir.toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            long t0 = System.nanoTime();
            process = pb.start();
            log("service pid %d starting on port %d, schema %s (log %s)", process.pid(), port, schema, logFile);
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.currentTimeMillis() + 300_000;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("service exited with " + process.exitValue() + ", see " + logFile);
                }
                try {
                    HttpResponse<String> r = probe.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        log("service ready after %d ms", (System.nanoTime() - t0) / 1_000_000);
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("service not ready after 300 s, see " + logFile);
        }

        long pid() {
            return process.pid();
        }

        /** SIGKILL: no shutdown hook, no graceful drain. */
        void kill9() throws InterruptedException, IOException {
            new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start().waitFor();
            process.waitFor(30, TimeUnit.SECONDS);
            log("service pid %d killed with SIGKILL (exit %d)", process.pid(), process.exitValue());
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    // ------------------------------------------------------------------ seeding

    /** N officers EX000001.. and their learner accounts exb000001..; one admin exb-admin (unit SFS). */
    static void seed(String schema, int n) throws SQLException {
        long t0 = System.nanoTime();
        String hash = BcryptUtil.bcryptHash(PASSWORD, BCRYPT_COST);
        try (Connection c = db(schema); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long unit;
            try (ResultSet rs = s.executeQuery("SELECT id FROM org_unit WHERE code = 'SFS'")) {
                rs.next();
                unit = rs.getLong(1);
            }
            s.execute("DELETE FROM account WHERE username LIKE 'exb%'");
            long parent = unit;
            s.execute("""
                    INSERT INTO person (id, name, employee_no, category, grade, unit_id, status, status_since,
                                        id_hash, id_masked, created_at, updated_at, version)
                    SELECT %d + g, '考生' || g, 'EX' || lpad(g::text, 6, '0'), 'OFFICER',
                           (ARRAY['NEW','SERVING','CORE','LEADER'])[1 + g %% 4], %d, 'ACTIVE', DATE '2020-01-01',
                           encode(sha256(('exam-bench-' || g)::bytea), 'hex'),
                           '330203**********' || lpad((g %% 100)::text, 2, '0'), now(), now(), 0
                    FROM generate_series(1, %d) g ON CONFLICT DO NOTHING
                    """.formatted(PERSON_BASE, unit, n));
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO account (username, password_hash, display_name, roles, person_id, created_at, updated_at, version)
                    SELECT 'exb' || lpad(g::text, 6, '0'), ?, '考生' || g, 'learner', %d + g, now(), now(), 0
                    FROM generate_series(1, %d) g
                    """.formatted(PERSON_BASE, n))) {
                p.setString(1, hash);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO account (username, password_hash, display_name, "
                    + "roles, org_unit_id, created_at, updated_at, version) VALUES ('exb-admin', ?, '基准考务', 'admin', ?, now(), now(), 0)")) {
                p.setString(1, hash);
                p.setLong(2, parent);
                p.executeUpdate();
            }
            c.commit();
        }
        log("seeded %d candidates (bcrypt cost %d) in %d ms", n, BCRYPT_COST, (System.nanoTime() - t0) / 1_000_000);
    }

    static String username(int i) {
        return String.format(Locale.ROOT, "exb%06d", i);
    }

    static String employeeNo(int i) {
        return String.format(Locale.ROOT, "EX%06d", i);
    }

    // ------------------------------------------------------------------ HTTP

    static HttpClient client(int threads) {
        ExecutorService exec = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        return HttpClient.newBuilder().executor(exec).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** One browser: its cookies (session, CSRF) and CSRF token. */
    static final class Session {
        final HttpClient http;
        final String base;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        volatile String csrf;

        Session(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
            if (!cookies.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                cookies.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                b.header("Cookie", sb.toString());
            }
            if (csrf != null) {
                b.header("X-CSRF-TOKEN", csrf);
            }
            return b;
        }

        <T> HttpResponse<T> absorb(HttpResponse<T> r) {
            // the Vert.x client's headers are read as they came (no copy into the JDK's form for every response)
            for (String h : r instanceof VertxTransport.Response v ? v.raw.getAll("set-cookie") : r.headers().allValues("set-cookie")) {
                String pair = h.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    if (value.isEmpty() || h.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return r;
        }

        CompletableFuture<HttpResponse<String>> send(HttpRequest r) {
            if (VertxTransport.ENABLED) {
                return VertxTransport.send(r).thenApply(this::absorb);
            }
            return http.sendAsync(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenApply(this::absorb);
        }

        /** Form login, then a CSRF token; completes with the session or fails. */
        CompletableFuture<Session> login(String username, String password) {
            String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return send(request("/j_security_check").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build()).thenCompose(r -> {
                        String loc = r.headers().firstValue("location").orElse("");
                        if (r.statusCode() != 302 || loc.contains("error") || !cookies.containsKey("academy-session")) {
                            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + loc);
                        }
                        return send(request("/api/v1/csrf-token").GET().build());
                    }).thenApply(r -> {
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("csrf-token: " + r.statusCode());
                        }
                        csrf = json(r.body()).get("token").asText();
                        return this;
                    });
        }

        HttpResponse<String> postJson(String path, Object body) throws Exception {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build()).get();
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET().build()).get();
        }
    }

    /**
     * The load client (issue 11): Vert.x's HTTP client on {@code bench.client-threads} event loops
     * (default 1), pooled keep-alive connections, no thread per request, and the same
     * {@link HttpRequest} / {@link HttpResponse} types the benchmarks build, so every benchmark
     * uses it unchanged. The JDK's HttpClient cost about 6 ms of CPU per start in the quiet
     * runs; {@code -Dbench.client=jdk} brings it back for comparison.
     */
    static final class VertxTransport {
        static final boolean ENABLED = !"jdk".equals(prop("bench.client", "vertx"));
        private static io.vertx.core.Vertx vertx;
        /** Clients (each its own pool) spread over the event loops, each used only from its loop's context. */
        private static io.vertx.core.http.HttpClient[] clients;
        private static io.vertx.core.Context[] contexts;

        /**
         * A request and its response are handled on the context of the client that made them: the
         * response body is then read on the context that receives its bytes. Before, requests were
         * issued from the harness's timer threads (a new context each time) on connections of another
         * context; the body handler was then set one event-loop turn late, after the bytes had gone,
         * and a few responses arrived with HTTP 200, their content-length and an empty body (the
         * "save outcome" errors of the third round).
         */
        private static synchronized int slot(HttpRequest r) {
            if (clients == null) {
                int loops = intProp("bench.client-threads", 1);
                // many small pools instead of one per loop: a pool looks for an idle connection by
                // walking its list, and with 3,000 connections in one pool that walk was 17 % of the
                // client's event loop in the start burst (async-profiler, issue 11 eleventh round)
                int pools = loops * Math.max(1, intProp("bench.client-pools", 64));
                vertx = io.vertx.core.Vertx.vertx(new io.vertx.core.VertxOptions()
                        .setEventLoopPoolSize(loops).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
                clients = new io.vertx.core.http.HttpClient[pools];
                contexts = new io.vertx.core.Context[pools];
                io.vertx.core.Context[] loopContexts = new io.vertx.core.Context[loops];
                for (int i = 0; i < loops; i++) {
                    loopContexts[i] = vertx.getOrCreateContext(); // not on a Vert.x thread: a new event-loop context each
                }
                for (int i = 0; i < pools; i++) {
                    contexts[i] = loopContexts[i % loops];
                    clients[i] = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setKeepAlive(true)
                            .setConnectTimeout(30_000).setIdleTimeout(0).setTryUseCompression(false),
                            new io.vertx.core.http.PoolOptions().setHttp1MaxSize(intProp("bench.connections", 4096))
                                    .setMaxWaitQueueSize(-1));
                }
            }
            // a candidate (its session cookie) always uses the same pool, so the same loop
            return Math.floorMod(r.headers().firstValue("Cookie").orElse("").hashCode(), clients.length);
        }

        /** The request body of a JDK request (the publishers the benchmarks use deliver at once). */
        private static io.vertx.core.buffer.Buffer body(HttpRequest r) {
            if (r.bodyPublisher().isEmpty() || r.bodyPublisher().get().contentLength() == 0) {
                return null;
            }
            io.vertx.core.buffer.Buffer b = io.vertx.core.buffer.Buffer.buffer();
            CompletableFuture<Void> done = new CompletableFuture<>();
            r.bodyPublisher().get().subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(java.nio.ByteBuffer item) {
                    byte[] bytes = new byte[item.remaining()];
                    item.get(bytes);
                    b.appendBytes(bytes);
                }

                @Override
                public void onError(Throwable t) {
                    done.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            done.join();
            return b;
        }

        static CompletableFuture<HttpResponse<String>> send(HttpRequest r) {
            CompletableFuture<HttpResponse<String>> out = new CompletableFuture<>();
            URI uri = r.uri();
            io.vertx.core.http.RequestOptions o = new io.vertx.core.http.RequestOptions()
                    .setMethod(io.vertx.core.http.HttpMethod.valueOf(r.method())).setHost(uri.getHost())
                    .setPort(uri.getPort()).setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                    .setIdleTimeout(r.timeout().map(Duration::toMillis).orElse(120_000L));
            r.headers().map().forEach((k, v) -> v.forEach(x -> o.addHeader(k, x)));
            io.vertx.core.buffer.Buffer body = body(r);
            int k = slot(r);
            io.vertx.core.http.HttpClient client = clients[k];
            contexts[k].runOnContext(v -> client.request(o).compose(req -> body == null ? req.send() : req.send(body))
                    .compose(resp -> resp.body().map(b -> (HttpResponse<String>) new Response(r, resp, b)))
                    .onComplete(ar -> {
                        if (ar.succeeded()) {
                            out.complete(ar.result());
                        } else {
                            out.completeExceptionally(ar.cause() instanceof IOException ? ar.cause()
                                    : new IOException(ar.cause()));
                        }
                    }));
            return out;
        }

        /** A Vert.x response as the JDK type the benchmarks read. */
        static final class Response implements HttpResponse<String> {
            private final HttpRequest request;
            private final int status;
            /** Vert.x's headers as received; the JDK's form is built only when asked (most responses never are). */
            final io.vertx.core.MultiMap raw;
            private java.net.http.HttpHeaders headers;
            /** The raw body; decoded to a String only when asked (a gzip body never is by the benchmarks). */
            final byte[] bytes;
            private String body;

            Response(HttpRequest request, io.vertx.core.http.HttpClientResponse resp, io.vertx.core.buffer.Buffer b) {
                this.request = request;
                this.status = resp.statusCode();
                this.raw = resp.headers();
                this.bytes = b.getBytes();
            }

            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public java.util.Optional<HttpResponse<String>> previousResponse() {
                return java.util.Optional.empty();
            }

            @Override
            public java.net.http.HttpHeaders headers() {
                if (headers == null) {
                    Map<String, List<String>> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    raw.forEach(e -> h.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                    headers = java.net.http.HttpHeaders.of(h, (x, y) -> true);
                }
                return headers;
            }

            @Override
            public String body() {
                if (body == null) {
                    body = new String(bytes, StandardCharsets.UTF_8);
                }
                return body;
            }

            @Override
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return java.util.Optional.empty();
            }

            @Override
            public URI uri() {
                return request.uri();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        }
    }

    /** The body's length in bytes, without decoding it where the client kept the bytes. */
    static int length(HttpResponse<String> r) {
        return r instanceof VertxTransport.Response v ? v.bytes.length : r.body().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The JSON body of a response, parsed from its bytes where the client kept them (no String in between). */
    static JsonNode json(HttpResponse<String> r) {
        if (r instanceof VertxTransport.Response v) {
            try {
                return JSON.readTree(v.bytes);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + v.body(), e);
            }
        }
        return json(r.body());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** Logs {@code sessions} candidates in with at most {@code parallel} logins in flight. */
    static List<Session> loginAll(HttpClient http, String base, int n, int parallel) throws Exception {
        Session[] out = new Session[n];
        Semaphore gate = new Semaphore(parallel);
        List<CompletableFuture<Session>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gate.acquire();
            Session s = new Session(http, base);
            int idx = i;
            all.add(s.login(username(i + 1), PASSWORD).whenComplete((ok, err) -> {
                gate.release();
                if (ok != null) {
                    out[idx] = ok;
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
        return Arrays.asList(out);
    }

    // ------------------------------------------------------------------ the exam

    /** A 50-question paper: 30 单选 ×1 + 10 多选 ×2 + 10 判断 ×1 = 60 points, pass 36; returns the exam id. */
    static long publishExam(Session manager, int candidates, int minutes) throws Exception {
        List<Map<String, Object>> sections = List.of(section("单选", 30, 1), section("多选", 10, 2), section("判断", 10, 1));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", "基准组卷 " + System.currentTimeMillis());
        b.put("passMark", 36);
        b.put("sections", sections);
        HttpResponse<String> r = manager.postJson("/api/v1/blueprints", b);
        check(r, 201, "blueprint");
        long blueprint = json(r.body()).get("id").asLong();
        Map<String, Object> e = new LinkedHashMap<>();
        String code = "BENCH-" + System.currentTimeMillis();
        e.put("code", code);
        e.put("title", "基准考试 " + code);
        e.put("purpose", "QUALIFICATION_GENERAL");
        e.put("domainCode", "TY");
        e.put("blueprintId", blueprint);
        e.put("opensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        e.put("closesAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        e.put("durationMinutes", minutes);
        e.put("maxAttempts", 1);
        e.put("reviewPolicy", "AFTER_CLOSE");
        if (AUDIENCE_LIST) {
            // the list of registered candidates (see docs/performance.md: slow beyond ~1,000 numbers)
            List<String> nos = new ArrayList<>();
            for (int i = 1; i <= candidates; i++) {
                nos.add(employeeNo(i));
            }
            e.put("employeeNos", nos);
        } else {
            // by category: every seeded candidate is an officer (so are some demo people)
            e.put("categories", List.of("OFFICER"));
        }
        long t0 = System.nanoTime();
        r = manager.postJson("/api/v1/exams", e);
        check(r, 201, "exam");
        long exam = json(r.body()).get("id").asLong();
        r = manager.postJson("/api/v1/exams/" + exam + "/publish", Map.of());
        check(r, 200, "publish");
        log("exam %d (%s) for %d candidates (audience %s) created and published in %d ms", exam, code, candidates, AUDIENCE_LIST ? "list" : "category OFFICER",
                (System.nanoTime() - t0) / 1_000_000);
        return exam;
    }

    /** bench.audience=list: the exam names every candidate by employee number; default: category OFFICER. */
    static final boolean AUDIENCE_LIST = "list".equals(prop("bench.audience", "category"));

    static Map<String, Object> section(String type, int count, double points) {
        Map<String, Object> s = new HashMap<>();
        s.put("type", type);
        s.put("count", count);
        s.put("points", points);
        return s;
    }

    static void check(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    static Session manager(HttpClient http, String base) throws Exception {
        return new Session(http, base).login("exb-admin", PASSWORD).get(60, TimeUnit.SECONDS);
    }

    /** A candidate with a running attempt. */
    static final class Started {
        final Session session;
        final String device;
        final long attemptId;
        final List<Item> items;
        final Instant deadline;
        final Instant serverNow;
        int next;
        long seq;

        Started(Session session, String device, JsonNode paper) {
            this.session = session;
            this.device = device;
            this.attemptId = paper.get("attemptId").asLong();
            this.items = items(paper);
            this.deadline = Instant.parse(paper.get("deadline").asText());
            this.serverNow = Instant.parse(paper.get("serverNow").asText());
        }
    }

    /** Presses 开始 for every session (at most {@code parallel} at once), riding out 503s as the page does. */
    static List<Started> startAll(List<Session> sessions, long exam, int parallel) throws Exception {
        Started[] out = new Started[sessions.size()];
        Semaphore gate = new Semaphore(parallel);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            gate.acquire();
            Session s = sessions.get(i);
            String device = "bench-device-" + i;
            int idx = i;
            all.add(withRetry(() -> s.send(s.request("/api/v1/my/exams/" + exam + "/attempts").header("X-Device-Id", device)
                    .POST(HttpRequest.BodyPublishers.noBody()).build()), null).whenComplete((r, err) -> {
                        gate.release();
                        if (err == null && r.statusCode() == 201) {
                            out[idx] = new Started(s, device, json(r.body()));
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        for (Started s : out) {
            if (s == null) {
                throw new IllegalStateException("a start failed");
            }
        }
        return Arrays.asList(out);
    }

    // ------------------------------------------------------------------ admission control (issue 11)

    /** A saturated node (503 + Retry-After) or the balancer between nodes (502/503/504). */
    static boolean busy(HttpResponse<String> r) {
        return r.statusCode() == 503 || r.statusCode() == 502 || r.statusCode() == 504;
    }

    /** How long the page waits before trying again: the body's retryAfterMs, else Retry-After + jitter. */
    static long retryDelayMs(HttpResponse<String> r) {
        if (r != null && r.body() != null && r.body().contains("retryAfterMs")) {
            try {
                return json(r.body()).path("retryAfterMs").asLong(1000);
            } catch (IllegalStateException e) {
                // not JSON: fall through
            }
        }
        long base = r == null ? 1000 : r.headers().firstValue("retry-after").map(v -> Long.parseLong(v.trim()) * 1000)
                .orElse(1000L);
        return base + java.util.concurrent.ThreadLocalRandom.current().nextLong(1000);
    }

    static final java.util.concurrent.ScheduledExecutorService RETRY = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "bench-retry");
        t.setDaemon(true);
        return t;
    });

    /**
     * Sends, and on a busy answer (or a connection failure while nodes change) waits as the page
     * does and sends again, for at most two minutes; {@code busyCount} counts the refusals.
     */
    static CompletableFuture<HttpResponse<String>> withRetry(
            java.util.function.Supplier<CompletableFuture<HttpResponse<String>>> send,
            java.util.concurrent.atomic.AtomicLong busyCount) {
        CompletableFuture<HttpResponse<String>> result = new CompletableFuture<>();
        long giveUp = System.nanoTime() + 120_000_000_000L;
        attempt(send, busyCount, result, giveUp);
        return result;
    }

    private static void attempt(java.util.function.Supplier<CompletableFuture<HttpResponse<String>>> send,
            java.util.concurrent.atomic.AtomicLong busyCount, CompletableFuture<HttpResponse<String>> result, long giveUp) {
        send.get().whenComplete((r, err) -> {
            boolean again = err != null || busy(r); // the page keeps the request and tries again
            if (again && System.nanoTime() < giveUp) {
                if (busyCount != null) {
                    busyCount.incrementAndGet();
                }
                RETRY.schedule(() -> attempt(send, busyCount, result, giveUp), retryDelayMs(err == null ? r : null),
                        TimeUnit.MILLISECONDS);
            } else if (err != null) {
                result.completeExceptionally(err);
            } else {
                result.complete(r);
            }
        });
    }

    /** What the exam page fetches once after 开始: the exam's question document (gzip). */
    static CompletableFuture<HttpResponse<String>> questions(Session s, long exam) {
        return s.send(s.request("/api/v1/my/exams/" + exam + "/questions").header("Accept-Encoding", "gzip").GET().build());
    }

    /** Waits until every one of the n seeded candidates has a prepared paper; returns the seconds waited. */
    static double waitForPrepared(String schema, long exam, int n, int maxSeconds) throws Exception {
        long t0 = System.nanoTime();
        long prepared = 0;
        while ((System.nanoTime() - t0) / 1e9 < maxSeconds) {
            try (Connection c = db(schema); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM exam_attempt a JOIN person p ON p.id = a.person_id "
                            + "WHERE a.exam_id = " + exam + " AND a.status = 'PREPARED' AND p.employee_no LIKE 'EX0%'")) {
                rs.next();
                prepared = rs.getLong(1);
            }
            if (prepared >= n) {
                double secs = (System.nanoTime() - t0) / 1e9;
                log("%d papers prepared %.1f s after publishing", prepared, secs);
                return secs;
            }
            Thread.sleep(500);
        }
        log("only %d of %d papers prepared after %d s: the rest are drawn at 开始", prepared, n, maxSeconds);
        return -1;
    }

    /** PUT one answer; completes with the response. */
    static CompletableFuture<HttpResponse<String>> save(Started c, int position, long seq, List<String> answer) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("seq", seq, "answer", answer, "flagged", false));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return c.session.send(c.session.request("/api/v1/attempts/" + c.attemptId + "/answers/" + position)
                .header("X-Device-Id", c.device).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    // ------------------------------------------------------------------ answers and the ledger

    /** One item of a candidate's paper as the harness needs it. */
    record Item(int position, String type, int options) {
    }

    static List<Item> items(JsonNode paper) {
        List<Item> out = new ArrayList<>();
        for (JsonNode i : paper.get("items")) {
            // issue 11: the paper carries the option permutation ("order"), the texts come once per exam
            int options = i.get("order") != null ? i.get("order").size() : i.get("options") == null ? 0 : i.get("options").size();
            out.add(new Item(i.get("position").asInt(), i.get("type").asText(), options));
        }
        out.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return out;
    }

    /** A random answer in displayed form. */
    static List<String> answerFor(Item item, java.util.Random rnd) {
        switch (item.type()) {
            case "SINGLE":
                return List.of(String.valueOf(rnd.nextInt(item.options())));
            case "MULTIPLE": {
                TreeSet<String> s = new TreeSet<>();
                s.add(String.valueOf(rnd.nextInt(item.options())));
                s.add(String.valueOf(rnd.nextInt(item.options())));
                return new ArrayList<>(s);
            }
            case "TRUE_FALSE":
                return List.of(String.valueOf(rnd.nextInt(2)));
            default:
                return List.of("基准答案 " + rnd.nextInt(1000));
        }
    }

    /** An acknowledged save (HTTP 200 + APPLIED, i.e. after commit). */
    record Ack(long attemptId, int position, long seq, List<String> displayed) {
    }

    /** Every acknowledged save, to compare with what the database holds. */
    static final class Ledger {
        final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

        void ack(long attempt, int position, long seq, List<String> displayed) {
            acks.add(new Ack(attempt, position, seq, displayed));
        }

        /**
         * Compares the newest acknowledged save of every (attempt, position) with attempt_item:
         * same sequence number and the same answer once mapped back through the stored option
         * order. Returns the number of lost (missing or different) answers; details to the list.
         */
        long verify(String schema, List<String> problems) throws SQLException {
            Map<Long, Map<Integer, Ack>> newest = new HashMap<>();
            for (Ack a : acks) {
                newest.computeIfAbsent(a.attemptId(), k -> new HashMap<>()).merge(a.position(), a,
                        (x, y) -> x.seq() >= y.seq() ? x : y);
            }
            long lost = 0;
            try (Connection c = db(schema);
                    PreparedStatement p = c.prepareStatement("SELECT i.position, i.answer_seq, i.answer_json, "
                            + "i.option_order, v.type FROM attempt_item i JOIN question_version v ON v.id = i.question_version_id "
                            + "WHERE i.attempt_id = ?")) {
                for (Map.Entry<Long, Map<Integer, Ack>> e : newest.entrySet()) {
                    p.setLong(1, e.getKey());
                    Map<Integer, Object[]> stored = new HashMap<>();
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            stored.put(rs.getInt(1), new Object[] { rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5) });
                        }
                    }
                    for (Ack a : e.getValue().values()) {
                        Object[] row = stored.get(a.position());
                        String why = null;
                        if (row == null) {
                            why = "no row";
                        } else if ((Long) row[0] != a.seq()) {
                            why = "seq " + row[0] + " != acked " + a.seq();
                        } else {
                            List<String> expected = canonical((String) row[3], (String) row[2], a.displayed());
                            List<String> got = row[1] == null ? List.of() : strings((String) row[1]);
                            if (!expected.equals(got)) {
                                why = "answer " + got + " != acked " + expected;
                            }
                        }
                        if (why != null) {
                            lost++;
                            if (problems.size() < 20) {
                                problems.add("attempt " + a.attemptId() + " position " + a.position() + ": " + why);
                            }
                        }
                    }
                }
            }
            return lost;
        }

        long distinctAnswers() {
            return acks.stream().map(a -> a.attemptId() + ":" + a.position()).distinct().count();
        }
    }

    static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : json(json)) {
            out.add(n.asText());
        }
        return out;
    }

    /** Displayed answer → canonical, exactly as the engine stores it (original option indexes, sorted). */
    static List<String> canonical(String type, String optionOrder, List<String> displayed) {
        if (type.equals("SINGLE") || type.equals("MULTIPLE")) {
            String[] order = optionOrder.split(",");
            TreeSet<Integer> orig = new TreeSet<>();
            for (String d : displayed) {
                orig.add(Integer.parseInt(order[Integer.parseInt(d)].trim()));
            }
            return orig.stream().map(String::valueOf).toList();
        }
        return displayed;
    }

    // ------------------------------------------------------------------ latencies

    /** Latency samples in microseconds. */
    static final class Latencies {
        private long[] v = new long[1024];
        private int n;

        synchronized void add(long nanos) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = nanos / 1000;
        }

        synchronized int count() {
            return n;
        }

        /** p50/p95/p99/max in ms. */
        synchronized String row() {
            if (n == 0) {
                return "| 0 | - | - | - | - |";
            }
            long[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |", n, ms(pct(s, 50)), ms(pct(s, 95)),
                    ms(pct(s, 99)), ms(s[n - 1]));
        }

        synchronized double percentileMs(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return pct(s, p) / 1000.0;
        }

        private static long pct(long[] sorted, double p) {
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        private static String ms(long micros) {
            return micros >= 10_000 ? String.valueOf(Math.round(micros / 1000.0)) + " ms"
                    : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
        }
    }

    /** Errors by kind (status code or exception class). */
    static final class Errors {
        final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

        void add(String kind, String detail) {
            byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (samples.size() < 20) {
                samples.add(kind + ": " + (detail.length() > 300 ? detail.substring(0, 300) : detail));
            }
        }

        long total() {
            return byKind.values().stream().mapToLong(AtomicLong::get).sum();
        }

        @Override
        public String toString() {
            return total() == 0 ? "0" : total() + " " + byKind;
        }
    }

    // ------------------------------------------------------------------ CPU sampling

    /**
     * Samples once a second: machine-wide CPU busy (of all cores), the service process, all
     * postgres processes and this harness, in "cores" (1.0 = one core fully busy).
     */
    static final class CpuSampler implements AutoCloseable {
        final long servicePid;
        final List<double[]> samples = new ArrayList<>(); // t(s), machine, service, postgres, harness
        final Thread thread;
        volatile boolean running = true;
        final long start = System.nanoTime();
        static final double HZ = 100.0;

        CpuSampler(long servicePid) {
            this.servicePid = servicePid;
            thread = new Thread(this::loop, "cpu-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            long[] prevMachine = machine();
            long prevService = procTicks(servicePid);
            long prevPg = postgresTicks();
            long prevHarness = harnessNanos();
            long prevT = System.nanoTime();
            while (running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long[] m = machine();
                long sv = procTicks(servicePid);
                long pg = postgresTicks();
                long h = harnessNanos();
                long t = System.nanoTime();
                double secs = (t - prevT) / 1e9;
                double machineCores = (m[0] - prevMachine[0]) / HZ / secs;
                synchronized (samples) {
                    samples.add(new double[] { (t - start) / 1e9, machineCores, (sv - prevService) / HZ / secs,
                            Math.max(0, pg - prevPg) / HZ / secs, (h - prevHarness) / 1e9 / secs });
                }
                prevMachine = m;
                prevService = sv;
                prevPg = pg;
                prevHarness = h;
                prevT = t;
            }
        }

        double now() {
            return (System.nanoTime() - start) / 1e9;
        }

        /** Average and peak of each series between two sampler times. */
        String summary(double from, double to) {
            double[] sum = new double[5];
            double[] max = new double[5];
            int k = 0;
            synchronized (samples) {
                for (double[] s : samples) {
                    if (s[0] >= from && s[0] <= to + 1) {
                        for (int i = 1; i < 5; i++) {
                            sum[i] += s[i];
                            max[i] = Math.max(max[i], s[i]);
                        }
                        k++;
                    }
                }
            }
            if (k == 0) {
                return "| - | - | - | - |";
            }
            return String.format(Locale.ROOT, "| %.2f (peak %.2f) | %.2f (peak %.2f) | %.2f (peak %.2f) | %.2f (peak %.2f) |",
                    sum[1] / k, max[1], sum[2] / k, max[2], sum[3] / k, max[3], sum[4] / k, max[4]);
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }

        private static long[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length; i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return new long[] { busy };
            } catch (Exception e) {
                return new long[] { 0 };
            }
        }

        static long procTicks(long pid) {
            try {
                String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (Exception e) {
                return 0;
            }
        }

        /** The postgres processes, found by a scan of /proc at most every 5 s (a scan per second cost the harness 16 % of its CPU). */
        private static volatile List<Path> postgres = List.of();
        private static volatile long scannedAt;

        static long postgresTicks() {
            if (System.nanoTime() - scannedAt > 5_000_000_000L) {
                List<Path> found = new ArrayList<>();
                try (var dirs = Files.list(Path.of("/proc"))) {
                    for (Path d : (Iterable<Path>) dirs::iterator) {
                        String name = d.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        try {
                            if (Files.readString(d.resolve("comm")).trim().equals("postgres")) {
                                found.add(d.resolve("stat"));
                            }
                        } catch (Exception e) {
                            // process gone
                        }
                    }
                } catch (IOException e) {
                    return 0;
                }
                postgres = found;
                scannedAt = System.nanoTime();
            }
            long total = 0;
            for (Path stat : postgres) {
                try {
                    String s = Files.readString(stat);
                    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                    total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (Exception e) {
                    // process gone (its ticks leave the sum: the sampler never reports a negative interval)
                }
            }
            return total;
        }

        static long harnessNanos() {
            java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getProcessCpuTime();
            }
            return 0;
        }
    }

    /** Selected lines of the service's Prometheus metrics (pool, HTTP server, JVM). */
    static String metrics(Session s, String... prefixes) {
        try {
            HttpResponse<String> r = s.get("/q/metrics");
            StringBuilder sb = new StringBuilder();
            for (String line : r.body().split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String p : prefixes) {
                    if (line.startsWith(p)) {
                        sb.append(line).append('\n');
                        break;
                    }
                }
            }
            return sb.toString();
        } catch (Exception e) {
            return "metrics unavailable: " + e;
        }
    }
}
