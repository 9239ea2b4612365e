package cn.zhifa.academy.people.roster;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.IdNumberHasher;
import cn.zhifa.academy.people.PeopleScope;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.people.ResidentIds;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.provider.CreditCodes;
import cn.zhifa.academy.provider.ProviderDirectory;

/**
 * Checks a whole roster before anything is written: every bad cell is reported with its line
 * and column; only a roster without errors yields records. Reference data (units,
 * departments, domains, providers, existing people) is loaded once per file, not per row.
 */
@RequestScoped
public class RosterValidator {

    @Inject
    OrgDirectory orgDirectory;

    static final int MAX_ROWS = 20_000;
    private static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LIST_SEPARATORS = Pattern.compile(RosterColumn.words().get("domain_separators"));

    @Inject
    IdNumberHasher idHasher;

    @Inject
    ProviderDirectory providerDirectory;

    @Inject
    PeopleScope scope;

    /**
     * The outcome: records when there are no errors. {@code people}: the existing people of the
     * file by employee number, loaded once with their domains (issue 16: the commit writes to
     * these instead of loading them again).
     */
    public record Result(List<RosterRecord> records, List<RosterError> errors, int dataRows, Map<String, Person> people) {
        public Result(List<RosterRecord> records, List<RosterError> errors, int dataRows) {
            this(records, errors, dataRows, Map.of());
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** An existing person as far as the import needs to know. */
    public record Existing(long id, long unitId, String idHash) {
    }

    public Result validate(List<RosterReader.Line> lines) {
        return validate(lines, false);
    }

    /** See {@link RosterCells#TOKEN}. */
    public static final String TOKEN = RosterCells.TOKEN;

    public Result validate(List<RosterReader.Line> lines, boolean pseudonymised) {
        List<RosterError> errors = new ArrayList<>();
        if (lines.isEmpty()) {
            errors.add(RosterError.of(1, "", "roster.empty_file"));
            return new Result(List.of(), errors, 0);
        }
        Map<RosterColumn, Integer> columns = RosterHeader.read(lines.get(0), errors);
        List<RosterReader.Line> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        if (data.isEmpty()) {
            errors.add(RosterError.of(2, "", "roster.no_data"));
        }
        if (data.size() > MAX_ROWS) {
            errors.add(RosterError.of(1, "", "roster.too_many_rows", MAX_ROWS, data.size()));
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors, data.size());
        }

        Reference ref = new Reference(data, columns, pseudonymised);
        Map<String, Integer> seenNo = new HashMap<>();
        Map<String, Integer> seenId = new HashMap<>();
        List<RosterRecord> records = new ArrayList<>(data.size());
        for (RosterReader.Line line : data) {
            RosterRow row = new RosterRow(line, columns, errors);
            String name = row.required(RosterColumn.NAME);
            if (name != null && name.length() > 50) {
                row.error(RosterColumn.NAME, "roster.name_too_long");
            }
            String no = row.required(RosterColumn.EMPLOYEE_NO);
            if (no != null) {
                if (!EMPLOYEE_NO.matcher(no).matches()) {
                    row.error(RosterColumn.EMPLOYEE_NO, "roster.employee_no_form");
                } else if (seenNo.containsKey(no)) {
                    row.error(RosterColumn.EMPLOYEE_NO, "roster.employee_no_repeated", seenNo.get(no));
                } else {
                    seenNo.put(no, line.number());
                }
            }
            String idHash = null;
            String idMasked = null;
            String id = row.required(RosterColumn.ID_NUMBER);
            if (id != null) {
                Optional<String[]> tok = pseudonymised ? RosterCells.token(id) : Optional.empty();
                Optional<FieldError> bad = tok.isPresent() ? Optional.empty()
                        : storedAsNumber(id).or(() -> ResidentIds.check(RosterColumn.ID_NUMBER.header, id));
                if (bad.isPresent()) {
                    row.error(RosterColumn.ID_NUMBER, bad.get());
                } else {
                    idHash = tok.isPresent() ? tok.get()[0] : idHasher.hash(id);
                    idMasked = tok.isPresent() ? tok.get()[1] : ResidentIds.mask(id);
                    if (seenId.containsKey(idHash)) {
                        row.error(RosterColumn.ID_NUMBER, "roster.id_number_repeated", seenId.get(idHash));
                    } else {
                        seenId.put(idHash, line.number());
                        String owner = ref.employeeNoByIdHash.get(idHash);
                        if (owner != null && !owner.equals(no)) {
                            row.error(RosterColumn.ID_NUMBER, "roster.id_number_of_other", owner);
                        }
                    }
                }
            }
            PersonCategory category = row.parse(RosterColumn.CATEGORY, PersonCategory::fromLabel,
                    "roster.category_expected");
            Grade grade = row.parse(RosterColumn.GRADE, Grade::fromLabel, "roster.grade_expected");
            OrgDirectory.Unit unit = ref.unit(row);
            Long departmentId = null;
            String depName = row.optional(RosterColumn.DEPARTMENT);
            if (depName != null && unit != null) {
                OrgDirectory.Dept d = ref.departments.get(unit.id() + "|" + depName);
                if (d == null) {
                    row.error(RosterColumn.DEPARTMENT, "roster.department_unknown", unit.name(), depName);
                } else {
                    departmentId = d.id();
                }
            }
            List<Long> domainIds = new ArrayList<>();
            String domains = row.optional(RosterColumn.DOMAINS);
            if (domains != null) {
                for (String dn : LIST_SEPARATORS.split(domains)) {
                    if (dn.isBlank()) {
                        continue;
                    }
                    OrgDirectory.Domain d = ref.domains.get(dn);
                    if (d == null) {
                        row.error(RosterColumn.DOMAINS, "roster.domain_unknown", dn);
                    } else if (!domainIds.contains(d.id())) {
                        domainIds.add(d.id());
                    }
                }
            }
            String cert = row.optional(RosterColumn.CERT_NO);
            if (cert != null && category != null && category.supportOnly()) {
                row.error(RosterColumn.CERT_NO, "roster.cert_not_for", category.label);
            }
            if (cert != null && cert.length() > 32) {
                row.error(RosterColumn.CERT_NO, "roster.cert_too_long");
            }
            EmploymentStatus status = null; // not given: keep a known person's status
            if (row.optional(RosterColumn.STATUS) != null) {
                status = row.parse(RosterColumn.STATUS, EmploymentStatus::fromLabel, "roster.status_expected");
            }
            LocalDate since = null;
            String sinceText = row.optional(RosterColumn.STATUS_SINCE);
            if (sinceText != null) {
                since = RosterCells.parseDate(sinceText);
                if (since == null) {
                    row.error(RosterColumn.STATUS_SINCE, "roster.date_form");
                }
            }
            String mobile = row.optional(RosterColumn.MOBILE);
            if (mobile != null && !MOBILE.matcher(mobile).matches()) {
                row.error(RosterColumn.MOBILE, "roster.mobile_form");
            }
            Long providerId = null;
            String code = row.optional(RosterColumn.PROVIDER_CODE);
            if (category == PersonCategory.PROVIDER_STAFF && code == null) {
                row.error(RosterColumn.PROVIDER_CODE, "roster.provider_code_required");
            } else if (category != null && category != PersonCategory.PROVIDER_STAFF && code != null) {
                row.error(RosterColumn.PROVIDER_CODE, "roster.provider_code_only_for_staff");
            } else if (code != null) {
                Optional<FieldError> bad = CreditCodes.check(RosterColumn.PROVIDER_CODE.header, code);
                if (bad.isPresent()) {
                    row.error(RosterColumn.PROVIDER_CODE, bad.get());
                } else {
                    ProviderDirectory.ProviderSummary p = ref.providers.get(CreditCodes.normalise(code));
                    if (p == null) {
                        row.error(RosterColumn.PROVIDER_CODE, "roster.provider_unknown", code);
                    } else {
                        providerId = p.id();
                    }
                }
            }
            Existing existing = no == null ? null : ref.existing.get(no);
            if (existing != null && !scope.canManageUnit(existing.unitId())) {
                row.error(RosterColumn.EMPLOYEE_NO, "roster.employee_no_out_of_scope");
            }
            if (!row.failed) {
                records.add(new RosterRecord(line.number(), name, no, idHash, idMasked, category, grade, unit.id(),
                        departmentId, List.copyOf(domainIds), cert, status, since, mobile, providerId));
            }
        }
        return new Result(errors.isEmpty() ? records : List.of(), errors, data.size(), ref.people);
    }

