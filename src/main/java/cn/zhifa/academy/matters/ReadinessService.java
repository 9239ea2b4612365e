package cn.zhifa.academy.matters;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.qualification.QualificationJobs;

/**
 * Readiness of each town for each matter it received (赋权事项承接能力): among the town's active
 * officers (人员类别 执法人员, 在岗), how many hold a valid qualification in the matter's domain;
 * the share who completed all of the matter's published courses; how the town's officers
 * answered the matter's questions in graded exams (an answer passes with full points); and the
 * review findings on its case files when the review module provides them. A cell is red when the
 * town holds the matter and none of its officers is qualified for it.
 */
@ApplicationScoped
public class ReadinessService {

    @Inject
    EntityManager em;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory directory;

    @Inject
    MatterAccess access;

    @Inject
    MatterMaterials materials;

    @Inject
    ReviewFindingsPort findings;

    @Inject
    QualificationJobs clock;

    @Inject
    MatterMessages msg;

    /** One town × matter cell. Percentages are null when there is nothing to measure. */
    public record Cell(long townId, String townName, String townCode, long matterId, String matterCode,
            String matterName, String domainName, boolean highFrequency, int officers, int qualified,
            int courseCount, int completers, Integer completedPercent, int answered, int correct,
            Integer passPercent, Long findings, boolean red) {
    }

    /** A town and its cells. */
    public record TownRow(long townId, String townName, String townCode, int officers, List<Cell> cells) {
        public long redCount() {
            return cells.stream().filter(Cell::red).count();
        }
    }

    /** One officer of a cell, for the drill-down. */
    public record PersonLine(long personId, String name, String employeeNo, String qualificationNumber,
            int coursesDone, int courseCount, int answered, int correct, boolean qualified) {
    }

    public record Drill(Cell cell, List<PersonLine> people) {
    }

    /** Every cell of the towns the viewer may see, towns in tree order, matters by code. */
    @Transactional
    public List<TownRow> grid() {
        List<OrgDirectory.Unit> towns = access.towns();
        List<TownRow> out = new ArrayList<>();
        if (towns.isEmpty()) {
            return out;
        }
        Data data = new Data(towns.stream().map(OrgDirectory.Unit::id).toList());
        for (OrgDirectory.Unit t : towns) {
            List<Cell> cells = new ArrayList<>();
            for (DelegatedMatter m : data.mattersOf(t.id())) {
                cells.add(cell(t, m, data));
            }
            // red cells first: what a district has to act on
            cells.sort(Comparator.comparing((Cell c) -> !c.red()).thenComparing(Cell::matterCode));
            out.add(new TownRow(t.id(), t.name(), t.code(), data.officers(t.id()).size(), cells));
        }
        return out;
    }

    /** One cell and its officers; 404 for a town outside the viewer's scope or a matter the town does not hold. */
    @Transactional
    public Drill drill(long townId, long matterId) {
        OrgDirectory.Unit t = access.towns().stream().filter(u -> u.id() == townId).findFirst()
                .orElseThrow(() -> new NotFoundException("matters.no_cell"));
        Data data = new Data(List.of(t.id()));
        DelegatedMatter m = data.mattersOf(t.id()).stream().filter(x -> x.id == matterId).findFirst()
                .orElseThrow(() -> new NotFoundException("matters.no_cell"));
        Cell cell = cell(t, m, data);
        MatterMaterials.Materials mat = data.materials(m);
        Set<Long> courses = data.publishedCourses(mat);
        String domain = data.domainCode(m);
        List<PersonLine> people = new ArrayList<>();
        for (PersonSummary p : data.officers(t.id())) {
            int[] answers = data.answers(p.id(), mat.questionIds());
            people.add(new PersonLine(p.id(), p.name(), p.employeeNo(), data.qualification(p.id(), domain),
                    (int) courses.stream().filter(c -> data.completed(p.id(), c)).count(), courses.size(), answers[0],
                    answers[1], data.qualification(p.id(), domain) != null));
        }
        people.sort(Comparator.comparing(PersonLine::qualified).thenComparing(PersonLine::employeeNo));
        return new Drill(cell, people);
    }

