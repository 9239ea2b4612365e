package cn.zhifa.academy.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.time.Now;

/**
 * Machine clients and their tokens (OAuth2 client credentials, RFC 6749 §4.4). Secrets and tokens
 * are random 256-bit values kept only as SHA-256 digests; a token is opaque, lives
 * {@code academy.integration.token-lifetime} and dies with its client (disabling ends them all).
 */
@ApplicationScoped
public class MachineClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    OrgDirectory org;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    IntegrationConfig config;

    /** A registered client with its secret, shown once. */
    public record Registered(String clientId, String clientSecret, String name, long orgUnitId, String access) {
    }

    /** An issued token. */
    public record Token(String accessToken, long expiresIn, String scope) {
    }

    @Transactional
    public Registered register(String name, long orgUnitId, MachineClient.Access access, Integer perMinute, String actor) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw InvalidException.field("name", "integration.client_name_required", 200);
        }
        if (!org.unitExists(orgUnitId)) {
            throw InvalidException.field("orgUnitId", "integration.unit_unknown");
        }
        if (access == null) {
            throw InvalidException.field("access", "integration.access_values");
        }
        MachineClient c = new MachineClient();
        c.clientId = "mc-" + HexFormat.of().formatHex(bytes(8));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        c.secretHash = sha256(secret);
        c.name = name.strip();
        c.orgUnitId = orgUnitId;
        c.access = access;
        c.perMinute = perMinute == null || perMinute <= 0 ? 600 : perMinute;
        c.createdBy = actor;
        c.persist();
        audit.record("machine_client.registered", "machine_client", c.id,
                AuditLog.detail("clientId", c.clientId, "name", c.name, "orgUnitId", orgUnitId, "access", access.name()));
        return new Registered(c.clientId, secret, c.name, orgUnitId, access.name());
    }

    @Transactional
    public void setEnabled(String clientId, boolean enabled) {
        MachineClient c = MachineClient.<MachineClient> find("clientId", clientId).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("integration.client_not_found"));
        c.enabled = enabled;
        if (!enabled) {
            em.createNativeQuery("DELETE FROM machine_token WHERE client_id = ?1").setParameter(1, c.id).executeUpdate();
        }
        audit.record(enabled ? "machine_client.enabled" : "machine_client.disabled", "machine_client", c.id,
                AuditLog.detail("clientId", clientId));
    }

    /** The token endpoint's work: the client's credentials for a token (audited either way). */
    @Transactional
    public Optional<Token> token(String clientId, String secret) {
        Optional<MachineClient> c = clientId == null ? Optional.empty()
                : MachineClient.<MachineClient> find("clientId", clientId).firstResultOptional();
        boolean ok = c.isPresent() && c.get().enabled && secret != null
                && MessageDigest.isEqual(c.get().secretHash.getBytes(StandardCharsets.US_ASCII),
                        sha256(secret).getBytes(StandardCharsets.US_ASCII));
        String actor = "machine:" + (clientId == null ? "?" : clientId.length() > 64 ? clientId.substring(0, 64) : clientId);
        if (!ok) {
            audit.recordAs(actor, "machine.token_refused", "machine_client", c.map(x -> x.id).orElse(null),
                    AuditLog.detail("reason", c.isEmpty() ? "unknown client" : !c.get().enabled ? "disabled" : "bad secret"));
            return Optional.empty();
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Instant expires = Now.instant().plus(config.tokenLifetime());
        em.createNativeQuery("DELETE FROM machine_token WHERE expires_at < now()").executeUpdate();
        em.createNativeQuery("INSERT INTO machine_token (token_hash, client_id, expires_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, sha256(token)).setParameter(2, c.get().id).setParameter(3, expires).executeUpdate();
        audit.recordAs(actor, "machine.token_issued", "machine_client", c.get().id, AuditLog.detail("expiresAt",
                expires.toString()));
        return Optional.of(new Token(token, config.tokenLifetime().toSeconds(),
                c.get().access == MachineClient.Access.READ ? "read" : "read write"));
    }

    /** The client a bearer token belongs to, if the token is live and the client enabled. */
    @Transactional
    public Optional<MachineClient> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        java.util.List<Number> ids = em.createNativeQuery(
                "SELECT c.id FROM machine_token t JOIN machine_client c ON c.id = t.client_id "
                        + "WHERE t.token_hash = ?1 AND t.expires_at > now() AND c.enabled")
                .setParameter(1, sha256(token)).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(MachineClient.findById(ids.get(0).longValue()));
    }

    private final ConcurrentHashMap<Long, long[]> minutes = new ConcurrentHashMap<>();

    /** Counts a call; false when the client has used its calls of this minute. */
    public boolean allow(MachineClient c) {
        long minute = System.currentTimeMillis() / 60_000;
        long[] slot = minutes.compute(c.id, (k, v) -> v == null || v[0] != minute ? new long[] { minute, 1 }
                : new long[] { minute, v[1] + 1 });
        return slot[1] <= c.perMinute;
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
