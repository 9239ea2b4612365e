package cn.zhifa.academy.qualification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import cn.zhifa.academy.platform.time.Now;

/**
 * The operator's ECDSA P-256 keys for signing credentials (ES256), read from
 * {@code academy.credentials.key-dir}. A key with a private half may sign (the active one does);
 * a public half alone still verifies; a revoked key does neither and is left out of the JWKS,
 * so a credential it signed no longer verifies anywhere the JWKS is refreshed.
 */
@Singleton
public class CredentialKeys {

    private static final Logger LOG = Logger.getLogger(CredentialKeys.class);
    static final String PRIVATE = ".private.pem";
    static final String PUBLIC = ".public.pem";

    @Inject
    CredentialConfig config;

    private volatile State state;

    record State(Map<String, ECPublicKey> publicKeys, String activeKid, PrivateKey activeKey) {
    }

    /** The key that signs now. */
    public String activeKid() {
        return state().activeKid();
    }

    PrivateKey activeKey() {
        return state().activeKey();
    }

    /** Verifying keys (not revoked), by kid. */
    public Map<String, ECPublicKey> publicKeys() {
        return state().publicKeys();
    }

    /** Reads (dev, test: creates) the keys at start, so that production without its key refuses to start. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        reload();
    }

    /** Re-reads the key directory (after a rotation; also what a restart does). */
    public synchronized void reload() {
        state = load();
    }

    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    state = load();
                }
                s = state;
            }
        }
        return s;
    }

    private State load() {
        Path dir = Path.of(config.keyDir());
        Set<String> revoked = Set.copyOf(config.revokedKeys().orElse(List.of()));
        try {
            Files.createDirectories(dir);
            if (listKids(dir, PRIVATE).isEmpty()) {
                if (!config.generateIfMissing()) {
                    throw new IllegalStateException("No credential signing key in " + dir.toAbsolutePath()
                            + ": create one (docs/operations.md, 'Signing key for offline certificates') or set "
                            + "ACADEMY_CREDENTIALS_KEY_DIR");
                }
                generate(dir, "k" + Now.today().toString().replace("-", "") + "-"
                        + HexFormat.of().formatHex(SecureRandom.getSeed(2)));
            }
            KeyFactory kf = KeyFactory.getInstance("EC");
            Map<String, ECPublicKey> pub = new TreeMap<>();
            for (String kid : listKids(dir, PUBLIC)) {
                if (!revoked.contains(kid)) {
                    pub.put(kid, (ECPublicKey) kf.generatePublic(new X509EncodedKeySpec(pem(dir.resolve(kid + PUBLIC)))));
                }
            }
            List<String> signers = new ArrayList<>(listKids(dir, PRIVATE));
            signers.removeAll(revoked);
            signers.retainAll(pub.keySet());
            String active = config.activeKey().orElse(signers.isEmpty() ? null : signers.get(signers.size() - 1));
            if (active == null || !signers.contains(active)) {
                throw new IllegalStateException("The active credential key '" + active + "' has no private and public "
                        + "PEM in " + dir.toAbsolutePath() + " or is revoked");
            }
            PrivateKey key = kf.generatePrivate(new PKCS8EncodedKeySpec(pem(dir.resolve(active + PRIVATE))));
            LOG.infof("credential keys: active %s, verifying %s, revoked %s", active, pub.keySet(), revoked);
            return new State(Map.copyOf(pub), active, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the credential keys in " + dir, e);
        }
    }

    private static List<String> listKids(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        }
    }

    /** Creates a new key pair {@code kid} in {@code dir} (the rotation step; see docs/operations.md). */
    public static void generate(Path dir, String kid) throws IOException, GeneralSecurityException {
        if (!kid.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("key id: letters, digits, - and _ only");
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        Files.createDirectories(dir);
        Path priv = dir.resolve(kid + PRIVATE);
        Files.writeString(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.writeString(dir.resolve(kid + PUBLIC), pem("PUBLIC KEY", kp.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);
        LOG.warnf("generated credential signing key %s in %s", kid, dir.toAbsolutePath());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static byte[] pem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** The JWKS document: one JWK per verifying key. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        publicKeys().forEach((kid, k) -> keys.add(jwk(kid, k)));
        return Map.of("keys", keys);
    }

    static Map<String, Object> jwk(String kid, ECPublicKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "EC");
        m.put("crv", "P-256");
        m.put("x", b64(unsigned(k.getW().getAffineX())));
        m.put("y", b64(unsigned(k.getW().getAffineY())));
        m.put("kid", kid);
        m.put("use", "sig");
        m.put("alg", "ES256");
        return m;
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return out;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    Optional<ECPublicKey> publicKey(String kid) {
        return Optional.ofNullable(publicKeys().get(kid));
    }
}
