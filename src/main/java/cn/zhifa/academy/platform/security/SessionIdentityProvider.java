package cn.zhifa.academy.platform.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.jpa.runtime.JpaTrustedIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Restores the identity from the encrypted session cookie on every request. Roles are read
 * from the database each time, and a disabled or deleted account loses its session at once.
 */
@Alternative
@Priority(1)
@Singleton
@Unremovable
public class SessionIdentityProvider extends JpaTrustedIdentityProvider {

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
            Account account = QuarkusTransaction.joiningExisting()
                    .call(() -> Account.findByUsername(request.getPrincipal()).orElse(null));
            if (account == null || !account.enabled) {
                throw new AuthenticationFailedException("account no longer active");
            }
            QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username))
                    .addAttribute(LockoutIdentityProvider.ACCOUNT_ID, account.id);
            if (account.personId != null) {
                b.addAttribute(LockoutIdentityProvider.PERSON_ID, account.personId);
            }
            account.roleSet().forEach(b::addRole);
            return b.build();
        });
    }
}
