package cn.zhifa.academy.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.OrgScope;

/**
 * People as other features read them: a person's summary by id or employee number (工号), as a
 * value. Other features call this instead of reading {@link Person} themselves (PackageGraphTest:
 * no other feature's entity); who may see whom stays with {@link PeopleScope}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PeopleDirectory {

    /** One person: what other features need to show, route or check them. */
    public record PersonSummary(long id, String name, String employeeNo, PersonCategory category, Grade grade,
            long unitId, Long departmentId, Long providerId, EmploymentStatus status, LocalDate statusSince,
            String certNo) {

        public boolean active() {
            return status == EmploymentStatus.ACTIVE;
        }
    }

    public Optional<PersonSummary> find(long id) {
        return Person.<Person> findByIdOptional(id).map(PeopleDirectory::summary);
    }

    public Optional<PersonSummary> byEmployeeNo(String employeeNo) {
        return Person.byEmployeeNo(employeeNo).map(PeopleDirectory::summary);
    }

    /** Summaries by id; unknown ids are absent. */
    public Map<Long, PersonSummary> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Person.<Person> list("id IN ?1", ids.stream().distinct().toList()).stream()
                .map(PeopleDirectory::summary).collect(Collectors.toMap(PersonSummary::id, Function.identity()));
    }

    /** Summaries of these people in unit, then name order; unknown ids are left out. */
    public List<PersonSummary> list(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Person.<Person> list("id IN ?1 ORDER BY unitId, name", ids).stream().map(PeopleDirectory::summary)
                .toList();
    }

    /** Summaries of these people by employee number; unknown ids are left out. */
    public List<PersonSummary> byEmployeeNoOrder(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Person.<Person> list("id IN ?1 ORDER BY employeeNo", ids).stream().map(PeopleDirectory::summary)
                .toList();
    }

    /** People with this exact name, by employee number. */
    public List<PersonSummary> byName(String name) {
        return Person.<Person> list("name = ?1 ORDER BY employeeNo", name).stream().map(PeopleDirectory::summary)
                .toList();
    }

    /** Active people of a category in these units (not their subtrees), by employee number. */
    public List<PersonSummary> activeIn(Collection<Long> unitIds, PersonCategory category) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return Person.<Person> list("unitId IN ?1 AND category = ?2 AND status = ?3 ORDER BY employeeNo", unitIds,
                category, EmploymentStatus.ACTIVE).stream().map(PeopleDirectory::summary).toList();
    }

    /** People of a category in one unit (not its subtree), by employee number. */
    public List<PersonSummary> ofCategoryIn(long unitId, PersonCategory category) {
        return Person.<Person> list("unitId = ?1 AND category = ?2 ORDER BY employeeNo", unitId, category).stream()
                .map(PeopleDirectory::summary).toList();
    }

    /** People of a category in a unit's subtree (materialised path), by employee number. */
    public List<PersonSummary> ofCategoryWithin(PersonCategory category, String unitPath) {
        return Person.<Person> list("category = ?1 AND " + OrgScope.unitWithin("unitId", "?2") + " ORDER BY employeeNo",
                category, OrgScope.subtreePattern(unitPath)).stream().map(PeopleDirectory::summary).toList();
    }

    /** The active people of a provider, by name. */
    public List<PersonSummary> activeOfProvider(long providerId) {
        return Person.<Person> list("providerId = ?1 AND status = ?2 ORDER BY name", providerId, EmploymentStatus.ACTIVE)
                .stream().map(PeopleDirectory::summary).toList();
    }

    /** Every person of a provider, by id. */
    public List<PersonSummary> ofProvider(long providerId) {
        return Person.<Person> list("providerId = ?1 ORDER BY id", providerId).stream().map(PeopleDirectory::summary)
                .toList();
    }

    /** Every person of a category, by id. */
    public List<PersonSummary> ofCategory(PersonCategory category) {
        return Person.<Person> list("category = ?1 ORDER BY id", category).stream().map(PeopleDirectory::summary).toList();
    }

    /** The summary of a loaded person (for code of the people feature and tests that hold one). */
    public static PersonSummary summary(Person p) {
        return new PersonSummary(p.id, p.name, p.employeeNo, p.category, p.grade, p.unitId, p.departmentId,
                p.providerId, p.status, p.statusSince, p.certNo);
    }
}
