package cn.zhifa.academy.platform.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaTrustedIdentityProvider;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Restores the identity from the encrypted session cookie on every request, from the per-node
 * {@link IdentityCache} (no database read on the hot path). The cookie names the account and
 * the session epoch it was issued in ({@link SessionPrincipal}); a disabled or deleted account,
 * or an epoch that logout, a password change or disabling has moved on, ends the session.
 */
@Alternative
@Priority(1)
@Singleton
@Unremovable
public class SessionIdentityProvider extends JpaTrustedIdentityProvider {

    /** Set for a minute when a session cookie was refused, so that the login page can say why. */
    public static final String ENDED_COOKIE = "academy-session-ended";

    @Inject
    IdentityCache cache;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    /** Not used: the Uni variant below does it all. */
    @Override
    public SecurityIdentity authenticate(EntityManager em, TrustedAuthenticationRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String name = request.getPrincipal();
            long epoch = SessionPrincipal.epoch(name);
            IdentityCache.Snapshot account = cache.get(SessionPrincipal.username(name)).orElse(null);
            if (account == null || !account.enabled() || epoch < 0 || epoch != account.epoch()) {
                forget(HttpSecurityUtils.getRoutingContextAttribute(request));
                throw new AuthenticationFailedException("session ended");
            }
            return identity(account);
        });
    }

    /**
     * Expires the refused cookie in the browser. Without this, a browser holding the cookie of an
     * ended session (another device after a password change, a tab open across a logout) is sent
     * to the login page with it, refused again there, and loops until the browser gives up.
     */
    private void forget(RoutingContext rc) {
        if (rc == null || rc.response().headWritten()) {
            return;
        }
        rc.response().addCookie(Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        rc.response().addCookie(Cookie.cookie(ENDED_COOKIE, "1").setPath("/login").setMaxAge(60).setHttpOnly(true));
    }

    /** The identity of a session of this account (principal name with the epoch, see {@link SessionPrincipal}). */
    static SecurityIdentity identity(IdentityCache.Snapshot account) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(SessionPrincipal.name(account.username(), account.epoch())))
                .addAttribute(LockoutIdentityProvider.ACCOUNT_ID, account.id())
                .addAttribute(LockoutIdentityProvider.MUST_CHANGE_PASSWORD, account.mustChangePassword());
        if (account.personId() != null) {
            b.addAttribute(LockoutIdentityProvider.PERSON_ID, account.personId());
        }
        account.roles().forEach(b::addRole);
        return b.build();
    }
}
