package cn.zhifa.academy.platform;

import jakarta.persistence.EntityManager;

/**
 * Transaction-scoped PostgreSQL advisory locks, keyed per schema. Advisory lock keys are
 * database-wide, so a bare key would make two deployments (or test runs) sharing one database
 * wait for — and even deadlock with — each other; the two-key form with
 * {@code hashtext(current_schema())} keeps each schema to itself.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    private static int fold(long key) {
        return (int) (key ^ (key >>> 32));
    }

    /** Waits for the lock; released at commit or rollback. */
    public static void lock(EntityManager em, long key) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(current_schema()), ?1) AS text)")
                .setParameter(1, fold(key)).getSingleResult();
    }

    /** Takes the lock if free; released at commit or rollback. */
    public static boolean tryLock(EntityManager em, long key) {
        return Boolean.TRUE.equals(em.createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), ?1)").setParameter(1, fold(key))
                .getSingleResult());
    }

    /** A key for one thing of one kind, e.g. (exam, person) for starting an attempt. */
    public static long key(String kind, long a, long b) {
        return (kind.hashCode() * 31L + a) * 1_000_003L + b;
    }
}
