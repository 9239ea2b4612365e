package cn.zhifa.academy.matters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * The courses the matters name or reach through their knowledge points, per matter id — what
     * {@link #of} gives as {@code courseIds}, without cases and questions and with one query for
     * every matter's named courses (plus one per distinct knowledge point), for the learning path.
     */
    public java.util.Map<Long, Set<Long>> courseIdsOf(List<DelegatedMatter> matters) {
        Set<String> codes = new LinkedHashSet<>();
        matters.forEach(m -> codes.addAll(m.courseCodeList()));
        java.util.Map<String, Long> byCode = new java.util.HashMap<>();
        if (!codes.isEmpty()) {
            for (Object row : em.createNativeQuery("SELECT code, id FROM course WHERE code IN (:codes)")
                    .setParameter("codes", codes).getResultList()) {
                Object[] r = (Object[]) row;
                byCode.put((String) r[0], ((Number) r[1]).longValue());
            }
        }
        java.util.Map<String, List<Long>> byPoint = new java.util.HashMap<>();
        java.util.Map<Long, Set<Long>> out = new java.util.LinkedHashMap<>();
        for (DelegatedMatter m : matters) {
            Set<Long> ids = new LinkedHashSet<>();
            m.courseCodeList().stream().sorted().map(byCode::get).filter(java.util.Objects::nonNull).forEach(ids::add);
            for (String kp : m.knowledgePointList()) {
                ids.addAll(byPoint.computeIfAbsent(kp, knowledge::courseIds));
            }
            out.put(m.id, ids);
        }
        return out;
    }

    /** Published courses among the ids, by code (id, code, title, published version id), in code order. */
    @SuppressWarnings("unchecked")
    public List<Object[]> publishedCourses(Set<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT c.id, c.code, v.title, v.id AS version_id FROM course c JOIN course_version v "
                + "ON v.id = c.published_version_id WHERE c.status = 'PUBLISHED' AND c.id IN (:ids) ORDER BY c.code")
                .setParameter("ids", ids).getResultList();
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
