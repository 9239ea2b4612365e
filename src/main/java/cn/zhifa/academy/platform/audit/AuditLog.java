package cn.zhifa.academy.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import cn.zhifa.academy.platform.time.Now;

/**
 * The append-only, hash-chained audit log (审计日志). Every state change that matters calls
 * {@link #record} inside the transaction that makes the change, so the event and the change
 * commit together or not at all.
 *
 * <p>Each event's hash is an HMAC-SHA256, under a key kept outside the database
 * (academy.audit.hmac-key), of its position, the previous event's hash and its own fields;
 * {@link AuditAnchors} writes the head to the object store so that removed newest events show
 * too. Events before the keyed epoch (migration V85) keep their unkeyed SHA-256. Writers
 * take a transaction-scoped advisory lock before reading the chain's head, so events from
 * concurrent transactions (and several nodes) form one unbroken chain.
 */
@ApplicationScoped
public class AuditLog {

    /** prev_hash of the very first event. */
    public static final String GENESIS = "0".repeat(64);
    static final long CHAIN_LOCK = 0x417564697443L; // "AuditC"
    private static final int VERIFY_BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AuditKeys keys;

    @Inject
    AuditAnchors anchors;

    @Inject
    Instance<SecurityIdentity> identity;

    @Inject
    Instance<CurrentVertxRequest> currentRequest;

    /** Records an event by the current user (or "system" outside a request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String action, String entityType, Object entityId, Map<String, ?> detail) {
        return recordAs(currentActor(), action, entityType, entityId, detail);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent recordAs(String actor, String action, String entityType, Object entityId, Map<String, ?> detail) {
        cn.zhifa.academy.platform.AdvisoryLocks.lockLast(em, CHAIN_LOCK, "the audit chain lock");
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("SELECT hash, seq FROM audit_event ORDER BY seq DESC LIMIT 1")
                .getResultList();
        AuditEvent e = new AuditEvent();
        e.id = ((Number) em.createNativeQuery("SELECT nextval('audit_event_seq')").getSingleResult()).longValue();
        e.occurredAt = Now.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        e.actor = truncate(actor, 100);
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId == null ? null : truncate(String.valueOf(entityId), 60);
        e.detail = toJson(detail);
        e.remoteAddr = remoteAddr();
        e.prevHash = head.isEmpty() ? GENESIS : ((String) head.get(0)[0]).trim();
        e.seq = head.isEmpty() ? 1 : ((Number) head.get(0)[1]).longValue() + 1;
        e.keyId = keys.currentId();
        e.hash = keys.mac(e.keyId, keyedText(e));
        em.persist(e);
        return e;
    }

    /**
     * Walks the whole chain in position order and names the first event that was altered,
     * removed (a gap in the positions or a broken link) or signed with a key this service does
     * not hold; then compares the chain with every external anchor, which also detects removed
     * newest events (a truncated tail) and a replaced log.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Verification verify() {
        List<AuditAnchors.Read> stored;
        try {
            stored = anchors.readAll();
        } catch (java.io.IOException ex) {
            return Verification.broken(0, null, "the audit anchors cannot be read from the object store", 0);
        }
        Map<Long, AuditAnchors.Anchor> bySeq = new java.util.HashMap<>();
        AuditAnchors.Anchor newest = null;
        for (AuditAnchors.Read r : stored) {
            if (r.problem() != null) {
                return Verification.broken(0, null, r.problem(), stored.size());
            }
            bySeq.putIfAbsent(r.anchor().seq(), r.anchor());
            if (newest == null || r.anchor().seq() > newest.seq()) {
                newest = r.anchor();
            }
        }
        int anchorCount = stored.size();
        String expectedPrev = GENESIS;
        long checked = 0;
        long after = 0;
        Long lastId = null;
        String keyedBy = null;
        while (true) {
            List<AuditEvent> batch = AuditEvent.batchAfter(after, VERIFY_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEvent e : batch) {
                checked++;
                if (e.seq != checked) {
                    return Verification.broken(checked, e.id, checked == e.seq - 1 ? "event " + checked + " is missing"
                            : "events " + checked + "–" + (e.seq - 1) + " are missing (a gap in the chain)", anchorCount);
                }
                if (!expectedPrev.equals(e.prevHash.trim())) {
                    return Verification.broken(checked, e.id,
                            "prev_hash does not match the previous event: an event before it was removed or altered",
                            anchorCount);
                }
                String stored1 = e.hash.trim();
                if (e.keyId == null) {
                    if (keyedBy != null) {
                        return Verification.broken(checked, e.id,
                                "an unkeyed event after the keyed epoch began: the event was altered", anchorCount);
                    }
                    if (!hashOf(e).equals(stored1)) {
                        return Verification.broken(checked, e.id, "content does not match its hash: the event was altered",
                                anchorCount);
                    }
                } else {
                    if (!keys.known(e.keyId.trim())) {
                        return Verification.broken(checked, e.id,
                                "signed with a key this service does not hold: the event was altered", anchorCount);
                    }
                    if (keyedBy != null && keyedBy.equals(keys.currentId()) && !e.keyId.trim().equals(keyedBy)) {
                        return Verification.broken(checked, e.id,
                                "signed with a retired key after the current key was in use: the event was altered",
                                anchorCount);
                    }
                    keyedBy = e.keyId.trim();
                    if (!AuditKeys.same(keys.mac(keyedBy, keyedText(e)), stored1)) {
                        return Verification.broken(checked, e.id,
                                "content does not match its HMAC: the event was altered", anchorCount);
                    }
                }
                if (checked == 1 && newest != null && !newest.first().equals(stored1)) {
                    return Verification.broken(checked, e.id,
                            "the first event differs from the one the anchors name: the log was replaced", anchorCount);
                }
                AuditAnchors.Anchor a = bySeq.get(e.seq);
                if (a != null && !a.head().equals(stored1)) {
                    return Verification.broken(checked, e.id, "differs from the anchor written at " + a.writtenAt()
                            + ": the event was altered", anchorCount);
                }
                expectedPrev = stored1;
                after = e.seq;
                lastId = e.id;
            }
            em.clear();
        }
        if (newest != null && newest.seq() > checked) {
            return Verification.broken(checked, lastId, "the anchor written at " + newest.writtenAt() + " counted "
                    + newest.seq() + " events, only " + checked + " remain: the newest events were removed", anchorCount);
        }
        return Verification.intact(checked, anchorCount);
    }

    /** Result of a chain verification; {@code anchors} is how many external anchors were compared. */
    public record Verification(boolean intact, long checked, Long firstBrokenId, String reason, int anchors) {
        static Verification intact(long checked, int anchors) {
            return new Verification(true, checked, null, null, anchors);
        }

