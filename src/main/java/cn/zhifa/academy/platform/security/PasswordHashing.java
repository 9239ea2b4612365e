package cn.zhifa.academy.platform.security;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Every password check costs one bcrypt verification, whether or not the account exists: a check
 * without a stored hash runs against a dummy hash of the same cost, so the answer time does not
 * tell which usernames exist (issue 12 item 5).
 */
public final class PasswordHashing {

    /** A hash of a random secret with the cost {@link BcryptUtil#bcryptHash(String)} uses for real ones. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    private static final AtomicLong VERIFICATIONS = new AtomicLong();
    private static final AtomicLong DUMMY_VERIFICATIONS = new AtomicLong();

    private PasswordHashing() {
    }

    /** Whether the password matches the hash; with no hash, the same work against a dummy and false. */
    public static boolean matches(String plain, String hash) {
        VERIFICATIONS.incrementAndGet();
        String candidate = plain == null ? "" : plain;
        if (hash == null || hash.isEmpty()) {
            DUMMY_VERIFICATIONS.incrementAndGet();
            BcryptUtil.matches(candidate, DUMMY_HASH);
            return false;
        }
        return BcryptUtil.matches(candidate, hash);
    }

    /** bcrypt verifications so far (all of them); tests count work with it, never time. */
    public static long verifications() {
        return VERIFICATIONS.get();
    }

    /** Verifications that ran against the dummy hash. */
    public static long dummyVerifications() {
        return DUMMY_VERIFICATIONS.get();
    }

    /** The cost factor of a bcrypt hash ("$2a$10$..." is 10). */
    static int cost(String hash) {
        return Integer.parseInt(hash.substring(4, 6));
    }

    static String dummyHash() {
        return DUMMY_HASH;
    }
}
