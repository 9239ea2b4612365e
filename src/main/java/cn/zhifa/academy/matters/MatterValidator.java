package cn.zhifa.academy.matters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.roster.RosterReader;

/**
 * Checks a whole catalogue file before anything is written: every bad cell is reported with
 * its line and column; only a file without errors yields records. Reference data (domains,
 * towns, course, case and question codes, existing matters) is loaded once per file.
 */
@RequestScoped
public class MatterValidator {

    static final int MAX_ROWS = 5_000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern LIST_SEPARATORS = Pattern.compile(MatterColumn.words().get("list.separators"));
    @Inject
    MatterAccess access;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    MatterKnowledge knowledge;

    @Inject
    MatterMessages msg;

    @Inject
    EntityManager em;

    public record Result(List<MatterRecord> records, List<MatterImportError> errors, int dataRows) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result validate(List<RosterReader.Line> lines) {
        List<MatterImportError> errors = new ArrayList<>();
        if (lines.isEmpty()) {
            errors.add(new MatterImportError(1, "", msg.err_empty()));
            return new Result(List.of(), errors, 0);
        }
        Map<MatterColumn, Integer> columns = header(lines.get(0), errors);
        List<RosterReader.Line> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        if (data.isEmpty()) {
            errors.add(new MatterImportError(2, "", msg.err_no_rows()));
        }
        if (data.size() > MAX_ROWS) {
            errors.add(new MatterImportError(1, "", msg.err_too_many(MAX_ROWS, data.size())));
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors, data.size());
        }
        Reference ref = new Reference();
        boolean catalogueEditor = access.canEditCatalogue();
        Map<String, Integer> seen = new HashMap<>();
        List<MatterRecord> records = new ArrayList<>();
        for (RosterReader.Line line : data) {
            Row row = new Row(line, columns, errors);
            String code = row.required(MatterColumn.CODE);
            if (code != null) {
                if (!CODE.matcher(code).matches()) {
                    row.error(MatterColumn.CODE, msg.err_code_format());
                } else if (seen.containsKey(code)) {
                    row.error(MatterColumn.CODE, msg.err_code_duplicate(seen.get(code)));
                } else {
                    seen.put(code, line.number());
                }
            }
            String name = row.required(MatterColumn.NAME);
            if (name != null && name.length() > 200) {
                row.error(MatterColumn.NAME, msg.err_too_long(200));
            }
            Long domainId = null;
            String domain = row.required(MatterColumn.DOMAIN);
            if (domain != null) {
                OrgDirectory.Domain d = ref.domains.get(domain);
                if (d == null) {
                    row.error(MatterColumn.DOMAIN, msg.err_domain(domain));
                } else {
                    domainId = d.id();
                }
            }
            String basis = row.required(MatterColumn.LEGAL_BASIS);
            if (basis != null && basis.length() > 1000) {
                row.error(MatterColumn.LEGAL_BASIS, msg.err_too_long(1000));
            }
            boolean high = false;
            String hf = row.optional(MatterColumn.HIGH_FREQUENCY);
            if (hf != null) {
                Optional<Boolean> b = yesNo(hf);
                if (b.isEmpty()) {
                    row.error(MatterColumn.HIGH_FREQUENCY, msg.err_yes_no(hf));
                } else {
                    high = b.get();
                }
            }
            Set<Long> towns = new LinkedHashSet<>();
            String townText = row.required(MatterColumn.TOWNS);
            if (townText != null) {
                for (String t : LIST_SEPARATORS.split(townText)) {
                    if (t.isBlank()) {
                        continue;
                    }
                    OrgDirectory.Unit u = ref.town(t);
                    if (u == null) {
                        row.error(MatterColumn.TOWNS, ref.ambiguous(t) ? msg.err_town_ambiguous(t) : msg.err_town(t));
                    } else if (!access.inScope(u.id())) {
                        row.error(MatterColumn.TOWNS, msg.err_town_scope(u.name()));
                    } else {
                        towns.add(u.id());
                    }
                }
            }
            LocalDate effective = null;
            String date = row.required(MatterColumn.EFFECTIVE_ON);
            if (date != null) {
                effective = cn.zhifa.academy.platform.web.Dates.spreadsheet(date);
                if (effective == null) {
                    row.error(MatterColumn.EFFECTIVE_ON, msg.err_date(date));
                }
            }
            List<String> kps = codes(row, MatterColumn.KNOWLEDGE_POINTS, c -> knowledge.exists(c).orElse(true),
                    msg::err_knowledge_point);
            List<String> courses = codes(row, MatterColumn.COURSES, ref.courses::contains, msg::err_course);
            List<String> cases = codes(row, MatterColumn.CASES, ref.cases::contains, msg::err_case);
            List<String> questions = codes(row, MatterColumn.QUESTIONS, ref.questions::contains, msg::err_question);
            for (var e : Map.of(MatterColumn.KNOWLEDGE_POINTS, kps, MatterColumn.COURSES, courses, MatterColumn.CASES,
                    cases).entrySet()) {
                if (String.join(",", e.getValue()).length() > 500) {
                    row.error(e.getKey(), msg.err_too_long(500));
                }
            }
            if (String.join(",", questions).length() > 1000) {
                row.error(MatterColumn.QUESTIONS, msg.err_too_long(1000));
            }
            if (!row.failed) {
                MatterRecord r = new MatterRecord(line.number(), code, name, domainId, basis, high, towns, effective, kps,
                        courses, cases, questions);
                DelegatedMatter existing = ref.matters.get(code);
                if (!catalogueEditor && (existing == null || !sameEntry(existing, r))) {
                    row.error(MatterColumn.CODE, existing == null ? msg.err_new_needs_city() : msg.err_change_needs_city());
                } else {
                    records.add(r);
                }
            }
        }
        return new Result(errors.isEmpty() ? records : List.of(), errors, data.size());
    }

    /** Whether the catalogue fields (everything but the towns) of the row equal the stored matter. */
    static boolean sameEntry(DelegatedMatter m, MatterRecord r) {
        return m.name.equals(r.name()) && m.domainId == r.domainId() && m.legalBasis.equals(r.legalBasis())
                && m.highFrequency == r.highFrequency() && m.effectiveOn.equals(r.effectiveOn())
                && m.knowledgePointList().equals(r.knowledgePoints()) && m.courseCodeList().equals(r.courses())
                && m.caseCodeList().equals(r.cases()) && m.questionCodeList().equals(r.questions());
    }

    static Optional<Boolean> yesNo(String v) {
        String w = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (MatterColumn.words().list("yes").contains(w)) {
            return Optional.of(true);
        }
        return MatterColumn.words().list("no").contains(w) ? Optional.of(false) : Optional.empty();
    }

    private List<String> codes(Row row, MatterColumn c, java.util.function.Predicate<String> known,
            java.util.function.Function<String, String> unknown) {
        String v = row.optional(c);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String code : LIST_SEPARATORS.split(v)) {
            if (code.isBlank() || out.contains(code)) {
                continue;
            }
            if (!known.test(code)) {
                row.error(c, unknown.apply(code));
            } else {
                out.add(code);
            }
        }
        return out;
    }

    private Map<MatterColumn, Integer> header(RosterReader.Line head, List<MatterImportError> errors) {
        Map<MatterColumn, Integer> columns = new EnumMap<>(MatterColumn.class);
        for (int i = 0; i < head.cells().size(); i++) {
            String h = head.cells().get(i);
            if (h == null || h.isBlank()) {
                continue;
            }
            Optional<MatterColumn> c = MatterColumn.byHeader(h);
            if (c.isEmpty()) {
                errors.add(new MatterImportError(1, h, msg.err_unknown_column(h)));
            } else if (columns.containsKey(c.get())) {
                errors.add(new MatterImportError(1, h, msg.err_duplicate_column(h)));
            } else {
                columns.put(c.get(), i);
            }
        }
        Arrays.stream(MatterColumn.values()).filter(c -> c.required && !columns.containsKey(c))
                .forEach(c -> errors.add(new MatterImportError(1, c.header, msg.err_missing_column(c.header))));
        return columns;
    }


    /** Reference data for one file. */
    private final class Reference {
        final Map<String, OrgDirectory.Domain> domains = new HashMap<>();
        final Map<String, OrgDirectory.Unit> townsByCode = new HashMap<>();
        final Map<String, List<OrgDirectory.Unit>> townsByName = new HashMap<>();
        final Set<String> courses = new HashSet<>();
        final Set<String> cases = new HashSet<>();
        final Set<String> questions = new HashSet<>();
        final Map<String, DelegatedMatter> matters = new HashMap<>();

        @SuppressWarnings("unchecked")
        Reference() {
            orgDirectory.allDomains().forEach(d -> {
                domains.put(d.name(), d);
                domains.put(d.code(), d);
            });
            for (OrgDirectory.Unit u : orgDirectory.unitsAt(OrgLevel.TOWN)) {
                townsByCode.put(u.code(), u);
                townsByName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
            }
            courses.addAll(em.createNativeQuery("SELECT code FROM course WHERE status <> 'ARCHIVED'").getResultList());
            cases.addAll(em.createNativeQuery("SELECT code FROM typical_case").getResultList());
            questions.addAll(em.createNativeQuery("SELECT code FROM question WHERE status = 'ACTIVE'").getResultList());
            DelegatedMatter.<DelegatedMatter> listAll().forEach(m -> matters.put(m.code, m));
        }

        OrgDirectory.Unit town(String t) {
            OrgDirectory.Unit u = townsByCode.get(t);
            if (u != null) {
                return u;
            }
            List<OrgDirectory.Unit> named = townsByName.getOrDefault(t, List.of());
            return named.size() == 1 ? named.get(0) : null;
        }

        boolean ambiguous(String t) {
            return townsByName.getOrDefault(t, List.of()).size() > 1;
        }
    }

    /** Cell access for one line, recording errors against it. */
    private final class Row {
        final RosterReader.Line line;
        final Map<MatterColumn, Integer> columns;
        final List<MatterImportError> errors;
        boolean failed;

        Row(RosterReader.Line line, Map<MatterColumn, Integer> columns, List<MatterImportError> errors) {
            this.line = line;
            this.columns = columns;
            this.errors = errors;
        }

        String optional(MatterColumn c) {
            Integer i = columns.get(c);
            if (i == null || i >= line.cells().size()) {
                return null;
            }
            String v = line.cells().get(i);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String required(MatterColumn c) {
            String v = optional(c);
            if (v == null) {
                error(c, msg.err_required(c.header));
            }
            return v;
        }

        void error(MatterColumn c, String message) {
            failed = true;
            errors.add(new MatterImportError(line.number(), c.header, message));
        }
    }
}
