package cn.zhifa.academy.people;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;

/**
 * Who may see which people: a system administrator everyone; an administrator the people of
 * their subtree; a provider manager their provider's staff; everyone else only themselves.
 * Produces the HQL condition every people query starts from, so lists and single reads obey
 * the same rule.
 */
@RequestScoped
public class PeopleScope {

    @Inject
    OrgScope orgScope;

    @Inject
    CurrentUser user;

    /** An HQL condition on alias {@code p} and its parameters. */
    public record Condition(String hql, Map<String, Object> params) {
    }

    public Condition condition() {
        OrgScope.UnitFilter f = orgScope.unitFilter();
        if (f instanceof OrgScope.All) {
            return new Condition("1 = 1", Map.of());
        }
        if (f instanceof OrgScope.Subtree s) {
            OrgScope.Condition c = s.onUnit("p.unitId", ":scopePath");
            return new Condition(c.text(), c.params());
        }
        if (user.isProviderManager() && user.getProviderId() != null) {
            return new Condition("p.providerId = :scopeProvider", Map.of("scopeProvider", user.getProviderId()));
        }
        Long self = user.getPersonId();
        return new Condition("p.id = :scopeSelf", Map.of("scopeSelf", self == null ? -1L : self));
    }

    public boolean canSee(Person p) {
        return canSee(p.id, p.unitId, p.providerId);
    }

    public boolean canSee(PeopleDirectory.PersonSummary p) {
        return canSee(p.id(), p.unitId(), p.providerId());
    }

    private boolean canSee(Long personId, Long unitId, Long providerId) {
        OrgScope.UnitFilter f = orgScope.unitFilter();
        if (f instanceof OrgScope.All) {
            return true;
        }
        if (f instanceof OrgScope.Subtree) {
            return orgScope.canActOnUnit(unitId);
        }
        if (user.isProviderManager() && user.getProviderId() != null) {
            return user.getProviderId().equals(providerId);
        }
        return personId.equals(user.getPersonId());
    }

    /** Changing people is for administrators (in their subtree) and system administrators. */
    public boolean canManage(Person p) {
        return canManageUnit(p.unitId);
    }

    /** Changing people is for administrators (in their subtree) and system administrators. */
    public boolean canManage(PeopleDirectory.PersonSummary p) {
        return canManageUnit(p.unitId());
    }

    public boolean canManageUnit(long unitId) {
        return (user.isSysadmin() || user.isAdmin()) && orgScope.canActOnUnit(unitId);
    }
}
