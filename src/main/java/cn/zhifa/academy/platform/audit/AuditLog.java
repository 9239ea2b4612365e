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

/**
 * The append-only, hash-chained audit log (审计日志). Every state change that matters calls
 * {@link #record} inside the transaction that makes the change, so the event and the change
 * commit together or not at all.
 *
 * <p>Each event's hash covers the previous event's hash and the event's own fields. Writers
 * take a transaction-scoped advisory lock before reading the chain's head, so events from
 * concurrent transactions (and several nodes) form one unbroken chain.
 */
@ApplicationScoped
public class AuditLog {

    /** prev_hash of the very first event. */
    public static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x417564697443L; // "AuditC"
    private static final int VERIFY_BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

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
        cn.zhifa.academy.platform.AdvisoryLocks.lock(em, CHAIN_LOCK);
        @SuppressWarnings("unchecked")
        List<String> head = em.createNativeQuery("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")
                .getResultList();
        AuditEvent e = new AuditEvent();
        e.id = ((Number) em.createNativeQuery("SELECT nextval('audit_event_seq')").getSingleResult()).longValue();
        e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        e.actor = truncate(actor, 100);
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId == null ? null : truncate(String.valueOf(entityId), 60);
        e.detail = toJson(detail);
        e.remoteAddr = remoteAddr();
        e.prevHash = head.isEmpty() ? GENESIS : head.get(0).trim();
        e.hash = hashOf(e);
        em.persist(e);
        return e;
    }

    /**
     * Walks the whole chain in id order and names the first event whose stored hash does not
     * match its content or whose link to its predecessor is broken.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Verification verify() {
        String expectedPrev = GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEvent> batch = AuditEvent.batchAfter(after, VERIFY_BATCH);
            if (batch.isEmpty()) {
                return Verification.intact(checked);
            }
            for (AuditEvent e : batch) {
                checked++;
                if (!expectedPrev.equals(e.prevHash.trim())) {
                    return Verification.broken(checked, e.id,
                            "prev_hash does not match the previous event: an event before it was removed or altered");
                }
                String stored = e.hash.trim();
                if (!hashOf(e).equals(stored)) {
                    return Verification.broken(checked, e.id, "content does not match its hash: the event was altered");
                }
                expectedPrev = stored;
                after = e.id;
            }
            em.clear();
        }
    }

    /** Result of a chain verification. */
    public record Verification(boolean intact, long checked, Long firstBrokenId, String reason) {
        static Verification intact(long checked) {
            return new Verification(true, checked, null, null);
        }

        static Verification broken(long checked, long id, String reason) {
            return new Verification(false, checked, id, reason);
        }
    }

    static String hashOf(AuditEvent e) {
        StringBuilder sb = new StringBuilder(256);
        for (String field : new String[] { e.prevHash.trim(), String.valueOf(e.id), e.occurredAt.toString(), e.actor,
                e.action, e.entityType, e.entityId, e.detail, e.remoteAddr }) {
            // length-prefixed so that no choice of field values can collide with another
            String v = field == null ? "" : field;
            sb.append(field == null ? -1 : v.length()).append(':').append(v).append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
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
