package cn.zhifa.academy.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The session settings every pooled connection gets (application.properties,
 * {@code ACADEMY_DB_SESSION_OPTIONS}): PostgreSQL's JIT is off, because it compiled 我的学习's
 * plan query for ~44 ms on every page (issue 16). The server's own default here is on, so this
 * fails if the option stops reaching the connections.
 */
@QuarkusTest
class DatabaseSessionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyConnectionHasTheJitOff() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet server = st.executeQuery("SELECT boot_val FROM pg_settings WHERE name = 'jit'")) {
                server.next();
                assertThat(server.getString(1)).as("the server's default, which the option overrides").isEqualTo("on");
            }
            try (ResultSet rs = st.executeQuery("SHOW jit")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("off");
            }
        }
    }

    @Inject
    cn.zhifa.academy.platform.sql.EventLoopPool eventLoop;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "academy.db-schema")
    String schema;

    /**
     * The event-loop connections (answer saves, heartbeats; issues 11 and 16) get the same session:
     * the JIT off and the service's schema, read from the datasource's own configuration.
     */
    @Test
    void theEventLoopConnectionsHaveTheSameSession() throws Exception {
        io.vertx.sqlclient.Row r = eventLoop.pool().query("SELECT current_setting('jit'), current_schema()").execute()
                .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS).iterator().next();
        assertThat(r.getString(0)).isEqualTo("off");
        assertThat(r.getString(1)).isEqualTo(schema);
    }
}
