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

    /** Published courses among the ids, by code (code → title), in code order. */
    @SuppressWarnings("unchecked")
    public List<Object[]> publishedCourses(Set<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT c.id, c.code, v.title FROM course c JOIN course_version v "
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