    /** The existing people of the file, with their domains, by employee number (chunks of 1,000). */
    private static Map<String, Person> loadPeople(List<String> employeeNos) {
        Map<String, Person> out = new HashMap<>();
        for (int i = 0; i < employeeNos.size(); i += 1000) {
            List<String> chunk = employeeNos.subList(i, Math.min(employeeNos.size(), i + 1000));
            Person.getEntityManager()
                    .createQuery("SELECT DISTINCT p FROM Person p LEFT JOIN FETCH p.domainIds WHERE p.employeeNo IN :nos",
                            Person.class)
                    .setParameter("nos", chunk).getResultList().forEach(p -> out.put(p.employeeNo, p));
        }
        return out;
    }

    /** Reference data for one file. */
    private final class Reference {
        final Map<String, OrgDirectory.Unit> unitsByCode = new HashMap<>();
        final Map<String, List<OrgDirectory.Unit>> unitsByName = new HashMap<>();
        final Map<String, OrgDirectory.Dept> departments = new HashMap<>();
        final Map<String, OrgDirectory.Domain> domains = new HashMap<>();
        final Map<String, ProviderDirectory.ProviderSummary> providers = new HashMap<>();
        final Map<String, Existing> existing = new HashMap<>();
        final Map<String, Person> people;
        final Map<String, String> employeeNoByIdHash = new HashMap<>();

