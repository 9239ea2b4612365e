package cn.zhifa.academy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.caselibrary.CaseSearchService;
import cn.zhifa.academy.caselibrary.CaseSection;
import cn.zhifa.academy.caselibrary.CaseStatus;
import cn.zhifa.academy.caselibrary.CaseTokenizer;
import cn.zhifa.academy.caselibrary.CaseVersion;
import cn.zhifa.academy.caselibrary.TypicalCase;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Case search benchmark (not part of the suite: the name does not end in Test). Generates
 * 100,000 published cases on top of the 32 real ones by recombining the real cases' fields —
 * each generated case takes its title, keywords, matter and legal basis from one real case and
 * each of its seven sections from a different one, under one of 12 place names — tokenised once
 * per part by {@link CaseTokenizer} and assembled in PostgreSQL (with the filter lexemes of
 * {@code CaseSearchService.filterLexemes}). Then it times a fixed set of
 * officer queries through {@code GET /api/v1/cases} (ranking, facets, highlighting, JSON), single
 * user and 20 concurrent users, and reports p50/p95/p99 and the index size. Run it with
 * {@code ./mvnw -B test -Dtest=CaseSearchBenchmark}; results go to stdout and
 * target/benchmark/cases.md.
 */
@QuarkusTest
class CaseSearchBenchmark {

    static final int GENERATED = Integer.getInteger("bench.cases", 100_000);
    static final int ROUNDS = 20;
    static final int USERS = Integer.getInteger("bench.users", 16);
    static final int ROUNDS_PER_USER = 5;
    static final String[] PLACES = { "临江区", "青山区", "云溪县", "江滨街道", "望江街道", "青山镇", "石门街道", "云溪镇", "白沙乡",
            "示范市", "滨江新区", "城东街道" };
    /** Without words: the landing page (newest first, facets over every case). */
    static final String BROWSE = "";
    /** 30 searches as officers type them: statutes and articles, two-character words, phrases, words split in the text. */
    static final List<String> QUERIES = List.of("过期食品 首违", "行政处罚法 第三十三条", "第33条", "占道经营", "查封扣押 期限", "三书同达",
            "渣土车", "听证", "第三方 越权", "强制拆除 夜间", "罚缴分离", "复议 六十日", "罚款", "没收违法所得", "未告知 陈述申辩",
            "网吧 未成年人", "医疗美容", "法制审核", "宅基地", "电鱼", "加处罚款", "首违不罚", "行政强制法 第四十四条", "处罚法33条",
            "两名执法人员", "送达 留置", "时效 两年", "移送公安", "证据 照片", "责令改正");

    @Inject
    DataSource dataSource;

    @Inject
    TestAccounts accounts;

