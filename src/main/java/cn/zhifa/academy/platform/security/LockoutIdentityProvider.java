package cn.zhifa.academy.platform.security;

import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks username and password against {@link Account} (bcrypt) with the throttling of
 * {@link LoginThrottle}: failures slow down the (username, client address) pair that makes them,
 * never the account as a whole, so nobody can lock the owner out. Every attempt costs one bcrypt
 * verification, for unknown usernames and disabled accounts too ({@link PasswordHashing}).
 * Failures, refusals and successes are audited. It replaces the provider that security-jpa
 * derives from the {@code @UserDefinition} entity (same entity, same bcrypt hashes).
 */
@Alternative
@Priority(1)
@Singleton
@Unremovable
public class LockoutIdentityProvider extends JpaIdentityProvider {

    /** Attribute on the {@link SecurityIdentity} that carries the account id. */
    public static final String ACCOUNT_ID = "accountId";

    /** Attribute carrying the id of the person the account belongs to, when there is one. */
    public static final String PERSON_ID = "personId";

    /** Attribute (Boolean): the account must change its password before doing anything else. */
    public static final String MUST_CHANGE_PASSWORD = "mustChangePassword";

    @Inject
    AuditLog audit;

    @Inject
    LoginThrottle throttle;

    /** Names the instant (epoch seconds) until which this client may not try this username again. */
    public static final String WAIT_COOKIE = "academy-login-wait";

    @Inject
    IdentityCache cache;

    @Inject
    cn.zhifa.academy.platform.config.AcademyConfig config;

    /** Not used: {@link #authenticate(UsernamePasswordAuthenticationRequest, AuthenticationRequestContext)} does it all. */
    @Override
    public SecurityIdentity authenticate(EntityManager em, UsernamePasswordAuthenticationRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST;
    }

    @Override
    public io.smallrye.mutiny.Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String client = clientOf(request);
        return context.runBlocking(() -> {
            String username = request.getUsername() == null ? "" : request.getUsername().trim();
            if (username.length() > 64) {
                username = username.substring(0, 64);
            }
            String name = username;
            String password = new String(request.getPassword().getPassword());
            // the outcome's audit events must commit even though the login then fails
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> check(name, password, client));
            if (outcome.account == null) {
                if (outcome.blockedUntil != null) {
                    tellWait(HttpSecurityUtils.getRoutingContextAttribute(request), outcome.blockedUntil);
                }
                throw new AuthenticationFailedException(outcome.reason);
            }
            cache.invalidate(outcome.account.username);
            return SessionIdentityProvider.identity(cache.get(outcome.account.username)
                    .orElseThrow(() -> new AuthenticationFailedException("account vanished")));
        });
    }

    /**
     * A throttled attempt is refused without looking at the password, so "wrong password" would be
     * untrue: the login page says how long to wait instead (read from this cookie). The block is per
     * username and client whether or not the username exists, so this discloses nothing.
     */
    private static void tellWait(RoutingContext rc, Instant until) {
        if (rc == null || rc.response().headWritten()) {
            return;
        }
        long seconds = Math.max(1, java.time.Duration.between(Now.instant(), until).toSeconds() + 1);
        rc.response().addCookie(io.vertx.core.http.Cookie.cookie(WAIT_COOKIE, Long.toString(until.getEpochSecond()))
                .setPath("/login").setMaxAge(seconds).setHttpOnly(true));
    }

    /** The client address (behind a proxy: with quarkus.http.proxy.proxy-address-forwarding, the forwarded one). */
    static String clientOf(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || rc.request().remoteAddress() == null) {
            return "unknown";
        }
        String host = rc.request().remoteAddress().hostAddress();
        if (host == null) {
            host = rc.request().remoteAddress().host();
        }
        return host == null ? "unknown" : host.length() > 64 ? host.substring(0, 64) : host;
    }

    private Outcome check(String username, String password, String client) {
        Instant now = Now.instant();
        String actor = username.isEmpty() ? "anonymous" : username;
        if (!config.security().formLogin()) {
            audit.recordAs(actor, "login.refused", "account", null,
                    AuditLog.detail("reason", "form login off", "client", client));
            return Outcome.failed("form login off");
        }
        Optional<Instant> wait = throttle.blockedUntil(username, client, now);
        Account account = username.isEmpty() ? null : Account.findByUsername(username).orElse(null);
        Long id = account == null ? null : account.id;
        if (wait.isPresent()) {
            // no password check at all: the same (cheap) answer for known and unknown usernames
            audit.recordAs(actor, "login.refused", "account", id,
                    AuditLog.detail("reason", "throttled", "client", client, "blockedUntil", wait.get().toString()));
            return new Outcome(null, "throttled", wait.get());
        }
        // one bcrypt verification whatever happens next (a dummy one without an account)
        boolean matches = PasswordHashing.matches(password, account == null ? null : account.passwordHash);
        if (account == null) {
            throttle.recordFailure(username, client, now);
            audit.recordAs(actor, "login.failed", "account", null,
                    AuditLog.detail("reason", "unknown username", "client", client));
            return Outcome.failed("unknown username");
        }
        if (!account.enabled) {
            audit.recordAs(username, "login.refused", "account", id,
                    AuditLog.detail("reason", "disabled", "client", client));
            return Outcome.failed("account disabled");
        }
        if (account.isLockedAt(now)) {
            audit.recordAs(username, "login.refused", "account", id,
                    AuditLog.detail("reason", "locked", "lockedUntil", account.lockedUntil.toString()));
            return Outcome.failed("account locked");
        }
        if (!matches) {
            account.failedLogins++;
            int pairFailures = throttle.recordFailure(username, client, now);
            audit.recordAs(username, "login.failed", "account", id, AuditLog.detail("reason", "wrong password",
                    "failedLogins", account.failedLogins, "client", client, "clientFailures", pairFailures));
            return Outcome.failed("wrong password");
        }
        throttle.recordSuccess(username, client);
        account.failedLogins = 0;
        account.lastLoginAt = now;
        audit.recordAs(username, "login.succeeded", "account", id, AuditLog.detail("client", client));
        return new Outcome(account, null);
    }

    private record Outcome(Account account, String reason, Instant blockedUntil) {
        Outcome(Account account, String reason) {
            this(account, reason, null);
        }

        static Outcome failed(String reason) {
            return new Outcome(null, reason);
        }
    }
}
