package cn.zhifa.academy.platform.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.scheduler.Scheduled;

/**
 * Throttles failed logins per (username, client address) with growing delays: after
 * {@code login-throttle-free-failures} failures that pair waits {@code login-throttle-base-delay},
 * doubling with each further failure up to {@code login-throttle-max-delay}. An attacker thus
 * slows down only himself: the owner, from his own client, still logs in. Many failures for one
 * username raise an audit alert; an administrator can lift the delays. Unknown usernames are
 * throttled alike, so that nothing tells which usernames exist.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    @Inject
    EntityManager em;

    @Inject
    AcademyConfig config;

    @Inject
    AuditLog audit;

    @Inject
    AccountNotifier notifications;

    /** One blocked (username, client) pair. */
    public record Block(String username, String client, int failures, Instant blockedUntil) {
    }

    /** Until when this client must wait before trying this username again, if it must. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> blockedUntil(String username, String client, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT blocked_until FROM login_throttle WHERE username = ?1 "
                + "AND client = ?2 AND blocked_until > ?3").setParameter(1, username).setParameter(2, client)
                .setParameter(3, Timestamp.from(now)).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(toInstant(rows.get(0)));
    }

    /** Counts a failure; returns the failures of this pair in the window. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordFailure(String username, String client, Instant now) {
        var s = config.security();
        Timestamp ts = Timestamp.from(now);
        Timestamp resetBefore = Timestamp.from(now.minus(s.loginThrottleResetAfter()));
        int failures = ((Number) em.createNativeQuery("INSERT INTO login_throttle (username, client, failures, "
                + "last_failure_at) VALUES (?1, ?2, 1, ?3) ON CONFLICT (username, client) DO UPDATE SET "
                + "failures = CASE WHEN login_throttle.last_failure_at < ?4 THEN 1 ELSE login_throttle.failures + 1 END, "
                + "last_failure_at = ?3 RETURNING failures").setParameter(1, username).setParameter(2, client)
                .setParameter(3, ts).setParameter(4, resetBefore).getSingleResult()).intValue();
        Duration delay = delayAfter(failures);
        if (!delay.isZero()) {
            Instant until = now.plus(delay);
            em.createNativeQuery("UPDATE login_throttle SET blocked_until = ?3 WHERE username = ?1 AND client = ?2")
                    .setParameter(1, username).setParameter(2, client).setParameter(3, Timestamp.from(until))
                    .executeUpdate();
            audit.recordAs("system", "login.throttled", "account", null, AuditLog.detail("username", username,
                    "client", client, "failures", failures, "blockedUntil", until.toString()));
        }
        long total = ((Number) em.createNativeQuery("SELECT COALESCE(SUM(failures), 0) FROM login_throttle "
                + "WHERE username = ?1 AND last_failure_at >= ?2").setParameter(1, username)
                .setParameter(2, resetBefore).getSingleResult()).longValue();
        if (total == s.loginAlertFailures()) {
            LOG.warnf("possible password attack on account '%s': %d failed logins within %s", username, total,
                    s.loginThrottleResetAfter());
            audit.recordAs("system", "login.attack_suspected", "account", null,
                    AuditLog.detail("username", username, "failures", total));
            String dedup = "login-attack:" + username + ":" + now.getEpochSecond() / 3600;
            for (Account sysadmin : Account.<Account> list("enabled = true AND roles LIKE ?1", "%" + Roles.SYSADMIN + "%")) {
                if (sysadmin.roleSet().contains(Roles.SYSADMIN)) {
                    notifications.notifyAccount(sysadmin.id, "security", "notif_login_attack", username,
                            String.valueOf(total), s.loginThrottleResetAfter().toHours() + " h", null, dedup);
                }
            }
        }
        return failures;
    }

    /** A successful login forgets this client's failures for the username. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSuccess(String username, String client) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE username = ?1 AND client = ?2")
                .setParameter(1, username).setParameter(2, client).executeUpdate();
    }

    /** The delay a pair waits after this many failures (zero while they are free). */
    Duration delayAfter(int failures) {
        var s = config.security();
        int over = failures - s.loginThrottleFreeFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = s.loginThrottleBaseDelay().multipliedBy(1L << Math.min(over, 20));
        return delay.compareTo(s.loginThrottleMaxDelay()) > 0 ? s.loginThrottleMaxDelay() : delay;
    }

    /** Pairs that must wait now. */
    @Transactional
    public List<Block> blocked(Instant now) {
        List<Object[]> rows = em.createNativeQuery("SELECT username, client, failures, blocked_until FROM "
                + "login_throttle WHERE blocked_until > ?1 ORDER BY blocked_until DESC LIMIT 500")
                .setParameter(1, Timestamp.from(now)).getResultList();
        return rows.stream().map(r -> new Block((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                toInstant(r[3]))).toList();
    }

    /** Forgets every failure of the username (all clients); returns the rows removed. Audited. */
    @Transactional
    public int lift(String username) {
        int n = em.createNativeQuery("DELETE FROM login_throttle WHERE username = ?1").setParameter(1, username)
                .executeUpdate();
        Account.update("lockedUntil = null, failedLogins = 0 WHERE username = ?1", username);
        audit.record("login.throttle_lifted", "account", Account.findByUsername(username).map(a -> a.id).orElse(null),
                AuditLog.detail("username", username, "rows", n));
        return n;
    }

    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void forgetOld() {
        em.createNativeQuery("DELETE FROM login_throttle WHERE last_failure_at < ?1 AND (blocked_until IS NULL "
                + "OR blocked_until < now())").setParameter(1,
                        Timestamp.from(Now.instant().minus(config.security().loginThrottleResetAfter())))
                .executeUpdate();
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }
}
