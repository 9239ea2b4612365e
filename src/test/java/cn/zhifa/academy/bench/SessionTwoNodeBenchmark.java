package cn.zhifa.academy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.bench.ExamBench.Service;
import cn.zhifa.academy.bench.ExamBench.Session;

/**
 * A session ended on one node is refused on the other (issue 11 build item 3, on two real
 * nodes; not part of the suite). Two service processes share one schema and the session key:
 * node 2 caches the identity of a session node 1 issued ({@link cn.zhifa.academy.platform.security.IdentityCache}),
 * then the candidate logs out on node 1, and later an account is disabled with plain SQL. The
 * change reaches node 2 through PostgreSQL LISTEN/NOTIFY ("account_changed"); the run measures
 * how long after the logout's answer node 2 still accepted the cookie (0 requests is the aim) and
 * fails if node 2 accepts it for more than two seconds.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B test -Dtest=SessionTwoNodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.port=8190 -Dbench.port2=8191]
 * </pre>
 *
 * Results: stdout and target/benchmark/session-two-nodes.md.
 */
class SessionTwoNodeBenchmark {

    @Test
    void aLogoutOnOneNodeIsRefusedOnTheOther() throws Exception {
        String schema = ExamBench.prop("bench.schema", "academy_bench_sessions");
        int port1 = ExamBench.intProp("bench.port", 8190);
        int port2 = ExamBench.intProp("bench.port2", port1 + 1);
        List<String> report = new ArrayList<>();
        report.add("# Sessions on two nodes: logout and disabling take effect on the other node");
        report.add("");
        report.add("- load average before: " + ExamBench.loadAverage());
        ExamBench.dropSchema(schema);
        try (Service node1 = new Service(schema, port1, List.of()); Service node2 = new Service(schema, port2, List.of())) {
            Files.deleteIfExists(node1.logFile);
            Files.deleteIfExists(node2.logFile);
            node1.start(); // migrations
            ExamBench.seed(schema, 2);
            node2.start();
            HttpClient http = ExamBench.client(2);

            // candidate 1: logged in on node 1, the same cookie used on node 2 (cached there)
            Session onNode1 = new Session(http, node1.base()).login(ExamBench.username(1), ExamBench.PASSWORD).get();
            Session sameOnNode2 = copy(onNode1, http, node2.base());
            // another device of the same candidate, logged in on node 2
            Session otherDevice = new Session(http, node2.base()).login(ExamBench.username(1), ExamBench.PASSWORD).get();
            assertThat(status(sameOnNode2)).as("node 2 accepts node 1's session").isEqualTo(200);
            assertThat(status(sameOnNode2)).isEqualTo(200); // now cached on node 2
            assertThat(status(otherDevice)).isEqualTo(200);

            // logout on node 1
            HttpResponse<String> out = onNode1.send(onNode1.request("/logout")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf-token="
                            + URLEncoder.encode(onNode1.csrf, StandardCharsets.UTF_8)))
                    .build()).get();
            long loggedOut = System.nanoTime();
            assertThat(out.statusCode()).as("logout on node 1: " + out.body()).isEqualTo(303);
            long[] logout = untilRefused(sameOnNode2, loggedOut);
            long[] other = untilRefused(otherDevice, loggedOut);
            report.add(String.format(Locale.ROOT,
                    "- logout on node 1, the same cookie on node 2: %d request(s) still accepted after the logout's answer, "
                            + "refused %.1f ms after it; the other device's session on node 2: %d accepted, refused after %.1f ms",
                    logout[0], logout[1] / 1e6, other[0], other[1] / 1e6));

            // candidate 2: disabled by an operator with plain SQL while logged in on both nodes
            Session c2node1 = new Session(http, node1.base()).login(ExamBench.username(2), ExamBench.PASSWORD).get();
            Session c2node2 = copy(c2node1, http, node2.base());
            assertThat(status(c2node1)).isEqualTo(200);
            assertThat(status(c2node2)).isEqualTo(200);
            try (Connection c = ExamBench.db(schema); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE account SET enabled = false WHERE username = '" + ExamBench.username(2) + "'");
            }
            long disabled = System.nanoTime();
            long[] d1 = untilRefused(c2node1, disabled);
            long[] d2 = untilRefused(c2node2, disabled);
            report.add(String.format(Locale.ROOT,
                    "- account disabled by SQL (commit): node 1 accepted %d request(s), refused after %.1f ms; node 2 accepted %d, "
                            + "refused after %.1f ms",
                    d1[0], d1[1] / 1e6, d2[0], d2[1] / 1e6));
            report.add("- load average after: " + ExamBench.loadAverage());
            String text = String.join("\n", report) + "\n";
            Path file = Path.of("target/benchmark/session-two-nodes.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            System.out.println(text);
            for (long[] r : List.of(logout, other, d1, d2)) {
                assertThat(r[1]).as("refused within 2 s").isLessThan(2_000_000_000L);
            }
        }
    }

    private static Session copy(Session from, HttpClient http, String base) {
        Session s = new Session(http, base);
        s.cookies.putAll(from.cookies);
        s.csrf = from.csrf;
        return s;
    }

    private static int status(Session s) throws Exception {
        return s.get("/api/v1/my/exams").statusCode();
    }

    /** Requests until refused (401); returns {requests accepted, nanoseconds from t0 to the refusal}. */
    private static long[] untilRefused(Session s, long t0) throws Exception {
        long accepted = 0;
        while (System.nanoTime() - t0 < 10_000_000_000L) {
            int st = status(s);
            if (st == 401 || st == 302 || st == 303) {
                return new long[] { accepted, System.nanoTime() - t0 };
            }
            accepted++;
            Thread.sleep(2);
        }
        return new long[] { accepted, Long.MAX_VALUE };
    }
}
