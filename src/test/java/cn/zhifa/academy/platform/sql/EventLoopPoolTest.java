package cn.zhifa.academy.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/** The event-loop connections follow the JDBC settings; the statement text is shared with JDBC. */
class EventLoopPoolTest {

    @Test
    void connectOptionsComeFromTheJdbcUrl() {
        PgConnectOptions o = EventLoopPool.connectOptions(
                "jdbc:postgresql://db.internal:6543/academy?currentSchema=city_a&sslmode=require", "academy", "s3cret",
                "-c jit=off");
        assertThat(o.getHost()).isEqualTo("db.internal");
        assertThat(o.getPort()).isEqualTo(6543);
        assertThat(o.getDatabase()).isEqualTo("academy");
        assertThat(o.getUser()).isEqualTo("academy");
        assertThat(o.getPassword()).isEqualTo("s3cret");
        assertThat(o.getProperties()).containsEntry("search_path", "city_a").containsEntry("options", "-c jit=off");
        assertThat(o.getSslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(o.getCachePreparedStatements()).isTrue();

        PgConnectOptions d = EventLoopPool.connectOptions("jdbc:postgresql://127.0.0.1/postgres", null, null, null);
        assertThat(d.getPort()).isEqualTo(5432);
        assertThat(d.getProperties()).doesNotContainKey("search_path").doesNotContainKey("options");
    }

    @Test
    void aJdbcUrlItCannotFollowIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:postgresql://a/b?loginTimeout=3", null, null, null))
                .hasMessageContaining("loginTimeout");
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:postgresql://a,b/c", null, null, null))
                .hasMessageContaining("one host");
        assertThatThrownBy(() -> EventLoopPool.connectOptions("jdbc:mysql://a/b", null, null, null))
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
