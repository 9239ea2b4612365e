package cn.zhifa.academy.matters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Resolves a matter's training material to records: the courses, cases and questions named
 * directly, plus those carrying one of its knowledge points.
 */
@ApplicationScoped
public class MatterMaterials {

    @Inject
    MatterKnowledge knowledge;

    @Inject
    EntityManager em;

    public record Materials(Set<Long> courseIds, Set<Long> caseIds, Set<Long> questionIds) {
    }

    public Materials of(DelegatedMatter m) {
        Set<Long> courses = new LinkedHashSet<>(ids("course", m.courseCodeList()));
        Set<Long> cases = new LinkedHashSet<>(ids("typical_case", m.caseCodeList()));
        Set<Long> questions = new LinkedHashSet<>(ids("question", m.questionCodeList()));
        for (String kp : m.knowledgePointList()) {
            courses.addAll(knowledge.courseIds(kp));
            cases.addAll(knowledge.caseIds(kp));
            questions.addAll(knowledge.questionIds(kp));
        }
        return new Materials(courses, cases, questions);
    }

    /** A high-frequency matter of a town and the published courses it names or reaches through its knowledge points. */
    public record MatterCourses(long id, String code, String name, List<MatterKnowledge.Course> courses) {
    }

    /** The town of a person and its high-frequency matters in code order, for the learning path of 我的学习. */
    public record TownMatters(String townName, List<MatterCourses> matters) {
    }

    /**
     * The person's town (their unit, when it is a town) with its high-frequency matters and their
     * published courses, in at most two statements whatever the number of matters and knowledge
     * points (issue 16; it was six plus one per knowledge point): the person, unit, matters and
     * named courses in one, the courses of all knowledge points in the other. Empty when the
     * person's unit is not a town or the town has no high-frequency matter. The courses are
     * those {@link #of} gives as {@code courseIds}, published ones only.
     */
    @SuppressWarnings("unchecked")
    public Optional<TownMatters> townMatters(long personId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT u.name AS town, m.id, m.code, m.name, m.knowledge_points, c.id AS course_id, c.code AS course_code,
                       v.title, v.id AS version_id
                  FROM person p
                  JOIN org_unit u ON u.id = p.unit_id AND u.level = 'TOWN'
                  JOIN delegated_matter_town t ON t.unit_id = u.id
                  JOIN delegated_matter m ON m.id = t.matter_id AND m.high_frequency
                  LEFT JOIN LATERAL unnest(string_to_array(m.course_codes, ',')) AS named(code) ON true
                  LEFT JOIN course c ON c.code = btrim(named.code) AND c.status = 'PUBLISHED'
                  LEFT JOIN course_version v ON v.id = c.published_version_id
                 WHERE p.id = ?1
                 ORDER BY m.code, c.code""").setParameter(1, personId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Object[]> matters = new LinkedHashMap<>();
        Map<Long, Map<Long, MatterKnowledge.Course>> courses = new HashMap<>();
        Set<String> points = new LinkedHashSet<>();
        Map<Long, List<String>> pointsOf = new HashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[1]).longValue();
            if (matters.putIfAbsent(id, r) == null) {
                List<String> own = DelegatedMatter.split((String) r[4]);
                pointsOf.put(id, own);
                points.addAll(own);
            }
            if (r[8] != null) {
                long course = ((Number) r[5]).longValue();
                courses.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(course, new MatterKnowledge.Course(
                        course, (String) r[6], (String) r[7], ((Number) r[8]).longValue()));
            }
        }
        Map<String, List<MatterKnowledge.Course>> tagged = points.isEmpty() ? Map.of() : knowledge.publishedCourses(points);
        List<MatterCourses> out = new ArrayList<>();
        matters.forEach((id, r) -> {
            Map<Long, MatterKnowledge.Course> mine = courses.computeIfAbsent(id, k -> new LinkedHashMap<>());
            for (String kp : pointsOf.get(id)) {
                tagged.getOrDefault(kp, List.of()).forEach(c -> mine.putIfAbsent(c.id(), c));
            }
            out.add(new MatterCourses(id, (String) r[2], (String) r[3], List.copyOf(mine.values())));
        });
        return Optional.of(new TownMatters((String) rows.get(0)[0], out));
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String table, List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT id FROM " + table + " WHERE code IN (:codes) ORDER BY code")
                .setParameter("codes", codes).getResultList()) {
            out.add(((Number) id).longValue());
        }
        return out;
    }
}
