package cn.zhifa.academy.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.audit.AuditAnchors;
import cn.zhifa.academy.platform.audit.AuditEvent;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.storage.ObjectStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class AuditChainTest {

    @Inject
    AuditLog audit;

    @Inject
    DataSource dataSource;

    @Inject
    AuditAnchors anchors;

    @Inject
    AcademyConfig config;

    @Inject
    ObjectStore store;

    /** Anchors of earlier runs name another (cleaned) database: start from none. */
    @BeforeEach
    void forgetAnchorsOfEarlierRuns() throws IOException {
        if (!cleaned && Files.isDirectory(anchorDir())) {
            try (var files = Files.walk(anchorDir())) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        cleaned = true;
    }

    private static boolean cleaned;

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
                        + "entity_type, entity_id, detail, prev_hash, hash, seq, key_id) "
                        + "VALUES (?, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setLong(1, removed.id);
                    for (int i = 0; i < saved.length; i++) {
                        p.setString(i + 2, saved[i]);
                    }
                    p.setLong(10, removed.seq);
                    p.setString(11, removed.keyId);
                    p.executeUpdate();
                }
                s.execute("SET session_replication_role = origin");
            }
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aGapInThePositionsIsNamedEvenWhenTheLinksAreRepaired() throws SQLException {
        record("test.gap.keep");
        AuditEvent removed = record("test.gap.removed");
        AuditEvent next = record("test.gap.next");
        List<Map<String, Object>> saved = rowsFrom(removed.seq);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("DELETE FROM audit_event WHERE id = " + removed.id);
            // repair the link, as far as one can without the key
            s.execute("UPDATE audit_event SET prev_hash = '" + removed.prevHash + "' WHERE id = " + next.id);
            s.execute("SET session_replication_role = origin");
        }
        try {
            AuditLog.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(next.id);
            assertThat(v.reason()).contains("event " + removed.seq + " is missing");
        } finally {
            restore(removed.seq, saved);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    /**
     * The probe's attack: with triggers off, edit an event and recompute the unkeyed SHA-256
     * chain forward. Without the key the HMAC cannot be recomputed, so verification names the
     * edited event.
     */
    @Test
    void editingARowAndRecomputingTheUnkeyedChainIsDetected() throws SQLException {
        record("test.rechain.before");
        AuditEvent victim = record("test.rechain.victim");
        record("test.rechain.after");
        List<Map<String, Object>> saved = rowsFrom(victim.seq);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            String prev = victim.prevHash;
            for (Map<String, Object> row : saved) {
                String detail = ((Long) row.get("id")).longValue() == victim.id ? "{\"after\":999}"
                        : (String) row.get("detail");
                String hash = unkeyedHash(prev, (Long) row.get("id"), (String) row.get("occurred"),
                        (String) row.get("actor"), (String) row.get("action"), (String) row.get("entity_type"),
                        (String) row.get("entity_id"), detail, (String) row.get("remote_addr"));
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ?, key_id = NULL WHERE id = ?")) {
                    p.setString(1, detail);
                    p.setString(2, prev);
                    p.setString(3, hash);
                    p.setLong(4, (Long) row.get("id"));
                    p.executeUpdate();
                }
                prev = hash;
            }
            s.execute("SET session_replication_role = origin");
        }
        try {
            AuditLog.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(victim.id);
        } finally {
            restore(victim.seq, saved);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    /** Deleting the newest events leaves an intact-looking chain; the external anchor shows the loss. */
    @Test
    void deletingTheNewestEventsIsDetectedThroughTheAnchor() throws Exception {
        record("test.tail.keep");
        AuditEvent first = record("test.tail.one");
        record("test.tail.two");
        assertThat(anchors.anchorNow()).isPresent();
        assertThat(audit.verify().anchors()).isPositive();
        List<Map<String, Object>> saved = rowsFrom(first.seq);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("DELETE FROM audit_event WHERE seq >= " + first.seq);
            s.execute("SET session_replication_role = origin");
        }
        try {
            AuditLog.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.reason()).contains("newest events were removed");
        } finally {
            restore(first.seq, saved);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aForgedOrAlteredAnchorFailsVerification() throws Exception {
        record("test.anchor.forged");
        var a = anchors.anchorNow().orElseThrow();
        Path forged = anchorDir().resolve("forged-" + a.seq() + ".json");
        Files.writeString(forged, "{\"v\":1,\"first\":\"" + a.first() + "\",\"seq\":" + (a.seq() + 50)
                + ",\"head\":\"" + a.head() + "\",\"writtenAt\":\"" + a.writtenAt() + "\",\"keyId\":\"" + a.keyId()
                + "\",\"mac\":\"" + a.mac() + "\"}");
        try {
            AuditLog.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.reason()).contains("not signed");
        } finally {
            Files.delete(forged);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anAnchorIsWrittenOnceAndNeverOverwritten() throws Exception {
        record("test.anchor.once");
        var a = anchors.anchorNow().orElseThrow();
        try (var files = Files.list(anchorDir())) {
            Path written = files.filter(f -> f.getFileName().toString().endsWith("-" + a.seq() + ".json")).findFirst()
                    .orElseThrow();
            assertThat(Files.getPosixFilePermissions(written))
                    .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(store.putOnce(anchorDir().getFileName() + "/" + written.getFileName(), new byte[] { 1 },
                    "application/json", java.time.Duration.ZERO)).isFalse();
            assertThat(Files.readString(written)).contains(a.mac());
        }
    }

    /** The unkeyed SHA-256 formula of events before V85, as someone with the source could recompute it. */
    private static String unkeyedHash(String prev, long id, String occurred, String actor, String action,
            String entityType, String entityId, String detail, String remoteAddr) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] { prev, String.valueOf(id), occurred, actor, action, entityType, entityId,
                detail, remoteAddr }) {
            String v = field == null ? "" : field;
            sb.append(field == null ? -1 : v.length()).append(':').append(v).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> rowsFrom(long seq) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, occurred_at, actor, action, entity_type, entity_id, detail, "
                        + "remote_addr, prev_hash, hash, seq, key_id FROM audit_event WHERE seq >= " + seq + " ORDER BY seq")) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", rs.getLong("id"));
                row.put("occurred_ts", rs.getObject("occurred_at"));
                row.put("occurred", rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant().toString());
                for (String col : List.of("actor", "action", "entity_type", "entity_id", "detail", "remote_addr",
                        "prev_hash", "hash", "key_id")) {
                    row.put(col, rs.getString(col));
                }
                row.put("seq", rs.getLong("seq"));
                rows.add(row);
            }
        }
        return rows;
    }

    /** Puts the saved rows back exactly as they were, behind the triggers' back. */
    private void restore(long fromSeq, List<Map<String, Object>> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("DELETE FROM audit_event WHERE seq >= " + fromSeq);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_event (id, occurred_at, actor, action, "
                    + "entity_type, entity_id, detail, remote_addr, prev_hash, hash, seq, key_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map<String, Object> row : rows) {
                    p.setLong(1, (Long) row.get("id"));
                    p.setObject(2, row.get("occurred_ts"));
                    int i = 3;
                    for (String col : List.of("actor", "action", "entity_type", "entity_id", "detail", "remote_addr",
                            "prev_hash", "hash")) {
                        p.setString(i++, (String) row.get(col));
                    }
                    p.setLong(11, (Long) row.get("seq"));
                    p.setString(12, (String) row.get("key_id"));
                    p.executeUpdate();
                }
            }
            s.execute("SET session_replication_role = origin");
        }
    }

    private Path anchorDir() {
        return Path.of(config.dataDir()).resolve(config.storage().fsRoot()).resolve(config.audit().anchorPrefix());
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