    private Cell cell(OrgDirectory.Unit t, DelegatedMatter m, Data data) {
        List<PersonSummary> officers = data.officers(t.id());
        String domain = data.domainCode(m);
        int qualified = (int) officers.stream().filter(p -> data.qualification(p.id(), domain) != null).count();
        MatterMaterials.Materials mat = data.materials(m);
        Set<Long> courses = data.publishedCourses(mat);
        int completers = courses.isEmpty() ? 0
                : (int) officers.stream().filter(p -> courses.stream().allMatch(c -> data.completed(p.id(), c))).count();
        Integer completedPercent = courses.isEmpty() || officers.isEmpty() ? null : completers * 100 / officers.size();
        int answered = 0;
        int correct = 0;
        for (PersonSummary p : officers) {
            int[] a = data.answers(p.id(), mat.questionIds());
            answered += a[0];
            correct += a[1];
        }
        Integer pass = answered == 0 ? null : correct * 100 / answered;
        OptionalLong f = findings.findings(t.id(), m.code, m.name);
        return new Cell(t.id(), t.name(), t.code(), m.id, m.code, m.name, data.domainName(m), m.highFrequency,
                officers.size(), qualified, courses.size(), completers, completedPercent, answered, correct, pass,
                f.isPresent() ? f.getAsLong() : null, qualified == 0);
    }

    /** The grid as a spreadsheet: one row per cell, red cells filled. */
    @Transactional
    public byte[] xlsx() throws IOException {
        List<String> headers = List.of(msg.col_town(), msg.col_code(), msg.col_matter(), msg.col_domain(),
                msg.col_high(), msg.col_officers(), msg.col_qualified(), msg.col_courses(), msg.col_completers(),
                msg.col_completed_pct(), msg.col_answered(), msg.col_pass_pct(), msg.col_findings(), msg.col_status());
        List<List<Object>> rows = new ArrayList<>();
        List<boolean[]> red = new ArrayList<>();
        for (TownRow t : grid()) {
            for (Cell c : t.cells()) {
                List<Object> r = new ArrayList<>();
                r.add(c.townName());
                r.add(c.matterCode());
                r.add(c.matterName());
                r.add(c.domainName());
                r.add(c.highFrequency() ? msg.yes() : msg.no());
                r.add(c.officers());
                r.add(c.qualified());
                r.add(c.courseCount());
                r.add(c.completers());
                r.add(c.completedPercent() == null ? "—" : c.completedPercent());
                r.add(c.answered());
                r.add(c.passPercent() == null ? "—" : c.passPercent());
                r.add(c.findings() == null ? "—" : c.findings());
                r.add(c.red() ? msg.status_red() : msg.status_ok());
                rows.add(r);
                boolean[] mark = new boolean[headers.size()];
                if (c.red()) {
                    mark[6] = true;
                    mark[13] = true;
                }
                red.add(mark);
            }
        }
        return MatterXlsx.table(msg.sheet_readiness(), headers, rows, red);
    }

    /** The officers of one cell as a spreadsheet. */
    @Transactional
    public byte[] drillXlsx(long townId, long matterId) throws IOException {
        Drill d = drill(townId, matterId);
        List<String> headers = List.of(msg.col_name(), msg.col_employee_no(), msg.col_qualification(),
                msg.col_courses_done(), msg.col_answers());
        List<List<Object>> rows = new ArrayList<>();
        List<boolean[]> red = new ArrayList<>();
        for (PersonLine p : d.people()) {
            rows.add(List.of(p.name(), p.employeeNo(), p.qualified() ? p.qualificationNumber() : msg.none(),
                    p.coursesDone() + "/" + p.courseCount(), p.correct() + "/" + p.answered()));
            boolean[] mark = new boolean[headers.size()];
            mark[2] = !p.qualified();
            red.add(mark);
        }
        return MatterXlsx.table(d.cell().townName(), headers, rows, red);
    }

    /** Everything the cells of some towns need, loaded with a handful of queries. */
    private final class Data {
        final LocalDate today = clock.today();
        final Map<Long, List<PersonSummary>> officers = new HashMap<>();
        final Map<Long, List<DelegatedMatter>> matters = new LinkedHashMap<>();
        final Map<Long, OrgDirectory.Domain> domains = new HashMap<>();
        /** person id → domain code → qualification number */
        final Map<Long, Map<String, String>> qualifications = new HashMap<>();
        final Set<String> completions = new HashSet<>();
        /** person id → question id → {answered, correct} */
        final Map<Long, Map<Long, int[]>> answers = new HashMap<>();
        final Map<Long, MatterMaterials.Materials> materialCache = new HashMap<>();
        final Set<Long> published = new HashSet<>();

