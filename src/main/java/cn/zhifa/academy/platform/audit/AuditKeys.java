package cn.zhifa.academy.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import cn.zhifa.academy.platform.config.AcademyConfig;

/**
 * The HMAC keys of the audit chain (academy.audit.hmac-key and, after a rotation, the retired
 * ones). The database stores only a key's fingerprint, never the key.
 */
@Singleton
public class AuditKeys {

    private final String currentId;
    private final Map<String, byte[]> byId = new LinkedHashMap<>();

    @Inject
    public AuditKeys(AcademyConfig config) {
        for (String retired : config.audit().retiredHmacKeys().orElse(List.of())) {
            if (!retired.isBlank()) {
                byte[] k = retired.trim().getBytes(StandardCharsets.UTF_8);
                byId.put(fingerprint(k), k);
            }
        }
        byte[] current = config.audit().hmacKey().getBytes(StandardCharsets.UTF_8);
        currentId = fingerprint(current);
        byId.put(currentId, current);
    }

    /** Fingerprint of the key new events are signed with. */
    public String currentId() {
        return currentId;
    }

    public boolean known(String keyId) {
        return keyId != null && byId.containsKey(keyId);
    }

    /** Hex HMAC-SHA256 of {@code text} under the key with this fingerprint. */
    public String mac(String keyId, String text) {
        byte[] key = byId.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown audit key " + keyId);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex strings. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    /** First 16 hex digits of SHA-256("audit-key|" + key): identifies a key without revealing it. */
    static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("audit-key|".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
