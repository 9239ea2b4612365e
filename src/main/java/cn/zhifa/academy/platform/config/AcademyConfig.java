package cn.zhifa.academy.platform.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The application's own settings, all under {@code academy.*}. Every key can be set by an
 * environment variable (ACADEMY_STORAGE_S3_ENDPOINT for academy.storage.s3.endpoint).
 * docs/operations.md lists them with their defaults.
 */
@ConfigMapping(prefix = "academy")
public interface AcademyConfig {

    /** Folder for local data: media of the filesystem store, temporary uploads. */
    @WithDefault("data")
    String dataDir();

    /** PostgreSQL schema the service owns; Flyway creates it. */
    @WithDefault("academy")
    String dbSchema();

    /**
     * The zone of every date and deadline the service shows or counts (the Clock bean's zone,
     * platform.time.ClockProducer).
     */
    @WithDefault("Asia/Shanghai")
    java.time.ZoneId timeZone();

    Storage storage();

    Security security();

    Demo demo();

    Bootstrap bootstrap();

    People people();

    Audit audit();

    /** Issue 12 item 8: the keyed audit chain and its external anchors. */
    interface Audit {
        /**
         * Secret for the HMAC-SHA256 that chains audit events. Kept outside the database, so a
         * database superuser cannot recompute the chain; required in production.
         */
        @WithDefault("demo-only-audit-hmac-key-change-me-0123456789")
        String hmacKey();

        /**
         * Keys used before a rotation, still needed to verify the events and anchors they
         * signed (comma-separated, oldest first). Never put a compromised key here.
         */
        Optional<java.util.List<String>> retiredHmacKeys();

        /**
         * How often the chain's head (hash and count) is written to the object store as an
         * anchor the database cannot rewrite; at most 24h. "off" disables the job.
         */
        @WithDefault("6h")
        String anchorEvery();

        /** Object-store key prefix (folder) of the anchors. */
        @WithDefault("audit-anchors")
        String anchorPrefix();

        /** S3 object-lock retention (COMPLIANCE mode) of each anchor, when the bucket has object lock. */
        @WithDefault("3650")
        int anchorRetentionDays();
    }

    Providers providers();

    Http http();

    /** Page admission (platform.web.PageAdmission, issue 16). */
    interface Http {
        /** Pages rendering at once on a node: -1 (the default) four per CPU, 0 no bound. */
        @WithDefault("-1")
        int pageConcurrency();

        /** How long a page waits for its turn before it is answered 503 with Retry-After. */
        @WithDefault("30s")
        Duration pageWait();
    }

    interface Providers {
        /**
         * What the list of providers barred from new commissions is called on pages, messages and
         * exports. It is a contract-management measure, not a statutory list of seriously
         * dishonest entities (国办发〔2020〕49号), hence the default 暂停委托名单; set the local term.
         */
        String suspensionListLabel(); // default in application.properties (UTF-8 there, not in Java)
    }

    interface People {
        /**
         * Secret for the HMAC under which resident ID numbers are kept (the number itself is
         * never stored). Changing it makes stored numbers unverifiable: set it once.
         */
        @WithDefault("demo-only-id-hash-key-change-me-0123456789")
        String idHashKey();

        /** Page size of people lists when the request does not say. */
        @WithDefault("20")
        int pageSize();
    }

    interface Storage {
        /** Largest accepted upload; larger ones are refused with 413. */
        @WithDefault("512M")
        io.quarkus.runtime.configuration.MemorySize maxUploadSize();

        /** Root of the filesystem store; relative paths are inside academy.data-dir. */
        @WithDefault("media")
        String fsRoot();

        /** How long an import file (roster, question bank) is kept before the retention job deletes it. */
        @WithDefault("P30D")
        java.time.Duration importRetention();

        S3 s3();
    }

    interface S3 {
        /** S3/MinIO endpoint, e.g. http://minio:9000. When set, media go to S3 instead of the filesystem. */
        Optional<String> endpoint();

        /**
         * Endpoint that browsers use for presigned downloads, when it differs from the one the
         * service uses (e.g. https://media.example.gov.cn while the service talks to http://minio:9000).
         */
        Optional<String> publicEndpoint();

        @WithDefault("academy-media")
        String bucket();

        @WithDefault("us-east-1")
        String region();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** How long a presigned download URL stays valid. */
        @WithDefault("PT15M")
        Duration presignExpiry();
    }

    interface Security {
        // --- auth area (issue 12 items 3-7, 11-14): sessions, throttling, passwords, headers ---

        /** Failed logins in a row from one client address for one username before delays start. */
        @WithDefault("5")
        int loginThrottleFreeFailures();

        /** First delay after the free failures; it doubles with every further failure. */
        @WithDefault("PT30S")
        Duration loginThrottleBaseDelay();

        /** Longest delay between two attempts of one client address for one username. */
        @WithDefault("PT15M")
        Duration loginThrottleMaxDelay();

        /** Failures older than this are forgotten (and their rows removed by a job). */
        @WithDefault("PT24H")
        Duration loginThrottleResetAfter();

        /**
         * Failed logins for one username (all client addresses together, within the reset
         * window) that raise the "login.attack_suspected" audit event and a warning in the log.
         */
        @WithDefault("20")
        int loginAlertFailures();

        /** How long a node trusts its cached identity while the change listener is connected. */
        @WithDefault("PT5M")
        Duration identityCacheTtl();

        /** The same while the listener is down (a change then reaches this node within this time). */
        @WithDefault("PT5S")
        Duration identityCacheFallbackTtl();

        /** Shortest password accepted on change (characters). */
        @WithDefault("8")
        int passwordMinLength();

        /** Character classes (upper case, lower case, digit, symbol) a new password needs at least. */
        @WithDefault("3")
        int passwordMinClasses();

        /** Further refused passwords, in addition to the built-in list (case-insensitive). */
        Optional<java.util.List<String>> passwordDenyList();

        /** Send Strict-Transport-Security (production: the service is only reached over HTTPS). */
        @WithDefault("false")
        boolean hsts();

        /** Mark every cookie Secure, whatever the request's scheme (production). */
        @WithDefault("false")
        boolean secureCookies();

        /**
         * Further origins (scheme://host[:port]) from which the login form may be posted, besides
         * the service's own host and academy.qualification.public-base-url.
         */
        Optional<java.util.List<String>> loginAllowedOrigins();

        /**
         * Offer the username/password form (issue 17 item 1). With single sign-on on, an operator
         * may switch it off: the login page then shows only "使用政务账号登录" and every password
         * login is refused (audited as login.refused, reason "form login off").
         */
        @WithDefault("true")
        boolean formLogin();
    }

    interface Demo {
        /** Load the sample city 示范市 and one demo account per role (never in production). */
        @WithDefault("true")
        boolean enabled();

        /** Password of every demo account. */
        @WithDefault("Demo@2026")
        String password();
    }

    interface Bootstrap {
        /**
         * Password for the first system administrator ("sysadmin") created when the
         * account table is empty. Required in production on the first start.
         */
        @WithName("admin-password")
        Optional<String> adminPassword();
    }
}
