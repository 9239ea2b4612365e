package cn.zhifa.academy.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.OrgHierarchy;
import cn.zhifa.academy.platform.security.OrgScope;

/** Reads and grows the organisation tree; implements the platform's {@link OrgHierarchy}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrgService implements OrgHierarchy {

    @Inject
    OrgScope scope;

    @Inject
    AuditLog audit;

    @Override
    public Optional<String> pathOf(long unitId) {
        return OrgUnit.<OrgUnit> findByIdOptional(unitId).map(u -> u.path);
    }

    @Override
    public Optional<String> nameOf(long unitId) {
        return OrgUnit.<OrgUnit> findByIdOptional(unitId).map(u -> u.name);
    }

    /** A unit with its departments, as one node of a tree view. */
    public record Node(OrgUnit unit, List<Department> departments, int depth) {
        /** Full-width spaces that indent the unit in a select list. */
        public String indent() {
            return "\u3000".repeat(depth);
        }
    }

    /** The units the current user may see, parents before children, with their departments. */
    public List<Node> visibleTree() {
        OrgScope.UnitFilter filter = scope.unitFilter();
        List<OrgUnit> units;
        if (filter instanceof OrgScope.All) {
            units = OrgUnit.allOrdered();
        } else if (filter instanceof OrgScope.Subtree s) {
            units = OrgUnit.subtree(s.pathPrefix());
        } else {
            units = List.of();
        }
        Map<Long, List<Department>> deps = Department.ofUnits(units.stream().map(u -> u.id).toList()).stream()
                .collect(Collectors.groupingBy(d -> d.orgUnitId, LinkedHashMap::new, Collectors.toList()));
        int base = units.isEmpty() ? 0 : units.get(0).depth();
        List<Node> nodes = new ArrayList<>(units.size());
        for (OrgUnit u : units) {
            nodes.add(new Node(u, deps.getOrDefault(u.id, List.of()), u.depth() - base));
        }
        return nodes;
    }

    /** One unit, if the current user may see it (404 and 403 are the caller's choice). */
    public Optional<OrgUnit> find(long id) {
        return OrgUnit.findByIdOptional(id);
    }

    public List<Department> departments(long unitId) {
        return Department.ofUnits(List.of(unitId));
    }

    /** Creates a unit under {@code parent} (or the city root when parent is null). */
    @Transactional
    public OrgUnit create(OrgUnit parent, String code, String name, OrgLevel level, String townType, int sortOrder) {
        OrgUnit u = new OrgUnit();
        u.parentId = parent == null ? null : parent.id;
        u.code = code;
        u.name = name;
        u.level = level;
        u.townType = townType;
        u.sortOrder = sortOrder;
        u.path = "/pending-" + code + "/"; // the id is known only after insert
        u.persistAndFlush();
        u.path = (parent == null ? "/" : parent.path) + u.id + "/";
        audit.record("org_unit.created", "org_unit", u.id,
                AuditLog.detail("after", Map.of("code", code, "name", name, "level", level.name())));
        return u;
    }

    @Transactional
    public Department createDepartment(OrgUnit unit, String code, String name) {
        return createDepartment(unit, code, name, null);
    }

    /** A department, optionally working in one enforcement domain (e.g. 市场监管). */
    @Transactional
    public Department createDepartment(OrgUnit unit, String code, String name, EnforcementDomain domain) {
        Department d = new Department();
        d.orgUnitId = unit.id;
        d.code = code;
        d.name = name;
        d.domainId = domain == null ? null : domain.id;
        d.persist();
        audit.record("department.created", "department", code,
                AuditLog.detail("after", Map.of("unit", unit.code, "name", name)));
        return d;
    }
}
