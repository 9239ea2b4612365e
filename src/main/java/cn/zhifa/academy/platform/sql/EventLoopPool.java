package cn.zhifa.academy.platform.sql;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * A few PostgreSQL connections driven from the event loop by the Vert.x client, for the hottest
 * one-statement writes (issues 11 and 16: the answer save, the video heartbeat), beside the JDBC
 * pool that everything else uses. Statements are pipelined and prepared once per connection.
 * <p>
 * The connections are the JDBC datasource's: host, port, database, schema ({@code currentSchema})
 * and {@code sslmode} are read from {@code quarkus.datasource.jdbc.url}, the login and the session
 * options ({@code ACADEMY_DB_SESSION_OPTIONS}) from the same settings, so an operator configures
 * one database URL. A JDBC URL parameter with no equivalent stops the start, naming it.
 */
@ApplicationScoped
public class EventLoopPool {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "quarkus.datasource.jdbc.additional-jdbc-properties.options")
    Optional<String> sessionOptions;

    /** Connections; also the batches each {@link BatchedStatement} keeps in flight. */
    @ConfigProperty(name = "academy.db.event-loop-connections", defaultValue = "4")
    int connections;

    private volatile Pool pool;

    public Pool pool() {
        Pool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = PgBuilder.pool().with(new PoolOptions().setMaxSize(connections).setName("academy-event-loop"))
                            .connectingTo(connectOptions(jdbcUrl, username.orElse(null), password.orElse(null),
                                    sessionOptions.orElse(null)))
                            .using(vertx).build();
                    pool = p;
                }
            }
        }
        return p;
    }

    public int connections() {
        return connections;
    }

    /** Builds the pool at start (it connects on first use), so that a URL it cannot follow stops the start. */
    void start(@Observes StartupEvent event) {
        pool();
    }

    @PreDestroy
    void close() {
        Pool p = pool;
        if (p != null) {
            p.close();
        }
    }

    /**
     * The Vert.x client's options for the JDBC URL {@code jdbc:postgresql://host[:port]/database[?params]}:
     * {@code currentSchema} becomes the session's {@code search_path}, {@code sslmode} the client's
     * SSL mode, {@code options} (or the datasource's session options) PostgreSQL's start-up options.
     * Other parameters are refused, so that a setting the JDBC path honours is not silently dropped here.
     */
    public static PgConnectOptions connectOptions(String jdbcUrl, String user, String password, String options) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null || uri.getHost().contains(",")) {
            throw new IllegalArgumentException("one host expected in the JDBC URL: " + jdbcUrl);
        }
        PgConnectOptions o = new PgConnectOptions().setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : PgConnectOptions.DEFAULT_PORT)
                .setPipeliningLimit(PgConnectOptions.DEFAULT_PIPELINING_LIMIT).setCachePreparedStatements(true);
        String path = uri.getPath();
        o.setDatabase(path == null || path.length() <= 1 ? "postgres" : path.substring(1));
        if (user != null && !user.isBlank()) {
            o.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            o.setPassword(password);
        }
        Map<String, String> properties = new HashMap<>();
        if (options != null && !options.isBlank()) {
            properties.put("options", options);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (key) {
                    case "currentSchema" -> properties.put("search_path", value);
                    case "sslmode" -> o.setSslMode(SslMode.of(value));
                    case "options" -> properties.put("options", value);
                    case "ApplicationName" -> properties.put("application_name", value);
                    default -> throw new IllegalArgumentException("JDBC URL parameter '" + key
                            + "' has no equivalent for the event-loop connections (academy.db.event-loop-connections): "
                            + jdbcUrl);
                }
            }
        }
        o.setProperties(properties);
        return o;
    }
}
