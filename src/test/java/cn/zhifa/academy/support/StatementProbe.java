package cn.zhifa.academy.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.restassured.specification.RequestSpecification;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Counts the SQL statements (and commits) one HTTP request sends to PostgreSQL, whatever thread
 * runs them: a request carrying the header {@value #HEADER} has its Vert.x (duplicated) context
 * marked, and {@link CountingDriver} records every statement executed on that context — the
 * identity lookup, the resource, the template — and nothing of other requests or background jobs.
 *
 * <pre>
 * String probe = StatementProbe.start();
 * StatementProbe.on(learner.get(), probe).get("/learn");
 * assertThat(StatementProbe.statements(probe)).hasSizeLessThanOrEqualTo(3);
 * </pre>
 */
@Singleton
public class StatementProbe {

    public static final String HEADER = "X-Test-Statement-Probe";
    private static final String KEY = "test-statement-probe";

    private static final Map<String, List<String>> PROBES = new ConcurrentHashMap<>();

    /** A new probe: statements of requests sent with it are recorded under it. */
    public static String start() {
        String id = UUID.randomUUID().toString();
        PROBES.put(id, new CopyOnWriteArrayList<>());
        return id;
    }

    public static RequestSpecification on(RequestSpecification request, String probe) {
        return request.header(HEADER, probe);
    }

    /** The statements recorded so far under the probe, in order ("COMMIT"/"ROLLBACK" for those). */
    public static List<String> statements(String probe) {
        return List.copyOf(PROBES.getOrDefault(probe, List.of()));
    }

    static void record(String sql) {
        Context ctx = Vertx.currentContext();
        if (ctx == null || !VertxContext.isDuplicatedContext(ctx)) {
            return;
        }
        String probe = ContextLocals.<String> get(KEY).orElse(null);
        if (probe != null) {
            List<String> list = PROBES.get(probe);
            if (list != null) {
                list.add(sql == null ? "?" : sql);
            }
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String probe = rc.request().getHeader(HEADER);
            if (probe != null && PROBES.containsKey(probe) && VertxContext.isOnDuplicatedContext()) {
                ContextLocals.put(KEY, probe);
            }
            rc.next();
        });
    }
}
