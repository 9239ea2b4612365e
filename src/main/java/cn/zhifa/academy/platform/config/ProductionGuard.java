package cn.zhifa.academy.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production instance that still carries demo secrets, and says which
 * environment variable to set. Dev and test keep their demo values.
 */
@Singleton
public class ProductionGuard {

    /** Values shipped in the repository for dev and test; never acceptable in production. */
    static final Set<String> DEMO_SECRETS = Set.of("demo-only-session-key-change-me-0123456789",
"demo-only-id-hash-key-change-me-0123456789",
            "demo-only-audit-hmac-key-change-me-0123456789",
            "Demo@2026", "minioadmin", "postgres", "password",
            "changeme", "change-me");

    static final int MIN_KEY_LENGTH = 32;

    @Inject
    AcademyConfig config;

    void check(@Observes @Priority(1) StartupEvent event) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        List<String> problems = problems(new Settings(
                value("quarkus.http.auth.session.encryption-key"),
                config.demo().enabled(),
                config.bootstrap().adminPassword(),
                config.storage().s3().endpoint().filter(s -> !s.isBlank()).isPresent(),
                config.storage().s3().accessKey(),
                config.storage().s3().secretKey(),
                value("quarkus.datasource.password"),
                Optional.of(config.people().idHashKey()),
                Optional.of(config.audit().hmacKey())));
        problems = new ArrayList<>(problems);
        publicBaseUrlProblem(value("academy.qualification.public-base-url")).ifPresent(problems::add);
        problems.addAll(ssoProblems("true".equalsIgnoreCase(value("academy.sso.enabled").orElse("false")),
                config.security().formLogin(), value("quarkus.oidc.auth-server-url"),
                value("quarkus.oidc.credentials.secret"), value("quarkus.oidc.authentication.state-secret")));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production with demo or missing secrets:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** The settings the guard looks at. */
    record Settings(Optional<String> sessionKey, boolean demoEnabled,
            Optional<String> bootstrapPassword, boolean s3, Optional<String> s3AccessKey,
            Optional<String> s3SecretKey, Optional<String> dbPassword, Optional<String> idHashKey,
            Optional<String> auditHmacKey) {
    }

    /** Every reason not to start, each naming the variable to set; empty when all is well. */
    static List<String> problems(Settings s) {
        List<String> out = new ArrayList<>();
        if (weakKey(s.sessionKey())) {
            out.add("ACADEMY_SESSION_ENCRYPTION_KEY must be set to a random secret of at least " + MIN_KEY_LENGTH
                    + " characters (e.g. `openssl rand -base64 48`), the same on every node");
        }
        if (s.demoEnabled()) {
            out.add("ACADEMY_DEMO_ENABLED must be false: demo accounts share a published password");
        }
        s.bootstrapPassword().filter(p -> DEMO_SECRETS.contains(p) || p.length() < 12).ifPresent(p -> out.add(
                "ACADEMY_BOOTSTRAP_ADMIN_PASSWORD must not be a demo password and needs at least 12 characters"));
        if (s.s3()) {
            if (s.s3AccessKey().filter(k -> !k.isBlank()).isEmpty() || s.s3AccessKey().filter(DEMO_SECRETS::contains).isPresent()) {
                out.add("ACADEMY_STORAGE_S3_ACCESS_KEY must be set to the store's own access key (not minioadmin)");
            }
            if (s.s3SecretKey().filter(k -> !k.isBlank()).isEmpty() || s.s3SecretKey().filter(DEMO_SECRETS::contains).isPresent()) {
                out.add("ACADEMY_STORAGE_S3_SECRET_KEY must be set to the store's own secret (not minioadmin)");
            }
        }
        if (weakKey(s.idHashKey())) {
            out.add("ACADEMY_PEOPLE_ID_HASH_KEY must be set to a random secret of at least " + MIN_KEY_LENGTH
                    + " characters; keep it forever (ID numbers are verified against it)");
        }
        if (weakKey(s.auditHmacKey())) {
            out.add("ACADEMY_AUDIT_HMAC_KEY must be set to a random secret of at least " + MIN_KEY_LENGTH
                    + " characters, kept outside the database (see docs/operations.md, audit anchors)");
        }
        if (s.dbPassword().filter(DEMO_SECRETS::contains).isPresent()) {
            out.add("ACADEMY_DB_PASSWORD must not be a default password");
        }
        return out;
    }

    /**
     * Certificates carry a QR code pointing at {@code <public base URL>/verify/<number>}; without the
     * setting a printed certificate would point at an internal address (issue 13 item 14).
     */
    static Optional<String> publicBaseUrlProblem(Optional<String> url) {
        String u = url.map(String::trim).orElse("");
        if (u.isEmpty() || !(u.startsWith("https://") || u.startsWith("http://")) || u.length() < "http://x".length()) {
            return Optional.of("ACADEMY_PUBLIC_BASE_URL must be set to the address the public reaches (e.g. "
                    + "https://academy.example.gov.cn): certificate QR codes point at <url>/verify/<number>");
        }
        return Optional.empty();
    }

    /**
     * Single sign-on (issue 17 item 1): with it on, the provider and the client secret must be set,
     * and PKCE needs a state secret of at least 32 characters (the client secret serves when it is
     * that long); with it off, the password form is the only way in and may not be switched off.
     */
    static List<String> ssoProblems(boolean sso, boolean formLogin, Optional<String> issuer, Optional<String> secret,
            Optional<String> stateSecret) {
        List<String> out = new ArrayList<>();
        if (!sso) {
            if (!formLogin) {
                out.add("ACADEMY_SECURITY_FORM_LOGIN=false needs ACADEMY_SSO_ENABLED=true: otherwise nobody can log in");
            }
            return out;
        }
        if (issuer.filter(i -> !i.isBlank()).isEmpty()) {
            out.add("ACADEMY_SSO_ISSUER must be set to the identity provider's issuer URL when ACADEMY_SSO_ENABLED=true");
        }
        if (secret.filter(k -> !k.isBlank()).isEmpty()) {
            out.add("ACADEMY_SSO_CLIENT_SECRET must be set to the client secret the identity provider issued");
        }
        if (secret.filter(k -> k.length() >= MIN_KEY_LENGTH).isEmpty()
                && stateSecret.filter(k -> k.length() >= MIN_KEY_LENGTH).isEmpty()) {
            out.add("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET must be set to a random secret of at least " + MIN_KEY_LENGTH
                    + " characters when the client secret is shorter (it protects the PKCE verifier)");
        }
        return out;
    }

    private static boolean weakKey(Optional<String> key) {
        return key.filter(k -> k.length() >= MIN_KEY_LENGTH && !DEMO_SECRETS.contains(k)).isEmpty();
    }

    private static Optional<String> value(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
    }
}
