package cn.zhifa.academy.platform.audit;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One append-only audit event (审计事件). Written only by {@link AuditLog}; the database
 * refuses UPDATE and DELETE on the table.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "entity_type", updatable = false)
    public String entityType;

    @Column(name = "entity_id", updatable = false)
    public String entityId;

    /** JSON text: the before/after summary. Kept as text so the hashed bytes never change. */
    @Column(nullable = false, updatable = false)
    public String detail;

    @Column(name = "remote_addr", updatable = false)
    public String remoteAddr;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    public String prevHash;

    @Column(nullable = false, updatable = false)
    public String hash;

    /** Position in the chain: 1, 2, 3 … without gaps (a gap is a removed event). */
    @Column(nullable = false, updatable = false)
    public long seq;

    /** Fingerprint of the HMAC key that signed the event; null for events before the keyed epoch (V85). */
    @Column(name = "key_id", updatable = false)
    public String keyId;

    static List<AuditEvent> batchAfter(long afterSeq, int size) {
        return find("seq > ?1 ORDER BY seq", afterSeq).page(0, size).list();
    }
}
