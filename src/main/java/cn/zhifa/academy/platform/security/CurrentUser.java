package cn.zhifa.academy.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.context.ManagedExecutor;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The account behind the current request, loaded once per request. Templates reach it as
 * {@code inject:currentUser}.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ManagedExecutor workers;

    private Optional<Account> account;

    /**
     * False on an I/O thread, where the lazily authenticated identity must not be resolved
     * (error pages for unmatched paths render there, without the personal menu).
     */
    public boolean isAuthenticated() {
        return BlockingOperationControl.isBlockingAllowed() && !identity.isAnonymous();
    }

    public Optional<Account> account() {
        if (account == null) {
            account = isAuthenticated() ? Account.findByUsername(SessionPrincipal.username(identity.getPrincipal()))
                    : Optional.empty();
        }
        return account;
    }

    /** The account, or 401 when nobody is logged in. */
    public Account require() {
        return account().orElseThrow(io.quarkus.security.UnauthorizedException::new);
    }

    public String getUsername() {
        return isAuthenticated() ? SessionPrincipal.username(identity.getPrincipal()) : null;
    }

    public String getDisplayName() {
        return account().map(a -> a.displayName).orElse(null);
    }

    public Set<String> getRoles() {
        return isAuthenticated() ? identity.getRoles() : Set.of();
    }

    public boolean hasRole(String role) {
        return isAuthenticated() && identity.hasRole(role);
    }

    public boolean isSysadmin() {
        return hasRole(Roles.SYSADMIN);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    public boolean isTrainer() {
        return hasRole(Roles.TRAINER);
    }

    /** Authors and administrators: the roles that may open the authoring pages and read content in draft. */
    public boolean isAuthorOrAdmin() {
        return isSysadmin() || isAdmin() || isTrainer();
    }

    public boolean isLearner() {
        return hasRole(Roles.LEARNER);
    }

    public boolean isProviderManager() {
        return hasRole(Roles.PROVIDER_MANAGER);
    }

    public Long getOrgUnitId() {
        return account().map(a -> a.orgUnitId).orElse(null);
    }

    /** The account's id from the session's identity (no query), else from the account row. */
    public Long getAccountId() {
        if (!isAuthenticated()) {
            return null;
        }
        Object id = identity.getAttribute(LockoutIdentityProvider.ACCOUNT_ID);
        if (id instanceof Long l) {
            return l;
        }
        return account().map(a -> a.id).orElse(null);
    }

    /** From the session's identity (no query); learning requests call this on every heartbeat. */
    public Long getPersonId() {
        if (!isAuthenticated()) {
            return null;
        }
        Object id = identity.getAttribute(LockoutIdentityProvider.PERSON_ID);
        if (id instanceof Long l) {
            return l;
        }
        return identity.getAttribute(LockoutIdentityProvider.ACCOUNT_ID) != null ? null
                : account().map(a -> a.personId).orElse(null); // test identities carry no attributes
    }

    /**
     * {@link #getPersonId()} for a non-blocking endpoint: read from the identity's attributes on
     * the calling event loop; identities without them (those of tests) have their account read
     * on a worker thread.
     */
    public Uni<Long> personIdAsync() {
        return identities.getDeferredIdentity().chain(id -> {
            if (id.isAnonymous()) {
                return Uni.createFrom().nullItem();
            }
            if (id.getAttribute(LockoutIdentityProvider.PERSON_ID) instanceof Long l) {
                return Uni.createFrom().item(l);
            }
            if (id.getAttribute(LockoutIdentityProvider.ACCOUNT_ID) != null) {
                return Uni.createFrom().nullItem(); // an account without a person
            }
            return Uni.createFrom().item(this::getPersonId).runSubscriptionOn(workers);
        });
    }

    public Long getProviderId() {
        return account().map(a -> a.providerId).orElse(null);
    }
}
