package cn.zhifa.academy.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 17 item 4, key management without the server: rotation keeps old credentials verifying,
 * a retired key (public half only) still verifies, a revoked key verifies nothing and leaves the
 * JWKS, and production refuses to run without the operator's key.
 */
class CredentialKeyRotationTest {

    static final class Settings implements CredentialConfig {
        final Path dir;
        String active;
        List<String> revoked = List.of();
        boolean generate = true;

        Settings(Path dir) {
            this.dir = dir;
        }

        @Override
        public String keyDir() {
            return dir.toString();
        }

        @Override
        public Optional<String> activeKey() {
            return Optional.ofNullable(active);
        }

        @Override
        public Optional<List<String>> revokedKeys() {
            return Optional.of(revoked);
        }

        @Override
        public boolean generateIfMissing() {
            return generate;
        }
    }

    static Credentials credentials(CredentialKeys keys) {
        Credentials c = new Credentials();
        c.keys = keys;
        c.json = new ObjectMapper();
        return c;
    }

    static Map<String, Object> claims(String number) {
        return Map.of("validFrom", "2020-01-01T00:00:00Z", "validUntil", "2099-01-01T00:00:00Z", "credentialSubject",
                Map.of("certificateNumber", number));
    }

    @Test
    void rotationRetirementAndRevocation() throws Exception {
        Path dir = Files.createTempDirectory("credential-keys");
        Settings s = new Settings(dir);
        CredentialKeys keys = new CredentialKeys();
        keys.config = s;
        keys.reload();
        String first = keys.activeKid();
        assertThat(Files.exists(dir.resolve(first + ".private.pem"))).isTrue();
        Credentials c = credentials(keys);
        String old = c.sign(claims("A-1"));
        Instant now = Instant.now();
        assertThat(c.verify(old, now)).isEqualTo(Credentials.Check.VALID);

        // rotation: a new key signs, the old one still verifies
        CredentialKeys.generate(dir, "k2099-b");
        s.active = "k2099-b";
        keys.reload();
        String fresh = c.sign(claims("A-2"));
        assertThat(fresh.split("\\.")[0]).isNotEqualTo(old.split("\\.")[0]);
        assertThat(c.verify(old, now)).isEqualTo(Credentials.Check.VALID);
        assertThat(c.verify(fresh, now)).isEqualTo(Credentials.Check.VALID);
        assertThat(keys.jwks().toString()).contains(first).contains("k2099-b");

        // retirement: the private half is destroyed, its credentials still verify
        Files.delete(dir.resolve(first + ".private.pem"));
        keys.reload();
        assertThat(c.verify(old, now)).isEqualTo(Credentials.Check.VALID);

        // revocation: the key verifies nothing and is no longer published
        s.revoked = List.of(first);
        keys.reload();
        assertThat(c.verify(old, now)).isEqualTo(Credentials.Check.UNKNOWN_KEY);
        assertThat(keys.jwks().toString()).doesNotContain(first);
        assertThat(c.verify(fresh, now)).isEqualTo(Credentials.Check.VALID);

        // a changed claim breaks the signature
        String[] p = fresh.split("\\.");
        String forged = p[0] + "." + Credentials.b64(new ObjectMapper().writeValueAsBytes(claims("A-3"))) + "." + p[2];
        assertThat(c.verify(forged, now)).isEqualTo(Credentials.Check.BAD_SIGNATURE);
        assertThat(c.verify(fresh, Instant.parse("2100-01-01T00:00:00Z"))).isEqualTo(Credentials.Check.EXPIRED);
    }

    @Test
    void withoutGenerationAnEmptyKeyDirectoryRefusesToStart() throws Exception {
        Settings s = new Settings(Files.createTempDirectory("no-keys"));
        s.generate = false;
        CredentialKeys keys = new CredentialKeys();
        keys.config = s;
        assertThatThrownBy(keys::reload).hasMessageContaining("No credential signing key");
    }
}
