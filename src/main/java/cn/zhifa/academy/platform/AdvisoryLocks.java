package cn.zhifa.academy.platform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;

/**
 * Transaction-scoped PostgreSQL advisory locks, keyed per schema. Advisory lock keys are
 * database-wide, so a bare key would make two deployments (or test runs) sharing one database
 * wait for — and even deadlock with — each other; the two-key form with
 * {@code hashtext(current_schema())} keeps each schema to itself.
 *
 * <p><b>Lock order.</b> A transaction takes its feature locks (plan sync, case import, an
 * exam attempt, paper preparation) first and the audit chain lock ({@link #lockLast}) last:
 * the audit chain lock is held until commit by every transaction that records an event, so
 * waiting for any other lock while holding it can deadlock with a transaction that holds that
 * lock and wants to record an event. {@link #lock} refuses (IllegalStateException) once the
 * transaction holds a last lock, so a wrong order fails in the first test that runs it instead
 * of deadlocking under load. See docs/architecture.md, "Lock order".
 */
public final class AdvisoryLocks {

    /** The locks each running transaction holds; removed when it completes. */
    private static final Map<Transaction, Held> HELD = new ConcurrentHashMap<>();

    private static final class Held {
        final Set<Long> keys = ConcurrentHashMap.newKeySet();
        volatile String last;
    }

    private AdvisoryLocks() {
    }

    private static int fold(long key) {
        return (int) (key ^ (key >>> 32));
    }

    /**
     * Waits for the lock; released at commit or rollback. Refused after a {@link #lockLast}
     * unless this transaction already holds it (taking a held lock again waits for nobody).
     */
    public static void lock(EntityManager em, long key) {
        Held held = held();
        if (held != null && held.last != null && !held.keys.contains(key)) {
            throw new IllegalStateException("lock order: advisory lock " + key + " requested after " + held.last
                    + " in the same transaction (" + held.keys + " " + HELD.size() + " " + currentTx()
                    + "); take feature locks before recording audit events");
        }
        acquire(em, key);
        if (held != null) {
            held.keys.add(key);
        }
    }

    /**
     * Waits for a lock that must be the last one of its transaction (the audit chain lock);
     * afterwards {@link #lock} refuses other locks in this transaction.
     */
    public static void lockLast(EntityManager em, long key, String name) {
        acquire(em, key);
        Held held = held();
        if (held != null) {
            held.keys.add(key);
            if (held.last == null) {
                held.last = name;
            }
        }
    }

    /** The current transaction's locks, or null outside an active transaction. */
    private static Held held() {
        Transaction tx;
        try {
            tx = com.arjuna.ats.jta.TransactionManager.transactionManager().getTransaction();
            if (tx == null || tx.getStatus() != Status.STATUS_ACTIVE) {
                return null;
            }
        } catch (SystemException e) {
            return null;
        }
        Held existing = HELD.get(tx);
        if (existing != null) {
            return existing;
        }
        Held fresh = new Held();
        HELD.put(tx, fresh);
        try {
            tx.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    HELD.remove(tx);
                }
            });
        } catch (RollbackException | SystemException | IllegalStateException e) {
            HELD.remove(tx); // the transaction is ending: nothing to check
            return null;
        }
        return fresh;
    }

    private static Object currentTx() {
        try {
            return com.arjuna.ats.jta.TransactionManager.transactionManager().getTransaction();
        } catch (SystemException e) {
            return e;
        }
    }

    private static void acquire(EntityManager em, long key) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(current_schema()), ?1) AS text)")
                .setParameter(1, fold(key)).getSingleResult();
    }

    /** Takes the lock if free; released at commit or rollback. Never waits, so it cannot deadlock. */
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
