package cn.zhifa.academy.qualification;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keys that sign certificates' verifiable credentials (issue 17 item 4), prefix
 * {@code academy.credentials}. docs/operations.md ("Signing key for offline certificates")
 * describes generating, rotating and revoking them.
 */
@ConfigMapping(prefix = "academy.credentials")
public interface CredentialConfig {

    /**
     * Directory of the operator's keys: {@code <kid>.private.pem} (PKCS#8, EC P-256) with
     * {@code <kid>.public.pem} (X.509 SubjectPublicKeyInfo) for a key that signs, and a
     * {@code <kid>.public.pem} alone for a retired key whose credentials still verify.
     */
    String keyDir();

    /** The key that signs new credentials (default: the newest private key, by file name). */
    Optional<String> activeKey();

    /** Keys that no longer verify anything: left out of the JWKS and never used to sign. */
    Optional<List<String>> revokedKeys();

    /** Create a key when the directory holds none (dev and test); production requires the operator's key. */
    @WithDefault("true")
    boolean generateIfMissing();
}
