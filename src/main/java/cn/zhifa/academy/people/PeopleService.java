package cn.zhifa.academy.people;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.AccountService;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.text.FormatWords;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.provider.ProviderDirectory;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** The personnel registry (人员库): scoped search, reading, changes, status history, accounts. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PeopleService {

    @Inject
    OrgDirectory orgDirectory;

    private static final Map<String, String> SORTS = Map.of("name", "name", "employeeNo", "employeeNo", "category",
            "category", "grade", "grade", "status", "status", "updatedAt", "updatedAt");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PeopleScope scope;

    @Inject
    ProviderDirectory providerDirectory;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    IdNumberHasher idHasher;

    @Inject
    AccountService accounts;

    @Inject
    jakarta.enterprise.event.Event<PeopleChanged> changed;

    /** One page of a list. */
    public record Page<T>(List<T> items, long total, int page, int size) implements cn.zhifa.academy.platform.web.Paging {
    }

    public Page<PersonView> search(PersonQuery q) {
        PeopleScope.Condition c = scope.condition();
        StringBuilder where = new StringBuilder(c.hql());
        Map<String, Object> params = new HashMap<>(c.params());
        if (q.category != null) {
            where.append(" AND p.category = :category");
            params.put("category", q.category);
        }
        if (q.grade != null) {
            where.append(" AND p.grade = :grade");
            params.put("grade", q.grade);
        }
        if (q.status != null) {
            where.append(" AND p.status = :status");
            params.put("status", q.status);
        }
        if (q.providerId != null) {
            where.append(" AND p.providerId = :provider");
            params.put("provider", q.providerId);
        }
        if (q.unitId != null) {
            String path = orgDirectory.unit(q.unitId).map(OrgDirectory.Unit::path).orElse("/none/");
            where.append(" AND ").append(OrgScope.unitWithin("p.unitId", ":unitPath"));
            params.put("unitPath", OrgScope.subtreePattern(path));
        }
        if (q.domainId != null) {
            where.append(" AND EXISTS (SELECT 1 FROM p.domainIds d WHERE d = :domain)");
            params.put("domain", q.domainId);
        }
        if (q.q != null && !q.q.isBlank()) {
            String term = q.q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" AND (p.name LIKE :nameLike ESCAPE '\\' OR p.employeeNo LIKE :noLike ESCAPE '\\')");
            params.put("nameLike", "%" + term + "%");
            params.put("noLike", term + "%");
        }
        String sortField = SORTS.getOrDefault(q.sort, "name");
        Sort sort = "desc".equalsIgnoreCase(q.dir) ? Sort.descending(sortField) : Sort.ascending(sortField);
        sort = sort.and("id");
        PanacheQuery<Person> query = Person.find("FROM Person p WHERE " + where, sort, params);
        long total = query.count();
        List<Person> people = query.page(q.safePage(), q.safeSize()).list();
        return new Page<>(views(people), total, q.safePage(), q.safeSize());
    }

    /** A person the current user may see; empty otherwise (callers answer 404). */
    public Optional<Person> visible(long id) {
        return Person.<Person> findByIdOptional(id).filter(scope::canSee);
    }

    public Optional<PersonView> view(long id) {
        return visible(id).map(p -> views(List.of(p)).get(0));
    }

    public List<PersonStatusChange> history(Person p) {
        return PersonStatusChange.history(p.id);
    }

    /** Builds views for a page of people with one query per referenced table (no N+1). */
    public List<PersonView> views(List<Person> people) {
        Map<Long, OrgDirectory.Unit> units = orgDirectory.units(ids(people, p -> p.unitId));
        Map<Long, OrgDirectory.Dept> deps = orgDirectory.departments(ids(people, p -> p.departmentId));
        Map<Long, ProviderDirectory.ProviderSummary> providers = providerDirectory.find(ids(people, p -> p.providerId));
        List<OrgDirectory.Domain> domainOrder = orgDirectory.domains();
        Map<Long, String> usernames = new HashMap<>();
        List<Long> personIds = people.stream().map(p -> p.id).toList();
        if (!personIds.isEmpty()) {
            Account.<Account> list("personId IN ?1", personIds).forEach(a -> usernames.put(a.personId, a.username));
        }
        List<PersonView> out = new ArrayList<>(people.size());
        for (Person p : people) {
            OrgDirectory.Unit u = units.get(p.unitId);
            OrgDirectory.Dept d = p.departmentId == null ? null : deps.get(p.departmentId);
            ProviderDirectory.ProviderSummary v = p.providerId == null ? null : providers.get(p.providerId);
            out.add(new PersonView(p.id, p.name, p.employeeNo, p.category, p.category.label, p.grade, p.grade.label,
                    u == null ? null : new PersonView.Ref(u.id(), u.name()),
                    d == null ? null : new PersonView.Ref(d.id(), d.name()),
                    v == null ? null : new PersonView.Ref(v.id(), v.name()),
                    domainOrder.stream().filter(x -> p.domainIds.contains(x.id())).map(OrgDirectory.Domain::name).toList(),
                    p.certNo, p.status, p.status.label, p.statusSince, p.idMasked, p.mobile, p.category.supportOnly(),
                    usernames.get(p.id)));
        }
        return out;
    }

    @Transactional
    public Person create(PersonInput in) {
        if (Person.byEmployeeNo(in.employeeNo()).isPresent()) {
            throw ConflictException.on("employeeNo", "person.employee_no_taken", in.employeeNo());
        }
        if (in.idNumber() == null || in.idNumber().isBlank()) {
            throw InvalidException.field("idNumber", "person.id_number_required");
        }
        Person p = new Person();
        p.employeeNo = in.employeeNo();
        p.status = EmploymentStatus.ACTIVE;
        p.statusSince = Now.today();
        apply(p, in);
        p.persist();
        recordStatus(p, FormatWords.of("people").get("status_reason.created"));
        audit.record("person.created", "person", p.id, AuditLog.detail("after", summary(p)));
        changed.fire(new PeopleChanged("person.created"));
        return p;
    }

    @Transactional
    public Person update(long id, PersonInput in) {
        Person p = managed(id);
        if (!p.employeeNo.equals(in.employeeNo())) {
            throw InvalidException.field("employeeNo", "person.employee_no_fixed");
        }
        Map<String, Object> before = summary(p);
        apply(p, in);
        audit.record("person.updated", "person", p.id, AuditLog.detail("before", before, "after", summary(p)));
        changed.fire(new PeopleChanged("person.updated"));
        return p;
    }

    @Transactional
    public Person changeStatus(long id, EmploymentStatus status, LocalDate since, String reason) {
        Person p = managed(id);
        if (status == null || since == null) {
            throw InvalidException.field("status", "person.status_required");
        }
        EmploymentStatus before = p.status;
        p.status = status;
        p.statusSince = since;
        recordStatus(p, reason);
        audit.record("person.status_changed", "person", p.id,
                AuditLog.detail("before", before.name(), "after", status.name(), "since", since.toString(), "reason", reason));
        changed.fire(new PeopleChanged("person.status_changed"));
        return p;
    }

    /**
     * A status change (and transfer) pushed by a machine client of the integration API, recorded
     * and audited as that client. The caller has checked the client's scope and fires
     * {@link PeopleChanged} once for the whole batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeStatusFromMachine(String actor, long personId, EmploymentStatus status, LocalDate since,
            Long unitId, String reason) {
        Person p = Person.findById(personId);
        String before = p.status.name();
        Long beforeUnit = p.unitId;
        p.status = status;
        p.statusSince = since;
        if (unitId != null) {
            p.unitId = unitId;
        }
        PersonStatusChange sc = new PersonStatusChange();
        sc.personId = p.id;
        sc.status = status;
        sc.since = since;
        sc.reason = reason == null ? FormatWords.of("people").get("status_reason.machine") : reason.length() > 200 ? reason.substring(0, 200) : reason;
        sc.recordedBy = actor;
        sc.recordedAt = Now.instant();
        sc.persist();
        audit.recordAs(actor, "person.status_changed", "person", p.id, AuditLog.detail("before", before, "after",
                status.name(), "since", since.toString(), "unitBefore", beforeUnit, "unitAfter", p.unitId, "via",
                "machine API"));
    }

    /** A login for the person (username = employee number) with a one-time initial password. */
    public record NewAccount(long personId, String username, String initialPassword) {
    }

    @Transactional
    public NewAccount createAccount(long personId) {
        Person p = managed(personId);
        if (Account.byPerson(p.id).isPresent() || Account.findByUsername(p.employeeNo).isPresent()) {
            throw ConflictException.on("account", "person.has_account", p.name, p.employeeNo);
        }
        String password = initialPassword();
        Account a = accounts.create(p.employeeNo, p.name, password, Roles.LEARNER, p.unitId, p.providerId, true);
        a.personId = p.id;
        return new NewAccount(p.id, a.username, password);
    }

    /** Accounts for several people at once; people who already have one are skipped. */
    @Transactional
    public List<NewAccount> createAccounts(Collection<Long> personIds) {
        List<NewAccount> created = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(personIds)) {
            Person p = managed(id);
            if (Account.byPerson(p.id).isEmpty() && Account.findByUsername(p.employeeNo).isEmpty()) {
                created.add(createAccount(id));
            }
        }
        return created;
    }

    /** The person, when the current user may change them; 404 otherwise. */
    Person managed(long id) {
        Person p = Person.<Person> findByIdOptional(id).filter(scope::canSee).orElseThrow(
                () -> new NotFoundException("person.not_found", id));
        if (!scope.canManage(p)) {
            throw new io.quarkus.security.ForbiddenException("you may not change this person");
        }
        return p;
    }

    private static final java.util.regex.Pattern EMPLOYEE_NO = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9]\\d{9}");

    private void apply(Person p, PersonInput in) {
        if (in.employeeNo() != null && !EMPLOYEE_NO.matcher(in.employeeNo()).matches()) {
            throw InvalidException.field("employeeNo", "person.employee_no_chars");
        }
        if (in.mobile() != null && !MOBILE.matcher(in.mobile()).matches()) {
            throw InvalidException.field("mobile", "person.mobile_form");
        }
        if (!scope.canManageUnit(in.unitId())) {
            throw new io.quarkus.security.ForbiddenException("unit outside your scope");
        }
        if (!orgDirectory.unitExists(in.unitId())) {
            throw InvalidException.field("unitId", "person.unit_unknown");
        }
        if (in.departmentId() != null) {
            OrgDirectory.Dept d = orgDirectory.department(in.departmentId()).orElse(null);
            if (d == null || d.unitId() != in.unitId()) {
                throw InvalidException.field("departmentId", "person.department_not_of_unit");
            }
        }
        boolean staff = in.category() == PersonCategory.PROVIDER_STAFF;
        if (staff != (in.providerId() != null)) {
            throw InvalidException.field("providerId",
                    staff ? "person.provider_required" : "person.provider_only_for_staff");
        }
        if (in.providerId() != null && !providerDirectory.exists(in.providerId())) {
            throw InvalidException.field("providerId", "person.provider_unknown");
        }
        if (in.idNumber() != null && !in.idNumber().isBlank()) {
            ResidentIds.check("idNumber", in.idNumber()).ifPresent(f -> {
                throw InvalidException.fields(List.of(f));
            });
            String hash = idHasher.hash(in.idNumber());
            Optional<Person> other = Person.find("idHash", hash).firstResultOptional();
            if (other.isPresent() && !other.get().id.equals(p.id)) {
                throw ConflictException.on("idNumber", "person.id_number_taken");
            }
            p.idHash = hash;
            p.idMasked = ResidentIds.mask(in.idNumber());
        }
        p.name = in.name().trim();
        p.category = in.category();
        p.grade = in.grade();
        p.unitId = in.unitId();
        p.departmentId = in.departmentId();
        p.providerId = in.providerId();
        p.certNo = blankToNull(in.certNo());
        p.mobile = blankToNull(in.mobile());
        List<Long> domainIds = in.domainIds() == null ? List.of() : in.domainIds();
        Set<Long> known = orgDirectory.allDomains().stream().map(OrgDirectory.Domain::id).collect(Collectors.toSet());
        if (!known.containsAll(domainIds)) {
            throw InvalidException.field("domainIds", "person.domain_unknown");
        }
        p.domainIds.clear();
        p.domainIds.addAll(domainIds);
    }

    void recordStatus(Person p, String reason) {
        PersonStatusChange c = new PersonStatusChange();
        c.personId = p.id;
        c.status = p.status;
        c.since = p.statusSince;
        c.reason = reason;
        c.recordedBy = user.getUsername() == null ? "system" : user.getUsername();
        c.persist();
    }

    private Map<String, Object> summary(Person p) {
        return summary(p, orgDirectory.domainNames());
    }

    static Map<String, Object> summary(Person p, Map<Long, String> domainNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name);
        m.put("employeeNo", p.employeeNo);
        m.put("category", p.category.name());
        m.put("grade", p.grade.name());
        m.put("unitId", p.unitId);
        m.put("departmentId", p.departmentId);
        m.put("providerId", p.providerId);
        m.put("status", p.status.name());
        m.put("domains", p.domainIds.stream().map(domainNames::get).sorted().toList());
        return m;
    }

    static String initialPassword() {
        String letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        for (int i = 0; i < 3; i++) {
            sb.append(digits.charAt(RANDOM.nextInt(digits.length())));
        }
        return sb.toString();
    }

    private static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private static List<Long> ids(List<Person> people, Function<Person, Long> f) {
        List<Long> ids = people.stream().map(f).filter(java.util.Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }


}
