package cn.zhifa.academy.exam.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.ExamText;
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.platform.web.Paging;

/** Browsing the bank for authors: filters, text search, paging; keys included (authors only). */
@ApplicationScoped
public class QuestionQueries {

    @Inject
    EntityManager em;

    public record Filter(String type, String domain, String law, Integer difficulty, String status, String q) {
    }

    public record Row(String code, String status, int version, String type, String typeLabel, String stem,
            String law, String articles, String domainCode, int difficulty, boolean used) {
    }

    public record Page(List<Row> rows, long total, int page, int size) implements Paging {
    }

    public record Detail(String code, String status, int version, String type, String stemMd, List<String> options,
            String key, String referenceAnswer, List<Json.RubricPoint> rubric, String explanation, String law,
            String articles, String domainCode, int difficulty, String grades, String levels, String tags,
            String sourceCase, String points, boolean used, List<Integer> versions) {
    }

    /** {@code page} is 0-based. */
    @Transactional
    public Page list(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM question q JOIN question_version v ON v.id = q.current_version_id WHERE 1=1");
        Map<String, Object> params = new HashMap<>();
        if (f.type() != null && !f.type().isBlank()) {
            where.append(" AND v.type = :type");
            params.put("type", QuestionType.parse(f.type()).map(Enum::name).orElse(f.type()));
        }
        if (f.domain() != null && !f.domain().isBlank()) {
            where.append(" AND v.domain_code = :domain");
            params.put("domain", f.domain());
        }
        if (f.law() != null && !f.law().isBlank()) {
            where.append(" AND v.law = :law");
            params.put("law", f.law());
        }
        if (f.difficulty() != null) {
            where.append(" AND v.difficulty = :difficulty");
            params.put("difficulty", f.difficulty());
        }
        where.append(" AND q.status = :status");
        params.put("status", "RETIRED".equals(f.status()) ? "RETIRED" : "ACTIVE");
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" AND (q.code ILIKE :q OR v.stem_md ILIKE :q OR v.tags ILIKE :q)");
            params.put("q", "%" + f.q().trim().replace("%", "").replace("_", "") + "%");
        }
        var count = em.createNativeQuery("SELECT count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        var q = em.createNativeQuery("SELECT q.code, q.status, v.number, v.type, v.stem_md, v.law, v.articles, v.domain_code, "
                + "v.difficulty, v.used" + where + " ORDER BY q.code LIMIT :limit OFFSET :offset");
        params.forEach(q::setParameter);
        q.setParameter("limit", size).setParameter("offset", (long) Math.max(0, page) * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            QuestionType t = QuestionType.valueOf((String) r[3]);
            String stem = (String) r[4];
            out.add(new Row((String) r[0], (String) r[1], ((Number) r[2]).intValue(), t.name(), ExamText.type(t),
                    stem.length() > 80 ? stem.substring(0, 80) + "…" : stem, (String) r[5], (String) r[6], (String) r[7],
                    ((Number) r[8]).intValue(), (Boolean) r[9]));
        }
        return new Page(out, total, Math.max(0, page), size);
    }

    @Transactional
    public Detail detail(String code) {
        Question q = Question.findByCode(code).orElseThrow(
                () -> new cn.zhifa.academy.platform.error.NotFoundException("exam.question_not_found"));
        QuestionVersion v = QuestionVersion.findById(q.currentVersionId);
        List<Integer> versions = QuestionVersion.<QuestionVersion> list("questionId = ?1 ORDER BY number", q.id).stream()
                .map(x -> x.number).toList();
        return new Detail(q.code, q.status.name(), v.number, v.type.name(), v.stemMd, v.options(),
                QuestionRules.keyText(v.type, v.key()), v.referenceAnswer, v.rubric(), v.explanation, v.law, v.articles,
                v.domainCode, v.difficulty, v.grades, v.levels, v.tags, v.sourceCase,
                v.defaultPoints == null ? "" : v.defaultPoints.stripTrailingZeros().toPlainString(), v.used, versions);
    }

    /** Current versions matching the filter (all pages), for export. */
    @Transactional
    public byte[] export(Filter f) {
        List<String> codes = new ArrayList<>();
        int page = 0;
        Page p;
        do {
            p = list(f, page++, 500);
            p.rows().forEach(r -> codes.add(r.code()));
        } while (p.rows().size() == 500);
        List<QuestionVersion> versions = new ArrayList<>();
        Map<Long, String> codeOf = new HashMap<>();
        for (String c : codes) {
            Question q = Question.findByCode(c).orElseThrow();
            codeOf.put(q.id, q.code);
            versions.add(QuestionVersion.findById(q.currentVersionId));
        }
        return QuestionXlsx.export(versions, codeOf::get);
    }
}
