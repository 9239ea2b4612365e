package cn.zhifa.academy.exam.paper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.exam.bank.ExclusionGroups;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.platform.error.ErrorTexts;

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

    /**
     * A 案例分析 section whose per-question value differs from what some questions it may draw
     * are worth (their rubric's total): graders then see the rubric scaled. Texts ready for the
     * page: the section's position, its value, how many questions differ and a few examples.
     */
    public record RubricMismatch(String section, String points, String count, String examples) {
    }

    /** The case-analysis sections whose value disagrees with the rubric totals of questions in their pool. */
    public List<RubricMismatch> rubricMismatches(List<BlueprintSection> sections) {
        List<RubricMismatch> out = new ArrayList<>();
        for (BlueprintSection s : sections) {
            if (s.type != QuestionType.CASE_ANALYSIS || s.points == null) {
                continue;
            }
            List<Long> ids = eligible(s);
            if (ids.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT q.code, v.rubric_json, v.default_points FROM question_version v "
                    + "JOIN question q ON q.id = v.question_id WHERE v.id IN (:ids) ORDER BY q.code").setParameter("ids", ids)
                    .getResultList();
            List<String> differing = new ArrayList<>();
            java.util.Locale locale = ErrorTexts.currentLocale();
            for (Object[] r : rows) {
                List<Json.RubricPoint> rubric = Json.rubric((String) r[1]);
                java.math.BigDecimal total = rubric.isEmpty() ? (java.math.BigDecimal) r[2]
                        : rubric.stream().map(p -> p.score() == null ? java.math.BigDecimal.ZERO : p.score())
                                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
                if (total != null && total.signum() > 0 && total.compareTo(s.points) != 0) {
                    differing.add(ErrorTexts.text(locale, "question.rubric_example", r[0], total.stripTrailingZeros().toPlainString()));
                }
            }
            if (!differing.isEmpty()) {
                out.add(new RubricMismatch(String.valueOf(s.position), s.points.stripTrailingZeros().toPlainString(),
                        String.valueOf(differing.size()), String.join(ErrorTexts.text(locale, "sep.enum"), differing.subList(0, Math.min(3, differing.size())))));
            }
        }
        return out;
    }

    /** One line per section the bank cannot fill: position, wanted, available. */
    public record Shortfall(int position, QuestionType type, int wanted, int available) {
    }

    /**
     * Simulates filling the sections in order without using a question twice (each section first
     * takes questions no later section could use) and without two of one exclusion group. Empty when the bank can fill every section.
     */
    public List<Shortfall> shortfalls(List<BlueprintSection> sections) {
        List<List<Long>> pools = new ArrayList<>();
        for (BlueprintSection s : sections) {
            pools.add(eligible(s));
        }
        Map<Long, String> groups = groups(pools);
        List<Shortfall> out = new ArrayList<>();
        java.util.Set<Long> taken = new java.util.HashSet<>();
        java.util.Set<String> onPaper = new java.util.HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            BlueprintSection s = sections.get(i);
            List<Long> ordered = Papers.preferExclusive(pools.get(i), pools.subList(i + 1, pools.size()), taken);
            int available = ExclusionGroups.admissible(ordered, groups::get, onPaper).size();
            if (available < s.questionCount) {
                out.add(new Shortfall(s.position, s.type, s.questionCount, available));
            }
            taken.addAll(ExclusionGroups.pick(ordered, s.questionCount, groups::get, onPaper));
        }
        return out;
    }

    /** The exclusion group of every grouped version in the pools. */
    private Map<Long, String> groups(List<List<Long>> pools) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        pools.forEach(ids::addAll);
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, tags FROM question_version WHERE id IN (:ids) AND tags LIKE :g")
                .setParameter("ids", ids).setParameter("g", "%" + ExclusionGroups.TAG_PREFIX + "%").getResultList();
        for (Object[] r : rows) {
            String g = ExclusionGroups.of((String) r[1]);
            if (g != null) {
                out.put(((Number) r[0]).longValue(), g);
            }
        }
        return out;
    }
}
