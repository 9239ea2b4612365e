package cn.zhifa.academy.review;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.OrgScope;

/**
 * The review's dashboard figures, in the caller's scope (the unit of the case file decides):
 * findings that stand by knowledge point, by unit and by year, and per knowledge point how many
 * officers were put into targeted training and how many findings on the same point fell on
 * their later case files (decided after the training was assigned) — repeat findings after
 * training.
 */
@ApplicationScoped
public class ReviewInsights {

    @Inject
    OrgScope scope;

    @Inject
    EntityManager em;

    @Inject
    ReviewKnowledge knowledge;

    public record Count(String key, String label, long findings) {
    }

    public record Repeat(String knowledgePoint, String label, long trainedOfficers, long repeatFindings,
            long repeatOfficers) {
    }

    public record Insights(List<Count> byKnowledgePoint, List<Count> byUnit, List<Count> byYear, List<Repeat> repeats,
            long overdueRecommendations) {
    }

    private static final String STANDING = "x.status IN ('OPEN', 'UPHELD')";

    @Transactional(Transactional.TxType.SUPPORTS)
    public Insights insights() {
        OrgScope.Condition cond = scope.unitFilter().onPath("u.path", ":scope");
        String from = " FROM review_finding x JOIN review_case_file f ON f.id = x.case_file_id JOIN org_unit u ON u.id = f.unit_id "
                + "JOIN review_campaign c ON c.id = f.campaign_id WHERE " + STANDING + " AND " + cond.text();
        List<Count> kp = new ArrayList<>();
        for (Object[] r : rows("SELECT x.knowledge_point, COUNT(*)" + from + " GROUP BY 1 ORDER BY 2 DESC, 1", cond)) {
            String code = (String) r[0];
            kp.add(new Count(code, knowledge.name(code).orElse(code), ((Number) r[1]).longValue()));
        }
        List<Count> units = new ArrayList<>();
        for (Object[] r : rows("SELECT u.id, u.name, COUNT(*)" + from + " GROUP BY 1, 2 ORDER BY 3 DESC, 2", cond)) {
            units.add(new Count(String.valueOf(r[0]), (String) r[1], ((Number) r[2]).longValue()));
        }
        List<Count> years = new ArrayList<>();
        for (Object[] r : rows("SELECT c.year, COUNT(*)" + from + " GROUP BY 1 ORDER BY 1", cond)) {
            years.add(new Count(String.valueOf(r[0]), String.valueOf(r[0]), ((Number) r[1]).longValue()));
        }
        // trained officers per knowledge point, and standing findings on the same point on files they
        // handled that were decided after their training was assigned
        String repeat = "SELECT t.kp, COUNT(DISTINCT t.person_id), COUNT(DISTINCT later.id), "
                + "COUNT(DISTINCT CASE WHEN later.id IS NOT NULL THEN t.person_id END) FROM ("
                + " SELECT x.knowledge_point AS kp, rt.person_id, MIN(rt.assigned_at) AS since FROM review_training rt"
                + " JOIN review_finding x ON x.id = rt.finding_id JOIN review_case_file f ON f.id = x.case_file_id"
                + " JOIN org_unit u ON u.id = f.unit_id WHERE " + cond.text() + " GROUP BY 1, 2) t"
                + " LEFT JOIN (SELECT x2.id, x2.knowledge_point, o2.person_id, f2.decision_date FROM review_finding x2"
                + "  JOIN review_case_file f2 ON f2.id = x2.case_file_id JOIN review_case_officer o2 ON o2.case_file_id = f2.id"
                + "  WHERE x2.status IN ('OPEN', 'UPHELD')) later ON later.knowledge_point = t.kp"
                + "  AND later.person_id = t.person_id AND later.decision_date > CAST(t.since AS DATE)"
                + " GROUP BY 1 ORDER BY 3 DESC, 2 DESC, 1";
        List<Repeat> repeats = new ArrayList<>();
        for (Object[] r : rows(repeat, cond)) {
            String code = (String) r[0];
            repeats.add(new Repeat(code, knowledge.name(code).orElse(code), ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
        }
        long overdue = RecommendationService.overdue().stream().filter(rec -> {
            return scope.canActOnUnit(rec.unitId);
        }).count();
        return new Insights(kp, units, years, repeats, overdue);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, OrgScope.Condition cond) {
        return cond.bind(em.createNativeQuery(sql)).getResultList();
    }
}
