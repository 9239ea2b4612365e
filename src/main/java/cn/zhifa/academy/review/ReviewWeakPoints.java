package cn.zhifa.academy.review;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.exam.WeakPoints;

/** The review's part of a candidate's weak points: knowledge points of standing findings on files they handled. */
@ApplicationScoped
public class ReviewWeakPoints implements WeakPoints.Source {

    @Inject
    EntityManager em;

    @Override
    public Set<String> knowledgePoints(long personId) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("SELECT DISTINCT x.knowledge_point FROM review_finding x "
                + "JOIN review_case_officer o ON o.case_file_id = x.case_file_id WHERE o.person_id = ?1 "
                + "AND x.status IN ('OPEN', 'UPHELD') ORDER BY 1").setParameter(1, personId).getResultList();
        return new LinkedHashSet<>(codes);
    }
}