        @SuppressWarnings("unchecked")
        Data(List<Long> townIds) {
            orgDirectory.allDomains().forEach(d -> domains.put(d.id(), d));
            for (PersonSummary p : directory.activeIn(townIds, PersonCategory.OFFICER)) {
                officers.computeIfAbsent(p.unitId(), k -> new ArrayList<>()).add(p);
            }
            for (DelegatedMatter m : em.createQuery("SELECT DISTINCT m FROM DelegatedMatter m JOIN m.townIds t "
                    + "WHERE t IN :towns ORDER BY m.code", DelegatedMatter.class).setParameter("towns", townIds)
                    .getResultList()) {
                for (Long t : m.townIds) {
                    if (townIds.contains(t)) {
                        matters.computeIfAbsent(t, k -> new ArrayList<>()).add(m);
                    }
                }
            }
            List<Long> people = officers.values().stream().flatMap(List::stream).map(p -> p.id()).toList();
            if (people.isEmpty()) {
                return;
            }
            for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT person_id, domain_code, number "
                    + "FROM qualification WHERE state = 'VALID' AND expires_on >= :today AND person_id IN (:p) "
                    + "ORDER BY number").setParameter("today", today).setParameter("p", people).getResultList()) {
                qualifications.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
                        .putIfAbsent((String) r[1], (String) r[2]);
            }
            for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT person_id, course_id FROM enrollment "
                    + "WHERE completed_at IS NOT NULL AND person_id IN (:p)").setParameter("p", people).getResultList()) {
                completions.add(((Number) r[0]).longValue() + ":" + ((Number) r[1]).longValue());
            }
            for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT a.person_id, qv.question_id, count(*), "
                    + "sum(CASE WHEN i.score >= i.points THEN 1 ELSE 0 END) FROM attempt_item i "
                    + "JOIN exam_attempt a ON a.id = i.attempt_id JOIN question_version qv ON qv.id = i.question_version_id "
                    + "WHERE i.score IS NOT NULL AND a.person_id IN (:p) GROUP BY a.person_id, qv.question_id")
                    .setParameter("p", people).getResultList()) {
                answers.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>()).put(
                        ((Number) r[1]).longValue(), new int[] { ((Number) r[2]).intValue(), ((Number) r[3]).intValue() });
            }
            for (Object id : em.createNativeQuery("SELECT id FROM course WHERE status = 'PUBLISHED'").getResultList()) {
                published.add(((Number) id).longValue());
            }
        }

        List<PersonSummary> officers(long townId) {
            return officers.getOrDefault(townId, List.of());
        }

        List<DelegatedMatter> mattersOf(long townId) {
            return matters.getOrDefault(townId, List.of());
        }

        String domainCode(DelegatedMatter m) {
            return domains.get(m.domainId).code();
        }

        String domainName(DelegatedMatter m) {
            return domains.get(m.domainId).name();
        }

        String qualification(long personId, String domainCode) {
            return qualifications.getOrDefault(personId, Map.of()).get(domainCode);
        }

        boolean completed(long personId, long courseId) {
            return completions.contains(personId + ":" + courseId);
        }

        MatterMaterials.Materials materials(DelegatedMatter m) {
            return materialCache.computeIfAbsent(m.id, k -> materials.of(m));
        }

        Set<Long> publishedCourses(MatterMaterials.Materials mat) {
            return mat.courseIds().stream().filter(published::contains).collect(Collectors.toCollection(
                    java.util.LinkedHashSet::new));
        }

        int[] answers(long personId, Set<Long> questionIds) {
            int[] out = new int[2];
            Map<Long, int[]> mine = answers.getOrDefault(personId, Map.of());
            for (Long q : questionIds) {
                int[] a = mine.get(q);
                if (a != null) {
                    out[0] += a[0];
                    out[1] += a[1];
                }
            }
            return out;
        }
    }
}
