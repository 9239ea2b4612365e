package cn.zhifa.academy.platform.sql;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
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

    @Inject
    AgroalDataSource dataSource;

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
                                    jdbcProperties()))
                            .using(vertx).build();
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * The JDBC properties the datasource hands the driver, however they were set (the
     * {@code options} of ACADEMY_DB_SESSION_OPTIONS, and any
     * {@code QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_…}), read from the pool's own configuration.
     */
    private Map<String, String> jdbcProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration().jdbcProperties()
                .forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
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
     * The Vert.x client's options for the JDBC URL {@code jdbc:postgresql://host[:port]/database[?params]}
     * and the datasource's additional JDBC properties ({@code jdbcProperties}, which the URL's
     * parameters override, as in the JDBC driver): {@code currentSchema} becomes the session's
     * {@code search_path}, {@code sslmode} (with {@code sslrootcert}) the client's TLS with the JDBC
     * driver's meaning, {@code options} PostgreSQL's start-up options, {@code ApplicationName} the
     * application name. Other parameters are refused, so that a setting the JDBC path honours is not
     * silently dropped here.
     */
    public static PgConnectOptions connectOptions(String jdbcUrl, String user, String password,
            Map<String, String> jdbcProperties) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null || uri.getHost().contains(",")) {
            throw new IllegalArgumentException("one host expected in the JDBC URL: " + jdbcUrl);
        }
        PgConnectOptions o = new PgConnectOptions().setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : PgConnectOptions.DEFAULT_PORT)
                .setPipeliningLimit(PgConnectOptions.DEFAULT_PIPELINING_LIMIT).setCachePreparedStatements(true)
                .setMetricsName("academy-event-loop"); // the client metrics as academy-event-loop.*, not .*
        String path = uri.getPath();
        o.setDatabase(path == null || path.length() <= 1 ? "postgres" : path.substring(1));
        if (user != null && !user.isBlank()) {
            o.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            o.setPassword(password);
        }
        Map<String, String> parameters = new LinkedHashMap<>(jdbcProperties == null ? Map.of() : jdbcProperties);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        Map<String, String> properties = new HashMap<>();
        String rootCert = null;
        o.setSslMode(SslMode.PREFER); // the JDBC driver's default: TLS when the server offers it
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String value = p.getValue();
            switch (p.getKey()) {
                case "currentSchema" -> properties.put("search_path", value);
                case "sslmode" -> o.setSslMode(SslMode.of(value));
                case "sslrootcert" -> rootCert = value;
                case "options" -> {
                    if (!value.isBlank()) {
                        properties.put("options", value);
                    }
                }
                case "ApplicationName" -> properties.put("application_name", value);
                default -> throw new IllegalArgumentException("JDBC parameter '" + p.getKey()
                        + "' has no equivalent for the event-loop connections (academy.db.event-loop-connections): "
                        + jdbcUrl);
            }
        }
        // TLS as the JDBC driver does it: prefer and require encrypt without checking the
        // certificate; verify-ca and verify-full check it against sslrootcert, verify-full the host too
        if (rootCert != null) {
            o.setPemTrustOptions(new PemTrustOptions().addCertPath(rootCert));
            if (o.getSslMode() == SslMode.VERIFY_FULL) {
                o.setHostnameVerificationAlgorithm("HTTPS");
            }
        } else if (o.getSslMode() == SslMode.VERIFY_CA || o.getSslMode() == SslMode.VERIFY_FULL) {
            throw new IllegalArgumentException("sslmode=" + o.getSslMode().value
                    + " needs sslrootcert=<the CA certificate> as well: " + jdbcUrl);
        } else if (o.getSslMode() != SslMode.DISABLE) {
            o.setTrustAll(true);
        }
        o.setProperties(properties);
        return o;
    }
}
