package cn.zhifa.academy.matters;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;

/**
 * Who may do what with the catalogue. The catalogue entry itself (name, domain, legal basis,
 * links) belongs to the city: system administrators and administrators of the city unit edit
 * it. Town assignments belong to the towns' administrators: any administrator assigns or
 * withdraws a matter for the towns inside their organisation scope, and sees the readiness of
 * those towns only.
 */
@RequestScoped
public class MatterAccess {

    @Inject
    CurrentUser user;

    @Inject
    OrgScope scope;

    public boolean isAdmin() {
        return user.isSysadmin() || user.isAdmin();
    }

    /** Sysadmin, or an administrator whose scope is the whole city. */
    public boolean canEditCatalogue() {
        OrgScope.UnitFilter f = scope.unitFilter();
        if (f instanceof OrgScope.All) {
            return true;
        }
        return f instanceof OrgScope.Subtree s && OrgUnit.<OrgUnit> findByIdOptional(s.rootId())
                .map(u -> u.level == OrgLevel.CITY).orElse(false);
    }

    public OrgScope.UnitFilter filter() {
        return scope.unitFilter();
    }

    public boolean inScope(long unitId) {
        return scope.canActOnUnit(unitId);
    }

    /** The towns (乡镇、街道) the current user may see, in tree order. */
    public List<OrgUnit> towns() {
        OrgScope.UnitFilter f = scope.unitFilter();
        if (f instanceof OrgScope.NoUnits) {
            return List.of();
        }
        OrgScope.Condition c = f.onPath("path", "?2");
        List<OrgUnit> towns = new java.util.ArrayList<>(c.bind(OrgUnit.getEntityManager().createQuery(
                "SELECT u FROM OrgUnit u WHERE u.level = ?1 AND " + c.text(), OrgUnit.class)
                .setParameter(1, OrgLevel.TOWN)).getResultList());
        java.util.Map<Long, Integer> parentOrder = new java.util.HashMap<>();
        for (OrgUnit t : towns) {
            if (t.parentId != null) {
                parentOrder.computeIfAbsent(t.parentId, id -> OrgUnit.<OrgUnit> findByIdOptional(id)
                        .map(p -> p.sortOrder).orElse(0));
            }
        }
        // the tree's order: districts by their sort order, then the towns of each
        towns.sort(java.util.Comparator.comparing((OrgUnit t) -> parentOrder.getOrDefault(t.parentId, 0))
                .thenComparing(t -> t.parentId == null ? 0L : t.parentId).thenComparing(t -> t.sortOrder)
                .thenComparing(t -> t.name));
        return towns;
    }
}