    /** What a publish or withdrawal on any node does to the cache of searches: a write to the index (here of no row). */
    private void libraryChanged() throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE case_search SET code = code WHERE false");
        }
    }

    /** One round of the 30 queries; with {@code changed}, the library changes before each (outside the timing). */
    private void timeQueries(Client client, boolean changed, List<Long> all, Map<String, List<Long>> perQuery)
            throws Exception {
        for (String q : QUERIES) {
            if (changed) {
                libraryChanged();
            }
            long ms = client.time(q);
            all.add(ms);
            perQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(ms);
        }
    }

    /** The total as the report gives it: "> bound" beyond the bound in force. */
    private static String matches(io.restassured.path.json.JsonPath r) {
        return r.getLong("total") > r.getInt("scanLimit") ? "> " + r.getInt("scanLimit") : String.valueOf(r.getLong("total"));
    }

    private static int cacheSize() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("academy.cases.search-cache-size", Integer.class).orElse(256);
    }

    @Test
    void searchOneHundredThousandCases() throws Exception {
        long t0 = System.nanoTime();
        generate();
        long loadSeconds = (System.nanoTime() - t0) / 1_000_000_000;
        List<String> report = new ArrayList<>();
        report.add("# Case search benchmark");
        report.add("");
        report.add("- cores: " + Runtime.getRuntime().availableProcessors() + "; JVM max heap: "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; load average before timing: " + loadAverage());
        report.addAll(sizes());
        report.add("- generation and indexing (SQL, server side, GIN built after the load): " + loadSeconds + " s, of which "
                + String.format("%.1f", ginSeconds) + " s building the GIN index");
        report.add("");

        Api officer = Api.as(accounts.create("bench", Roles.LEARNER, null).username, TestAccounts.PASSWORD);
        Map<String, String> totals = new LinkedHashMap<>();
        for (String q : QUERIES) { // warm-up, and the hit counts for the report
            for (int i = 0; i < 3; i++) {
                io.restassured.path.json.JsonPath r = officer.get().queryParam("q", q).when().get("/api/v1/cases").then()
                        .statusCode(200).extract().jsonPath();
                totals.put(q, matches(r)
                        + (r.getBoolean("facetsSampled") ? " (facets sampled)" : "") + (r.getBoolean("partial") ? " (partial)" : "")
                        + "; hits " + r.getList("items").size() + ", marks " + (r.getString("items[0].snippetHtml") != null
                                && r.getString("items[0].snippetHtml").contains("<mark>") ? "yes" : "no"));
            }
        }
        Client client = new Client(officer);
        Map<String, List<Long>> perQuery = new LinkedHashMap<>();
        List<Long> single = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < 10; i++) {
                floor.add(client.time(null));
            }
            timeQueries(client, false, single, perQuery);
        }
        // the same searches, each the first since the library changed: the cache of rankings and facets
        // (CaseSearchCache) is emptied before each one, outside the timing, as a publish on any node would
        List<Long> cold = new ArrayList<>();
        Map<String, List<Long>> coldPerQuery = new LinkedHashMap<>();
        for (int r = 0; r < ROUNDS; r++) {
            timeQueries(client, true, cold, coldPerQuery);
        }
        List<Long> browse = new ArrayList<>();
        io.restassured.path.json.JsonPath landing = officer.get().when().get("/api/v1/cases").then().statusCode(200).extract()
                .jsonPath();
        String browseLabel = matches(landing);
        for (int r = 0; r < ROUNDS; r++) {
            browse.add(client.time(BROWSE));
        }
        List<Long> concurrent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        List<Client> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(new Client(Api.as(accounts.create("bench" + u, Roles.LEARNER, null).username, TestAccounts.PASSWORD)));
        }
        long c0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            Client user = users.get(u);
            int offset = u;
            futures.add(pool.submit(() -> {
                for (int r = 0; r < ROUNDS_PER_USER; r++) {
                    for (int i = 0; i < QUERIES.size(); i++) {
                        concurrent.add(user.time(QUERIES.get((i + offset) % QUERIES.size())));
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - c0) / 1e9;
        pool.shutdown();

        report.add("| load | requests | p50 | p95 | p99 | throughput |");
        report.add("|---|---|---|---|---|---|");
        report.add(row("1 user, searches asked before (cache size " + cacheSize() + ")", single, 0));
        report.add(row("1 user, each search the first since the library changed", cold, 0));
        report.add(row(USERS + " concurrent users", concurrent, concurrent.size() / seconds));
        List<Long> fl = sorted(floor);
        report.add("| the floor: 1 user, an authenticated request that does nothing (`/api/v1/csrf-token`), same client | "
                + fl.size() + " | " + pct(fl, 50) + " ms | " + pct(fl, 95) + " ms | " + pct(fl, 99) + " ms | – |");
        report.add("");
        report.add("| query (1 user, " + ROUNDS + " runs) | matches | p50 | p95 | first since a change: p50 | p95 |");
        report.add("|---|---|---|---|---|---|");
        for (String q : QUERIES) {
            List<Long> s = sorted(perQuery.get(q));
            List<Long> c = sorted(coldPerQuery.get(q));
            report.add("| `" + q + "` | " + totals.get(q) + " | " + pct(s, 50) + " ms | " + pct(s, 95) + " ms | " + pct(c, 50)
                    + " ms | " + pct(c, 95) + " ms |");
        }
        List<Long> b = sorted(browse);
        report.add("| (no words: the landing page, newest first) | " + browseLabel + " | " + pct(b, 50) + " ms | " + pct(b, 95)
                + " ms | – | – |");
        report.add("");
        report.add("Load average after timing: " + loadAverage() + " (other work on the machine inflates the figures).");
        String text = String.join("\n", report) + "\n";
        Path dir = Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(dir.resolve("cases.md"), text);
        System.out.println(text);
        assertThat(single).isNotEmpty();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * The timed requests go through the JDK's HttpClient on a kept-alive connection, as a browser holds its
     * connection, with the officer's session cookie. REST Assured (which the warm-up still uses, to read the JSON)
     * builds a request specification and a new connection per call: its own cost, in this JVM, was part of every
     * figure before the seventh round.
     */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final String session;

        Client(Api api) {
            this.session = api.session();
        }

        long time(String q) {
            String uri = "http://localhost:" + io.restassured.RestAssured.port + (q == null ? "/api/v1/csrf-token"
                    : "/api/v1/cases" + (q.isEmpty() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            HttpRequest r = HttpRequest.newBuilder(URI.create(uri)).header("Cookie", "academy-session=" + session)
                    .header("Accept", "application/json").GET().build();
            long s = System.nanoTime();
            try {
                HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                long ms = (System.nanoTime() - s) / 1_000_000;
                assertThat(res.statusCode()).as(uri).isEqualTo(200);
                assertThat(res.body().length).as(uri).isGreaterThan(10);
                return ms;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String row(String label, List<Long> values, double throughput) {
        List<Long> s = sorted(values);
        return "| " + label + " | " + s.size() + " | " + pct(s, 50) + " ms | " + pct(s, 95) + " ms | " + pct(s, 99) + " ms | "
                + (throughput > 0 ? String.format("%.0f req/s", throughput) : "–") + " |";
    }

    private List<String> sizes() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("""
                        SELECT (SELECT count(*) FROM case_search),
                               pg_size_pretty(pg_relation_size('case_search_tokens')),
                               pg_size_pretty(pg_total_relation_size('case_search')),
                               pg_size_pretty(pg_total_relation_size('case_version')),
                               (SELECT avg(pg_column_size(document))::int FROM case_search),
                               (SELECT avg(length(document))::int FROM case_search),
                               (SELECT avg(pg_column_size(head))::int FROM case_search)
                        """)) {
            r.next();
            out.add("- published cases in the index: " + r.getLong(1));
            out.add("- GIN index on the tokens: " + r.getString(2) + "; case_search with its indexes and TOAST: " + r.getString(3)
                    + "; case_version (the texts): " + r.getString(4));
            out.add("- per case: " + r.getInt(6) + " distinct tokens, " + r.getInt(5) + " bytes stored (compressed tsvector); head "
                    + r.getInt(7) + " bytes");
        }
        return out;
    }

    double ginSeconds;

    /** The generated cases, assembled in SQL from tokenised parts of the real ones. */
    private void generate() throws Exception {
        List<Object[]> real = QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> out = new ArrayList<>();
            for (CaseVersion v : CaseVersion.<CaseVersion> list("status = ?1 ORDER BY id", CaseStatus.PUBLISHED)) {
                String code = TypicalCase.<TypicalCase> findById(v.caseId).code;
                if (code.startsWith("BK-")) {
                    continue;
                }
                CaseTokenizer.Document head = new CaseTokenizer.Document().text(v.title, 'A');
                v.keywords.forEach(k -> head.text(k, 'A'));
                head.text(v.matter, 'B');
                v.tags.forEach(t -> head.text(t, 'B'));
                for (CaseVersion.LegalBasisEntry b : v.legalBasis) {
                    head.lexeme(b.law + "#" + b.article, 'B').lexeme("#" + b.article, 'B').text(b.law, 'B').text(b.note, 'B');
                }
                head.text(v.caseType.label, 'C').text(v.source, 'D');
                String[] sections = new String[7];
                for (CaseSection s : CaseSection.values()) {
                    sections[s.ordinal()] = new CaseTokenizer.Document().text(v.section(s), 'C').toTsvector();
                }
                out.add(new Object[] { v.id, head.toTsvector(), sections, CaseSearchService.head("", v).toTsvector() });
            }
            return out;
        });
        int n = real.size();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL maintenance_work_mem = '512MB'");
                s.execute("CREATE TEMP TABLE bench_part (src int, part int, doc tsvector) ON COMMIT DROP");
                s.execute("CREATE TEMP TABLE bench_src (src int PRIMARY KEY, version_id bigint) ON COMMIT DROP");
                s.execute("CREATE TEMP TABLE bench_place (place int PRIMARY KEY, name text, doc tsvector) ON COMMIT DROP");
            }
            try (PreparedStatement src = c.prepareStatement("INSERT INTO bench_src VALUES (?, ?)");
                    PreparedStatement part = c.prepareStatement("INSERT INTO bench_part VALUES (?, ?, CAST(? AS tsvector))")) {
                for (int i = 0; i < n; i++) {
                    Object[] r = real.get(i);
                    src.setInt(1, i);
                    src.setLong(2, (Long) r[0]);
                    src.addBatch();
                    part.setInt(1, i);
                    part.setInt(2, -1);
                    part.setString(3, (String) r[1]);
                    part.addBatch();
                    part.setInt(1, i);
                    part.setInt(2, -2);
                    part.setString(3, (String) r[3]);
                    part.addBatch();
                    String[] sections = (String[]) r[2];
                    for (int k = 0; k < 7; k++) {
                        part.setInt(1, i);
                        part.setInt(2, k);
                        part.setString(3, sections[k]);
                        part.addBatch();
                    }
                }
                src.executeBatch();
                part.executeBatch();
            }
            try (PreparedStatement place = c.prepareStatement("INSERT INTO bench_place VALUES (?, ?, CAST(? AS tsvector))")) {
                for (int i = 0; i < PLACES.length; i++) {
                    place.setInt(1, i);
                    place.setString(2, PLACES[i]);
                    place.setString(3, new CaseTokenizer.Document().text(PLACES[i], 'A').toTsvector());
                    place.addBatch();
                }
                place.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP INDEX case_search_tokens");
                String gen = "generate_series(1, " + GENERATED + ") g";
                s.execute("INSERT INTO typical_case (code, origin, created_by, created_at, updated_at, version) "
                        + "SELECT 'BK-' || (2000 + g / 10000) || '-' || lpad((g % 10000)::text, 4, '0'), 'IMPORTED', 'bench', now(), now(), 0 FROM " + gen);
                // head from source h; section k from source (h + 1 + k * 5 + g / N) % N: a different case for each section
                s.execute("CREATE TEMP TABLE bench_gen ON COMMIT DROP AS SELECT g, c.id AS case_id, g % " + n + " AS h, g % "
                        + PLACES.length + " AS place, DATE '2015-01-01' + (g * 37 % 4000) AS d FROM " + gen
                        + " JOIN typical_case c ON c.code = 'BK-' || (2000 + g / 10000) || '-' || lpad((g % 10000)::text, 4, '0')");
                s.execute("""
                        INSERT INTO case_version (case_id, version_no, status, title, keywords, domain_id, matter, case_type, org_level,
                               tags, source, case_date, facts, investigation, handling, discretion, procedure_points, significance,
                               mistakes, content_hash, author, published_at, published_by, created_at, updated_at, version)
                        SELECT b.case_id, 1, 'PUBLISHED', p.name || '：' || h.title, h.keywords, h.domain_id, h.matter, h.case_type,
                               h.org_level, h.tags, h.source, b.d, s0.facts, s1.investigation, s2.handling, s3.discretion,
                               s4.procedure_points, s5.significance, s6.mistakes, 'bench', 'bench', now(), 'bench', now(), now(), 0
                        FROM bench_gen b JOIN bench_place p ON p.place = b.place
                        JOIN bench_src hs ON hs.src = b.h JOIN case_version h ON h.id = hs.version_id
                        """ + sectionJoins(n) + ";");
                s.execute("""
                        INSERT INTO case_search (case_id, version_id, code, domain_id, case_type, matter, org_level, case_year, tags,
                               case_date, citations, document, head, tokens_version)
                        SELECT b.case_id, v.id, c.code, v.domain_id, v.case_type, v.matter, v.org_level,
                               CAST(EXTRACT(YEAR FROM v.case_date) AS int), v.tags, v.case_date, '{}',
                               CAST('''' || lower(c.code) || ''':1A' AS tsvector) || p.doc || hd.doc
                                 || d0.doc || d1.doc || d2.doc || d3.doc || d4.doc || d5.doc || d6.doc
                                 || array_to_tsvector(ARRAY(SELECT l FROM unnest(ARRAY['~domain:' || v.domain_id,
                                        '~type:' || lower(v.case_type), '~matter:' || lower(normalize(v.matter, NFKC)),
                                        '~level:' || lower(v.org_level), '~year:' || EXTRACT(YEAR FROM v.case_date)::int]
                                        || ARRAY(SELECT '~tag:' || lower(normalize(t, NFKC)) FROM unnest(v.tags) t)) l
                                     WHERE length(l) <= 200)),
                               CAST('''' || lower(c.code) || ''':1A' AS tsvector) || p.doc || hh.doc, %d
                        FROM bench_gen b JOIN typical_case c ON c.id = b.case_id JOIN case_version v ON v.case_id = b.case_id
                        JOIN bench_place p ON p.place = b.place JOIN bench_part hd ON hd.src = b.h AND hd.part = -1
                        JOIN bench_part hh ON hh.src = b.h AND hh.part = -2
                        """.formatted(CaseTokenizer.VERSION) + partJoins(n) + ";");
                long gin = System.nanoTime();
                s.execute("CREATE INDEX case_search_tokens ON case_search USING GIN (document, head)");
                ginSeconds = (System.nanoTime() - gin) / 1e9;
                s.execute("ANALYZE typical_case");
                s.execute("ANALYZE case_version");
                s.execute("ANALYZE case_search");
            }
            c.commit();
        }
    }

    private static String src(int k, int n) {
        return "(b.h + 1 + " + k + " * 5 + b.g / " + n + ") % " + n;
    }

    private static String sectionJoins(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 7; k++) {
            sb.append(" JOIN bench_src ss").append(k).append(" ON ss").append(k).append(".src = ").append(src(k, n))
                    .append(" JOIN case_version s").append(k).append(" ON s").append(k).append(".id = ss").append(k)
                    .append(".version_id");
        }
        return sb.toString();
    }

    private static String partJoins(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 7; k++) {
            sb.append(" JOIN bench_part d").append(k).append(" ON d").append(k).append(".src = ").append(src(k, n))
                    .append(" AND d").append(k).append(".part = ").append(k);
        }
        return sb.toString();
    }
}
