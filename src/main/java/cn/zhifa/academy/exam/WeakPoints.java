package cn.zhifa.academy.exam;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.exam.paper.Papers;
import cn.zhifa.academy.knowledge.KnowledgePoint;
import cn.zhifa.academy.knowledge.KnowledgePoints;

/**
 * A candidate's weak knowledge points (薄弱知识点), for blueprint sections that draw from them
 * first: the points of standing review findings on case files the candidate handled (told by
 * every {@link Source}, the case-file review being one) and the points of questions the
 * candidate answered wrongly in graded attempts. A section with none of them in its pool falls
 * back to the general pool.
 */
@ApplicationScoped
public class WeakPoints {

    /** Another feature's knowledge of a person's weak points (the case-file review's findings). */
    public interface Source {
        Set<String> knowledgePoints(long personId);
    }

    @Inject
    Instance<Source> sources;

    @Inject
    KnowledgePoints knowledge;

    @Inject
    EntityManager em;

    /** The person's weak knowledge-point codes (inside a transaction). */
    public Set<String> of(long personId) {
        Set<String> out = new LinkedHashSet<>();
        for (Source s : sources) {
            out.addAll(s.knowledgePoints(personId));
        }
        @SuppressWarnings("unchecked")
        List<Number> wrong = em.createNativeQuery("SELECT DISTINCT v.question_id FROM attempt_item i "
                + "JOIN exam_attempt a ON a.id = i.attempt_id JOIN question_version v ON v.id = i.question_version_id "
                + "WHERE a.person_id = ?1 AND i.score IS NOT NULL AND i.score < i.points").setParameter(1, personId)
                .getResultList();
        if (!wrong.isEmpty()) {
            Set<Long> wrongIds = new HashSet<>();
            wrong.forEach(n -> wrongIds.add(n.longValue()));
            for (KnowledgePoint p : knowledge.all()) {
                if (!out.contains(p.code()) && knowledge.questionIdsFor(p.code()).stream().anyMatch(wrongIds::contains)) {
                    out.add(p.code());
                }
            }
        }
        return out;
    }

    /** The question versions of the spec's weak-point sections that test the person's weak points. */
    public Set<Long> preferredVersions(long personId, Papers.Spec spec) {
        Set<String> points = of(personId);
        if (points.isEmpty()) {
            return Set.of();
        }
        Set<Long> questions = new HashSet<>();
        for (String p : points) {
            questions.addAll(knowledge.questionIdsFor(p));
        }
        Set<Long> pool = new HashSet<>();
        spec.sections().stream().filter(Papers.SectionSpec::weakPoints).forEach(s -> pool.addAll(s.pool()));
        if (questions.isEmpty() || pool.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM question_version WHERE id IN (:pool) AND question_id IN (:q)")
                .setParameter("pool", pool).setParameter("q", questions).getResultList();
        Set<Long> out = new HashSet<>();
        ids.forEach(n -> out.add(n.longValue()));
        return out;
    }
}
