package cn.zhifa.academy.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.OrgScope;

/**
 * The organisation as other features read it (organisation units and enforcement domains), as
 * plain values: other features call this instead of reading {@link OrgUnit} or
 * {@link EnforcementDomain} themselves (PackageGraphTest: no other feature's entity).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrgDirectory {

    /** One organisation unit (市 → 区县 → 镇街) as a value. */
    public record Unit(long id, Long parentId, String code, String name, OrgLevel level, String townType, String path,
            int sortOrder) {

        /** Depth in the tree (the city is 0), from the materialised path, as {@link OrgUnit#depth()}. */
        public int depth() {
            return (int) path.chars().filter(c -> c == '/').count() - 2;
        }
    }

    /** One department (科室) of a unit as a value; {@code domainId} when it is a sector department. */
    public record Dept(long id, long unitId, String code, String name, Long domainId) {
    }

    /** One enforcement domain ("1+6") as a value. */
    public record Domain(long id, String code, String name) {
    }

    public Optional<Unit> unit(long id) {
        return OrgUnit.<OrgUnit> findByIdOptional(id).map(OrgDirectory::of);
    }

    /** Every unit in tree order (path, then sort order). */
    public List<Unit> unitsOrdered() {
        return OrgUnit.allOrdered().stream().map(OrgDirectory::of).toList();
    }

    public Optional<Unit> unitByCode(String code) {
        return OrgUnit.findByCode(code).map(OrgDirectory::of);
    }

    public boolean unitExists(long id) {
        return OrgUnit.findById(id) != null;
    }

    /** The top unit (市) of the tree the unit belongs to; the unit itself when its root is missing. */
    public Optional<Unit> rootOf(long unitId) {
        return OrgUnit.<OrgUnit> findByIdOptional(unitId)
                .map(unit -> OrgUnit.<OrgUnit> find("path = ?1", "/" + unit.path.split("/")[1] + "/").firstResultOptional()
                        .orElse(unit))
                .map(OrgDirectory::of);
    }

    /** Unit names by id; unknown ids are absent. */
    public Map<Long, String> unitNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return OrgUnit.<OrgUnit> list("id IN ?1", ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(u -> u.id, u -> u.name));
    }

    /** Every unit's name by id (iterating in the order the units are read). */
    public Map<Long, String> unitNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        OrgUnit.<OrgUnit> listAll().forEach(u -> names.put(u.id, u.name));
        return names;
    }

    /** The units of a level, in the order the table is read. */
    public List<Unit> unitsAt(OrgLevel level) {
        return OrgUnit.<OrgUnit> list("level", level).stream().map(OrgDirectory::of).toList();
    }

    /**
     * The units of a level whose path meets a scope condition written on {@code path} with
     * parameter {@code ?2} (e.g. {@code filter.onPath("path", "?2")}).
     */
    public List<Unit> unitsAt(OrgLevel level, OrgScope.Condition onPath) {
        return onPath.bind(OrgUnit.getEntityManager().createQuery("SELECT u FROM OrgUnit u WHERE u.level = ?1 AND "
                + onPath.text(), OrgUnit.class).setParameter(1, level)).getResultList().stream().map(OrgDirectory::of)
                .toList();
    }

    /** Every domain, in the order the table is read. */
    public List<Domain> allDomains() {
        return EnforcementDomain.<EnforcementDomain> listAll().stream().map(OrgDirectory::of).toList();
    }

    /** Every domain in display order. */
    public List<Domain> domains() {
        return EnforcementDomain.ordered().stream().map(OrgDirectory::of).toList();
    }

    public Optional<Domain> domainById(long id) {
        return EnforcementDomain.<EnforcementDomain> findByIdOptional(id).map(OrgDirectory::of);
    }

    /** Domain names by id, in display order. */
    public Map<Long, String> domainNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        EnforcementDomain.ordered().forEach(d -> names.put(d.id, d.name));
        return names;
    }

    /**
     * The units whose path meets a scope condition written on {@code path} (named parameters),
     * in tree order (path, then sort order).
     */
    public List<Unit> unitsWhere(OrgScope.Condition onPath) {
        return OrgUnit.<OrgUnit> list(onPath.text() + " ORDER BY path, sortOrder", onPath.params()).stream()
                .map(OrgDirectory::of).toList();
    }

    public boolean domainExists(long id) {
        return EnforcementDomain.findById(id) != null;
    }

    public Optional<Domain> domainByName(String name) {
        return EnforcementDomain.byName(name).map(OrgDirectory::of);
    }

    public Optional<Domain> domain(String code) {
        return EnforcementDomain.<EnforcementDomain> find("code", code).firstResultOptional().map(OrgDirectory::of);
    }

    public Optional<Dept> department(long id) {
        return Department.<Department> findByIdOptional(id).map(OrgDirectory::of);
    }

    /** Departments by id; unknown ids are absent. */
    public Map<Long, Dept> departments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Department.<Department> list("id IN ?1", ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(d -> d.id, OrgDirectory::of));
    }

    /** Every department, in the order the table is read. */
    public List<Dept> allDepartments() {
        return Department.<Department> listAll().stream().map(OrgDirectory::of).toList();
    }

    /** Every unit, in the order the table is read. */
    public List<Unit> allUnits() {
        return OrgUnit.<OrgUnit> listAll().stream().map(OrgDirectory::of).toList();
    }

    /** Units by id; unknown ids are absent. */
    public Map<Long, Unit> units(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return OrgUnit.<OrgUnit> list("id IN ?1", ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(u -> u.id, OrgDirectory::of));
    }

    static Dept of(Department d) {
        return new Dept(d.id, d.orgUnitId, d.code, d.name, d.domainId);
    }

    static Unit of(OrgUnit u) {
        return new Unit(u.id, u.parentId, u.code, u.name, u.level, u.townType, u.path, u.sortOrder);
    }

    static Domain of(EnforcementDomain d) {
        return new Domain(d.id, d.code, d.name);
    }
}
