package cn.zhifa.academy.integration;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Makes quarkus-oidc's identity provider (which verifies the ID token of the code flow on
 * /sso/login) visible to the security layer. Our own providers ({@code LockoutIdentityProvider},
 * {@code SessionIdentityProvider}) are CDI alternatives, and once any {@code IdentityProvider} is
 * an alternative, every provider that is not one drops out of the list Quarkus builds its
 * identity provider manager from, OIDC's included. This alternative of the same priority simply
 * delegates to it.
 */
@Alternative
@Priority(1)
@Singleton
@Unremovable
public class SsoIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    OidcIdentityProvider oidc;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return oidc.authenticate(request, context);
    }

    @Override
    public int priority() {
        return oidc.priority();
    }
}
