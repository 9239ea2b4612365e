package cn.zhifa.academy.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/** The event-loop connections follow the JDBC settings; the statement text is shared with JDBC. */
class EventLoopPoolTest {

    @Test
    void connectOptionsComeFromTheJdbcUrl() {
        PgConnectOptions o = EventLoopPool.connectOptions(
                "jdbc:postgresql://db.internal:6543/academy?currentSchema=city_a&sslmode=require", "academy", "s3cret",
                Map.of("options", "-c jit=off"));
        assertThat(o.getHost()).isEqualTo("db.internal");
        assertThat(o.getPort()).isEqualTo(6543);
        assertThat(o.getDatabase()).isEqualTo("academy");
        assertThat(o.getUser()).isEqualTo("academy");
        assertThat(o.getPassword()).isEqualTo("s3cret");
        assertThat(o.getProperties()).containsEntry("search_path", "city_a").containsEntry("options", "-c jit=off");
        assertThat(o.getSslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(o.isTrustAll()).as("require encrypts without checking the certificate, as the JDBC driver").isTrue();
        assertThat(o.getCachePreparedStatements()).isTrue();

        PgConnectOptions d = EventLoopPool.connectOptions("jdbc:postgresql://127.0.0.1/postgres", null, null, Map.of());
        assertThat(d.getPort()).isEqualTo(5432);
        assertThat(d.getProperties()).doesNotContainKey("search_path").doesNotContainKey("options");
        assertThat(d.getSslMode()).as("the JDBC driver's default").isEqualTo(SslMode.PREFER);
        assertThat(d.isTrustAll()).isTrue();
    }

    @Test
    void verifyingModesCheckTheCertificateAgainstTheRootCertificate() {
        PgConnectOptions full = EventLoopPool.connectOptions(
                "jdbc:postgresql://db/academy?sslmode=verify-full&sslrootcert=/etc/academy/pg-ca.pem", null, null, Map.of());
        assertThat(full.isTrustAll()).isFalse();
        assertThat(full.getPemTrustOptions().getCertPaths()).containsExactly("/etc/academy/pg-ca.pem");
        assertThat(full.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        PgConnectOptions ca = EventLoopPool.connectOptions(
                "jdbc:postgresql://db/academy?sslmode=verify-ca&sslrootcert=/etc/academy/pg-ca.pem", null, null, Map.of());
        assertThat(ca.getHostnameVerificationAlgorithm()).isNullOrEmpty();
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:postgresql://db/academy?sslmode=verify-full", null,
                null, Map.of())).hasMessageContaining("sslrootcert");
        assertThat(EventLoopPool.connectOptions("jdbc:postgresql://db/academy?sslmode=disable", null, null, Map.of())
                .isTrustAll()).isFalse();
    }

    /** The datasource's additional JDBC properties (QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_…) count too. */
    @Test
    void theDatasourcesJdbcPropertiesApplyAsTheUrlsParametersDo() {
        PgConnectOptions o = EventLoopPool.connectOptions("jdbc:postgresql://db/academy?currentSchema=x", null, null,
                Map.of("sslmode", "verify-full", "sslrootcert", "/ca.pem", "options", "-c jit=off"));
        assertThat(o.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(o.getPemTrustOptions().getCertPaths()).containsExactly("/ca.pem");
        assertThat(o.getProperties()).containsEntry("options", "-c jit=off").containsEntry("search_path", "x");
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:postgresql://db/academy", null, null,
                Map.of("tcpKeepAlive", "true"))).hasMessageContaining("tcpKeepAlive");
    }

    @Test
    void aJdbcUrlItCannotFollowIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:postgresql://a/b?loginTimeout=3", null, null, Map.of()))
                .hasMessageContaining("loginTimeout");
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:postgresql://a,b/c", null, null, Map.of()))
                .hasMessageContaining("one host");
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:mysql://a/b", null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * PostgreSQL's default password authentication is SCRAM-SHA-256, and the Vert.x client supports it
     * only when com.ongres.scram:scram-client is on the class path (an optional dependency of
     * vertx-pg-client; the JDBC driver shades its own copy). Without it every event-loop connection
     * of a production node is refused ("Scram authentication not supported"); the test machine's
     * trust authentication would never show it. Checked by hand against a SCRAM role: with the
     * library the login succeeds, without it it fails with that message.
     */
    @Test
    void scramAuthenticationIsAvailableToTheEventLoopConnections() {
        assertThat(io.vertx.pgclient.impl.auth.scram.ScramAuthentication.INSTANCE)
                .as("vertx-pg-client found the SCRAM client library").isNotNull();
    }

    @Test
    void jdbcPlaceholdersAreNumberedOutsideQuotedText() {
        assertThat(BatchedStatement.numbered("SELECT ?::int, '?', \"a?\" WHERE x = ? AND y <> 'it''s ?'"))
                .isEqualTo("SELECT $1::int, '?', \"a?\" WHERE x = $2 AND y <> 'it''s ?'");
    }
}
