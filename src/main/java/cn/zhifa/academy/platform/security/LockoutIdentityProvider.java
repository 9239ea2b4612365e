package cn.zhifa.academy.platform.security;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.config.AcademyConfig;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks username and password against {@link Account} (bcrypt) and enforces the lockout:
 * after {@code academy.security.lockout-max-failures} wrong passwords in a row the account is
 * locked for {@code academy.security.lockout-duration}. Failures, locks and refusals of a
 * locked account are audited. It replaces the provider that security-jpa derives from the
 * {@code @UserDefinition} entity (same entity, same bcrypt hashes), adding what that one lacks.
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

    @Inject
    AcademyConfig config;

    @Inject
    AuditLog audit;

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
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername() == null ? "" : request.getUsername().trim();
            char[] password = request.getPassword().getPassword();
            // the outcome's audit events must commit even though the login then fails
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> check(username, new String(password)));
            if (outcome.account == null) {
                throw new AuthenticationFailedException(outcome.reason);
            }
            QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(outcome.account.username))
                    .addAttribute(ACCOUNT_ID, outcome.account.id);
            if (outcome.account.personId != null) {
                b.addAttribute(PERSON_ID, outcome.account.personId);
            }
            outcome.account.roleSet().forEach(b::addRole);
            return b.build();
        });
    }

    private Outcome check(String username, String password) {
        Instant now = Instant.now();
        Account account = Account.findByUsername(username).orElse(null);
        if (account == null) {
            audit.recordAs(username.isEmpty() ? "anonymous" : username, "login.failed", "account", null,
                    AuditLog.detail("reason", "unknown username"));
            return Outcome.failed("unknown username");
        }
        if (!account.enabled) {
            audit.recordAs(username, "login.refused", "account", account.id, AuditLog.detail("reason", "disabled"));
            return Outcome.failed("account disabled");
        }
        if (account.isLockedAt(now)) {
            audit.recordAs(username, "login.refused", "account", account.id,
                    AuditLog.detail("reason", "locked", "lockedUntil", account.lockedUntil.toString()));
            return Outcome.failed("account locked");
        }
        if (!account.passwordMatches(password)) {
            account.failedLogins++;
            audit.recordAs(username, "login.failed", "account", account.id,
                    AuditLog.detail("reason", "wrong password", "failedLogins", account.failedLogins));
            if (account.failedLogins >= config.security().lockoutMaxFailures()) {
                account.lockedUntil = now.plus(config.security().lockoutDuration());
                account.failedLogins = 0;
                audit.recordAs("system", "account.locked", "account", account.id,
                        AuditLog.detail("username", username, "lockedUntil", account.lockedUntil.toString(),
                                "after", config.security().lockoutMaxFailures() + " failed logins"));
            }
            return Outcome.failed("wrong password");
        }
        account.failedLogins = 0;
        account.lockedUntil = null;
        account.lastLoginAt = now;
        audit.recordAs(username, "login.succeeded", "account", account.id, null);
        return new Outcome(account, null);
    }

    private record Outcome(Account account, String reason) {
        static Outcome failed(String reason) {
            return new Outcome(null, reason);
        }
    }
}