        Reference(List<RosterReader.Line> data, Map<RosterColumn, Integer> columns, boolean pseudonymised) {
            for (OrgDirectory.Unit u : orgDirectory.allUnits()) {
                unitsByCode.put(u.code(), u);
                unitsByName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
            }
            for (OrgDirectory.Dept d : orgDirectory.allDepartments()) {
                departments.put(d.unitId() + "|" + d.name(), d);
            }
            orgDirectory.allDomains().forEach(d -> domains.put(d.name(), d));
            providerDirectory.all().forEach(p -> providers.put(p.creditCode(), p));
            int noCol = columns.get(RosterColumn.EMPLOYEE_NO);
            people = loadPeople(data.stream().map(l -> noCol < l.cells().size() ? l.cells().get(noCol) : "")
                    .filter(s -> !s.isBlank()).distinct().toList());
            people.forEach((no, p) -> existing.put(no, new Existing(p.id, p.unitId, p.idHash)));
            int idCol = columns.get(RosterColumn.ID_NUMBER);
            List<String> hashes = data.stream().map(l -> idCol < l.cells().size() ? l.cells().get(idCol) : "")
                    .map(cell -> pseudonymised && RosterCells.token(cell).isPresent() ? RosterCells.token(cell).get()[0]
                            : ResidentIds.isValid(cell) ? idHasher.hash(cell) : null)
                    .filter(Objects::nonNull).distinct().toList();
            for (int i = 0; i < hashes.size(); i += 1000) {
                List<String> chunk = hashes.subList(i, Math.min(hashes.size(), i + 1000));
                Person.getEntityManager()
                        .createQuery("SELECT p.idHash, p.employeeNo FROM Person p WHERE p.idHash IN :h", Object[].class)
                        .setParameter("h", chunk).getResultList()
                        .forEach(r -> employeeNoByIdHash.put((String) r[0], (String) r[1]));
            }
        }

        OrgDirectory.Unit unit(RosterRow row) {
            String u = row.required(RosterColumn.UNIT);
            if (u == null) {
                return null;
            }
            OrgDirectory.Unit unit = unitsByCode.get(u);
            if (unit == null) {
                List<OrgDirectory.Unit> named = unitsByName.getOrDefault(u, List.of());
                if (named.size() > 1) {
                    row.error(RosterColumn.UNIT, "roster.unit_ambiguous", u);
                    return null;
                }
                unit = named.isEmpty() ? null : named.get(0);
            }
            if (unit == null) {
                row.error(RosterColumn.UNIT, "roster.unit_unknown", u);
                return null;
            }
            if (!scope.canManageUnit(unit.id())) {
                row.error(RosterColumn.UNIT, "roster.unit_out_of_scope", unit.name());
                return null;
            }
            return unit;
        }
    }

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee]\\+?\\d{1,2}");
    private static final Pattern ZEROED = Pattern.compile("\\d{13,18}");

    /**
     * An ID cell a spreadsheet program kept as a number (issue 13 item 11): shown in scientific
     * notation (3.3020319900101E+17) or with its last digits turned into zeros (a number has only
     * 15 significant digits). The digits are lost, so the message says what happened and how to fix it.
     */
    static Optional<FieldError> storedAsNumber(String id) {
        String v = id.trim();
        String column = RosterColumn.ID_NUMBER.header;
        if (SCIENTIFIC.matcher(v).matches()) {
            return Optional.of(new FieldError(column, "roster.id_scientific", v));
        }
        if (ZEROED.matcher(v).matches() && v.endsWith("000") && !ResidentIds.isValid(v)) {
            return Optional.of(new FieldError(column, "roster.id_zeroed", v));
        }
        return Optional.empty();
    }
}
