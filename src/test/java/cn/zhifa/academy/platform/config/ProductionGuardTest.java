package cn.zhifa.academy.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    private static final String GOOD_KEY = "k3Y-for-production-0123456789-abcdefghij";

    private static ProductionGuard.Settings good() {
        return new ProductionGuard.Settings(Optional.of(GOOD_KEY), false,
                Optional.of("Strong-bootstrap-pass-2026"), true, Optional.of("academy-app"),
                Optional.of("s3-secret-0123456789"), Optional.of("db-secret-0123"), Optional.of(GOOD_KEY + "id"), Optional.of(GOOD_KEY + "audit"));
    }

    @Test
    void aProperlyConfiguredProductionStarts() {
        assertThat(ProductionGuard.problems(good())).isEmpty();
    }

    @Test
    void missingOrDemoSessionKeyIsRefusedNamingTheVariable() {
        var s = good();
        List<String> missing = ProductionGuard.problems(new ProductionGuard.Settings(Optional.empty(),
                false, s.bootstrapPassword(), true, s.s3AccessKey(), s.s3SecretKey(), s.dbPassword(), s.idHashKey(), s.auditHmacKey()));
        assertThat(missing).singleElement().asString().contains("ACADEMY_SESSION_ENCRYPTION_KEY");
        List<String> demo = ProductionGuard.problems(new ProductionGuard.Settings(
                Optional.of("demo-only-session-key-change-me-0123456789"), false, s.bootstrapPassword(),
                true, s.s3AccessKey(), s.s3SecretKey(), s.dbPassword(), s.idHashKey(), s.auditHmacKey()));
        assertThat(demo).singleElement().asString().contains("ACADEMY_SESSION_ENCRYPTION_KEY");
        List<String> shortKey = ProductionGuard.problems(new ProductionGuard.Settings(Optional.of("short"),
                false, s.bootstrapPassword(), true, s.s3AccessKey(), s.s3SecretKey(), s.dbPassword(), s.idHashKey(), s.auditHmacKey()));
        assertThat(shortKey).hasSize(1);
    }

    @Test
    void demoDataAndDefaultPasswordsAreRefused() {
        var s = good();
        List<String> problems = ProductionGuard.problems(new ProductionGuard.Settings(s.sessionKey(),
                true, Optional.of("Demo@2026"), true, Optional.of("minioadmin"), Optional.of("minioadmin"),
                Optional.of("postgres"), Optional.of("demo-only-id-hash-key-change-me-0123456789"),
                Optional.of("demo-only-audit-hmac-key-change-me-0123456789")));
        assertThat(String.join("\n", problems)).contains("ACADEMY_DEMO_ENABLED",
                "ACADEMY_BOOTSTRAP_ADMIN_PASSWORD", "ACADEMY_STORAGE_S3_ACCESS_KEY", "ACADEMY_STORAGE_S3_SECRET_KEY",
                "ACADEMY_DB_PASSWORD", "ACADEMY_PEOPLE_ID_HASH_KEY", "ACADEMY_AUDIT_HMAC_KEY");
        assertThat(problems).hasSize(7);
    }

    @Test
    void s3CredentialsMatterOnlyWhenS3IsUsed() {
        var s = good();
        assertThat(ProductionGuard.problems(new ProductionGuard.Settings(s.sessionKey(), false,
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), s.idHashKey(), s.auditHmacKey()))).isEmpty();
    }

    @Test
    void theAuditKeyIsRequiredInProduction() {
        var s = good();
        assertThat(ProductionGuard.problems(new ProductionGuard.Settings(s.sessionKey(), false, s.bootstrapPassword(),
                true, s.s3AccessKey(), s.s3SecretKey(), s.dbPassword(), s.idHashKey(), Optional.empty())))
                .singleElement().asString().contains("ACADEMY_AUDIT_HMAC_KEY");
    }

    /** Issue 13 item 14: certificate QR codes need the public address; production refuses to start without it. */
    @Test
    void productionNeedsThePublicBaseUrl() {
        assertThat(ProductionGuard.publicBaseUrlProblem(Optional.empty())).get().asString()
                .contains("ACADEMY_PUBLIC_BASE_URL");
        assertThat(ProductionGuard.publicBaseUrlProblem(Optional.of("  "))).isPresent();
        assertThat(ProductionGuard.publicBaseUrlProblem(Optional.of("academy.example.gov.cn"))).isPresent();
        assertThat(ProductionGuard.publicBaseUrlProblem(Optional.of("https://academy.example.gov.cn"))).isEmpty();
    }

    @Test
    void singleSignOnNeedsItsProviderAndSecretsAndTheFormMayOnlyGoWithIt() {
        String secret = "client-secret-of-the-provider-0123456789";
        assertThat(ProductionGuard.ssoProblems(false, true, Optional.empty(), Optional.empty(), Optional.empty())).isEmpty();
        assertThat(ProductionGuard.ssoProblems(false, false, Optional.empty(), Optional.empty(), Optional.empty()))
                .singleElement().asString().contains("ACADEMY_SSO_ENABLED");
        assertThat(ProductionGuard.ssoProblems(true, false, Optional.of("https://idp.example.gov.cn/realms/zw"),
                Optional.of(secret), Optional.empty())).isEmpty();
        assertThat(ProductionGuard.ssoProblems(true, true, Optional.empty(), Optional.empty(), Optional.empty()))
                .hasSize(3).anyMatch(p -> p.contains("ACADEMY_SSO_ISSUER")).anyMatch(p -> p.contains("ACADEMY_SSO_CLIENT_SECRET"));
        assertThat(ProductionGuard.ssoProblems(true, true, Optional.of("https://idp.example.gov.cn/realms/zw"),
                Optional.of("short"), Optional.empty())).singleElement().asString()
                .contains("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET");
        assertThat(ProductionGuard.ssoProblems(true, true, Optional.of("https://idp.example.gov.cn/realms/zw"),
                Optional.of("short"), Optional.of(secret))).isEmpty();
    }
}