        static Verification broken(long checked, Long id, String reason, int anchors) {
            return new Verification(false, checked, id, reason, anchors);
        }
    }

    /** What the HMAC of a keyed event covers: its position, the previous hash and every field. */
    static String keyedText(AuditEvent e) {
        return "seq:" + e.seq + "|" + canonical(e);
    }

    /** The unkeyed SHA-256 of events written before the keyed epoch (V85). */
    static String hashOf(AuditEvent e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(e).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String canonical(AuditEvent e) {
        StringBuilder sb = new StringBuilder(256);
        for (String field : new String[] { e.prevHash.trim(), String.valueOf(e.id), e.occurredAt.toString(), e.actor,
                e.action, e.entityType, e.entityId, e.detail, e.remoteAddr }) {
            // length-prefixed so that no choice of field values can collide with another
            String v = field == null ? "" : field;
            sb.append(field == null ? -1 : v.length()).append(':').append(v).append('|');
        }
        return sb.toString();
    }

    /** Convenience for before/after summaries: {@code detail("before", a, "after", b)}. */
    public static Map<String, Object> detail(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return m;
    }

    private String toJson(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("audit detail is not serialisable", ex);
        }
    }

    private String currentActor() {
        if (Arc.container().requestContext().isActive() && identity.isResolvable()) {
            SecurityIdentity id = identity.get();
            if (!id.isAnonymous()) {
                // the session's principal name carries the session epoch: the actor is the username
                return cn.zhifa.academy.platform.security.SessionPrincipal.username(id.getPrincipal());
            }
            return currentHttpRequest() == null ? "system" : "anonymous";
        }
        return "system";
    }

    private RoutingContext currentHttpRequest() {
        if (!Arc.container().requestContext().isActive() || !currentRequest.isResolvable()) {
            return null;
        }
        return currentRequest.get().getCurrent();
    }

    private String remoteAddr() {
        RoutingContext rc = currentHttpRequest();
        if (rc == null || rc.request().remoteAddress() == null) {
            return null;
        }
        return rc.request().remoteAddress().hostAddress();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
