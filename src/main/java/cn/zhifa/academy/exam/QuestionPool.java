package cn.zhifa.academy.exam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

/**
 * Finds the questions a blueprint section may draw: current versions of active questions of
 * the section's type matching its filters (domain, law, difficulty range, every tag).
 */
@ApplicationScoped
public class QuestionPool {

    @Inject
    EntityManager em;

    public List<Long> eligible(BlueprintSection s) {
        StringBuilder sql = new StringBuilder("SELECT v.id FROM question q JOIN question_version v ON v.id = q.current_version_id "
                + "WHERE q.status = 'ACTIVE' AND v.type = :type AND v.difficulty BETWEEN :dmin AND :dmax");
        Map<String, Object> params = new HashMap<>();
        params.put("type", s.type.name());
        params.put("dmin", s.difficultyMin);
        params.put("dmax", s.difficultyMax);
        if (!s.domainList().isEmpty()) {
            sql.append(" AND v.domain_code IN (:domains)");
            params.put("domains", s.domainList());
        }
        if (!s.lawList().isEmpty()) {
            sql.append(" AND v.law IN (:laws)");
            params.put("laws", s.lawList());
        }
        int i = 0;
        for (String tag : s.tagList()) {
            sql.append(" AND (',' || v.tags || ',') LIKE :tag").append(i);
            params.put("tag" + i++, "%," + tag + ",%");
        }
        sql.append(" ORDER BY v.id");
        var q = em.createNativeQuery(sql.toString(), Long.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Long> ids = q.getResultList();
        return ids;
    }

    /** One line per section the bank cannot fill: position, wanted, available. */
    public record Shortfall(int position, QuestionType type, int wanted, int available) {
    }

    /**
     * Simulates filling the sections in order without using a question twice (each section first
     * takes questions no later section could use). Empty when the bank can fill every section.
     */
    public List<Shortfall> shortfalls(List<BlueprintSection> sections) {
        List<List<Long>> pools = new ArrayList<>();
        for (BlueprintSection s : sections) {
            pools.add(eligible(s));
        }
        List<Shortfall> out = new ArrayList<>();
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            BlueprintSection s = sections.get(i);
            List<Long> ordered = Papers.preferExclusive(pools.get(i), pools.subList(i + 1, pools.size()), taken);
            int available = ordered.size();
            if (available < s.questionCount) {
                out.add(new Shortfall(s.position, s.type, s.questionCount, available));
            }
            ordered.stream().limit(s.questionCount).forEach(taken::add);
        }
        return out;
    }
}
