package cn.zhifa.academy.matters;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
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
    OrgDirectory orgDirectory;

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
        return f instanceof OrgScope.Subtree s && orgDirectory.unit(s.rootId())
                .map(u -> u.level() == OrgLevel.CITY).orElse(false);
    }

    public OrgScope.UnitFilter filter() {
        return scope.unitFilter();
    }

    public boolean inScope(long unitId) {
        return scope.canActOnUnit(unitId);
    }

    /** The towns (乡镇、街道) the current user may see, in tree order. */
    public List<OrgDirectory.Unit> towns() {
        OrgScope.UnitFilter f = scope.unitFilter();
        if (f instanceof OrgScope.NoUnits) {
            return List.of();
        }
        OrgScope.Condition c = f.onPath("path", "?2");
        List<OrgDirectory.Unit> towns = new java.util.ArrayList<>(orgDirectory.unitsAt(OrgLevel.TOWN, c));
        java.util.Map<Long, Integer> parentOrder = new java.util.HashMap<>();
        for (OrgDirectory.Unit t : towns) {
            if (t.parentId() != null) {
                parentOrder.computeIfAbsent(t.parentId(), id -> orgDirectory.unit(id)
                        .map(OrgDirectory.Unit::sortOrder).orElse(0));
            }
        }
        // the tree's order: districts by their sort order, then the towns of each
        towns.sort(java.util.Comparator.comparing((OrgDirectory.Unit t) -> parentOrder.getOrDefault(t.parentId(), 0))
                .thenComparing(t -> t.parentId() == null ? 0L : t.parentId()).thenComparing(t -> t.sortOrder())
                .thenComparing(t -> t.name()));
        return towns;
    }
}
