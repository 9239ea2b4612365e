package cn.zhifa.academy.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;

/**
 * The organisation-scope hook every feature calls before it reads or changes records of a
 * unit or provider (组织范围). A system administrator acts everywhere; an administrator only
 * inside the subtree of their unit; a provider manager only for their provider. Everyone
 * else has no organisation scope and sees only their own records.
 */
@RequestScoped
public class OrgScope {

    @Inject
    CurrentUser user;

    @Inject
    OrgHierarchy tree;

    /** What the current user may see, as a filter for queries over units. */
    public sealed interface UnitFilter permits All, Subtree, NoUnits {
    }

    /** Every unit. */
    public record All() implements UnitFilter {
    }

    /** Units whose path starts with {@code pathPrefix}. */
    public record Subtree(long rootId, String pathPrefix) implements UnitFilter {
    }

    /** No unit at all. */
    public record NoUnits() implements UnitFilter {
    }

    public UnitFilter unitFilter() {
        if (user.isSysadmin()) {
            return new All();
        }
        if (user.isAdmin() && user.getOrgUnitId() != null) {
            Optional<String> path = tree.pathOf(user.getOrgUnitId());
            if (path.isPresent()) {
                return new Subtree(user.getOrgUnitId(), path.get());
            }
        }
        return new NoUnits();
    }

    public boolean canActOnUnit(long unitId) {
        UnitFilter f = unitFilter();
        if (f instanceof All) {
            return true;
        }
        if (f instanceof Subtree s) {
            return tree.pathOf(unitId).map(p -> p.startsWith(s.pathPrefix())).orElse(false);
        }
        return false;
    }

    /** Throws 403 unless the current user may act on the unit. */
    public void requireUnit(long unitId) {
        if (!canActOnUnit(unitId)) {
            throw new ForbiddenException("unit " + unitId + " is outside your organisation scope");
        }
    }

    public boolean canActOnProvider(long providerId) {
        if (user.isSysadmin()) {
            return true;
        }
        return user.isProviderManager() && user.getProviderId() != null && user.getProviderId() == providerId;
    }

    /** Throws 403 unless the current user may act for the provider. */
    public void requireProvider(long providerId) {
        if (!canActOnProvider(providerId)) {
            throw new ForbiddenException("provider " + providerId + " is outside your scope");
        }
    }
}
