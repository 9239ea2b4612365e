package cn.zhifa.academy.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class AuditChainTest {

    @Inject
    AuditLog audit;

    @Inject
    DataSource dataSource;

    private AuditEvent record(String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> audit.recordAs("tester", action, "thing", 7, AuditLog.detail("before", 1, "after", 2)));
    }

    @Test
    void eventsFormAnIntactChain() {
        AuditEvent a = record("test.one");
        AuditEvent b = record("test.two");
        assertThat(b.prevHash).isEqualTo(a.hash);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void alteringAStoredEventIsReportedAtThatEvent() throws SQLException {
        record("test.before");
        AuditEvent victim = record("test.victim");
        record("test.after");
        assertThat(audit.verify().intact()).isTrue();

        tamper("UPDATE audit_event SET detail = '{\"after\":999}' WHERE id = ?", victim.id);
        try {
            AuditLog.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(victim.id);
            assertThat(v.reason()).contains("altered");
        } finally {
            tamper("UPDATE audit_event SET detail = '" + victim.detail + "' WHERE id = ?", victim.id);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void removingAnEventBreaksTheLinkOfTheNextOne() throws SQLException {
        record("test.keep");
        AuditEvent removed = record("test.removed");
        AuditEvent next = record("test.next");
        String[] saved = { removed.occurredAt.toString(), removed.actor, removed.action, removed.entityType,
                removed.entityId, removed.detail, removed.prevHash, removed.hash };
        tamper("DELETE FROM audit_event WHERE id = ?", removed.id);
        try {
            AuditLog.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(next.id);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
                try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_event (id, occurred_at, actor, action, "
                        + "entity_type, entity_id, detail, prev_hash, hash) VALUES (?, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setLong(1, removed.id);
                    for (int i = 0; i < saved.length; i++) {
                        p.setString(i + 2, saved[i]);
                    }
                    p.executeUpdate();
                }
                s.execute("SET session_replication_role = origin");
            }
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() {
        AuditEvent e = record("test.immutable");
        assertThatThrownBy(() -> plain("UPDATE audit_event SET actor = 'mallory' WHERE id = " + e.id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> plain("DELETE FROM audit_event WHERE id = " + e.id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> plain("TRUNCATE audit_event")).hasMessageContaining("append-only");
    }

    @Test
    @TestSecurity(user = "root", roles = "sysadmin")
    void sysadminCanVerifyThroughTheApi() {
        record("test.api");
        given().when().get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        given().when().get("/api/v1/audit?size=5").then().statusCode(200).body("size()", equalTo(5));
    }

    @Test
    @TestSecurity(user = "someone", roles = "admin")
    void othersMayNotReadTheAuditLog() {
        given().when().get("/api/v1/audit/verify").then().statusCode(403).contentType("application/problem+json");
    }

    /** Changes a row behind the triggers' back, as someone with database superuser rights could. */
    private void tamper(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, id);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            s.execute("SET session_replication_role = origin");
        }
    }

    private void plain(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
