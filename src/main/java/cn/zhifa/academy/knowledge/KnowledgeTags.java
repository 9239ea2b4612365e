package cn.zhifa.academy.knowledge;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.text.FormatWords;

/**
 * Which content carries a knowledge-point tag (知识点标签). Lessons and cases: table
 * knowledge_tag, replaced by the importers; questions: the tag {@code 知识点:<code>} of the
 * question's current version. Only what learners can see counts: lessons of the published
 * version of a course, cases with a published version, active questions.
 */
@ApplicationScoped
public class KnowledgeTags {

    /** The question tag that carries a knowledge point: 知识点:KP-LIAN (formats/knowledge-points.properties). */
    public static final String QUESTION_TAG_PREFIX = FormatWords.of("knowledge-points").get("question.tag.prefix");

    public static final String LESSON = "LESSON";
    public static final String CASE = "CASE";

    @Inject
    EntityManager em;

    /** The question tag for a code. */
    public static String questionTag(String code) {
        return QUESTION_TAG_PREFIX + code;
    }

    /** Replaces the tags of one lesson or case (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(String kind, long subjectId, Collection<String> codes) {
        em.createNativeQuery("DELETE FROM knowledge_tag WHERE subject_kind = ?1 AND subject_id = ?2")
                .setParameter(1, kind).setParameter(2, subjectId).executeUpdate();
        for (String code : new LinkedHashSet<>(codes)) {
            em.createNativeQuery("INSERT INTO knowledge_tag (subject_kind, subject_id, code) VALUES (?1, ?2, ?3)")
                    .setParameter(1, kind).setParameter(2, subjectId).setParameter(3, code).executeUpdate();
        }
    }

    private static final String CURRENT_LESSONS = """
            SELECT l.id, c.id FROM knowledge_tag t
              JOIN lesson l ON l.id = t.subject_id
              JOIN course c ON c.published_version_id = l.course_version_id
             WHERE t.subject_kind = 'LESSON' AND t.code = ?1 AND c.status = 'PUBLISHED'
             ORDER BY c.id, l.position""";

    @Transactional
    public List<Long> courseIds(String code) {
        return publishedCourses(List.of(code)).getOrDefault(code, List.of()).stream().map(PublishedCourse::id).toList();
    }

    /** A published course carrying a knowledge point: its id, code, published title and version. */
    public record PublishedCourse(long id, String code, String title, long versionId) {
    }

    /**
     * The published courses carrying each of the codes, in one statement (the learning path of
     * 我的学习 asks for all of a town's knowledge points at once): code → courses in course-id order,
     * the courses {@link #courseIds} gives for that code.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, List<PublishedCourse>> publishedCourses(Collection<String> codes) {
        Map<String, List<PublishedCourse>> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT t.code, c.id, c.code AS course_code, v.title, v.id AS version_id FROM knowledge_tag t
                  JOIN lesson l ON l.id = t.subject_id
                  JOIN course c ON c.published_version_id = l.course_version_id
                  JOIN course_version v ON v.id = c.published_version_id
                 WHERE t.subject_kind = 'LESSON' AND t.code IN (:codes) AND c.status = 'PUBLISHED'
                 ORDER BY t.code, c.id""").setParameter("codes", codes).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>()).add(new PublishedCourse(
                    ((Number) r[1]).longValue(), (String) r[2], (String) r[3], ((Number) r[4]).longValue()));
        }
        return out;
    }

    @Transactional
    public List<Long> lessonIds(String code) {
        return rows(CURRENT_LESSONS, code).stream().map(r -> ((Number) r[0]).longValue()).toList();
    }

    @Transactional
    public List<Long> caseIds(String code) {
        return ids("""
                SELECT t.subject_id FROM knowledge_tag t
                 WHERE t.subject_kind = 'CASE' AND t.code = ?1
                   AND EXISTS (SELECT 1 FROM case_version v WHERE v.case_id = t.subject_id AND v.status = 'PUBLISHED')
                 ORDER BY t.subject_id""", code);
    }

    @Transactional
    public List<Long> questionIds(String code) {
        return ids("""
                SELECT q.id FROM question q JOIN question_version v ON v.id = q.current_version_id
                 WHERE q.status = 'ACTIVE' AND (',' || v.tags || ',') LIKE ?1
                 ORDER BY q.id""", "%," + questionTag(code) + ",%");
    }

    /** Per code: [lessons, cases, active questions] carrying it (codes without any are absent). */
    @Transactional
    public Map<String, int[]> counts() {
        Map<String, int[]> out = new HashMap<>();
        for (Object[] r : rows("""
                SELECT t.code, count(*) FROM knowledge_tag t
                  JOIN lesson l ON l.id = t.subject_id
                  JOIN course c ON c.published_version_id = l.course_version_id
                 WHERE t.subject_kind = 'LESSON' AND c.status = 'PUBLISHED' AND ?1 = ?1 GROUP BY t.code""", "")) {
            out.computeIfAbsent((String) r[0], k -> new int[3])[0] = ((Number) r[1]).intValue();
        }
        for (Object[] r : rows("""
                SELECT t.code, count(*) FROM knowledge_tag t
                 WHERE t.subject_kind = 'CASE' AND ?1 = ?1
                   AND EXISTS (SELECT 1 FROM case_version v WHERE v.case_id = t.subject_id AND v.status = 'PUBLISHED')
                 GROUP BY t.code""", "")) {
            out.computeIfAbsent((String) r[0], k -> new int[3])[1] = ((Number) r[1]).intValue();
        }
        for (Object[] r : rows("""
                SELECT substring(tag FROM char_length(CAST(?1 AS text)) + 1), count(*) FROM question q
                  JOIN question_version v ON v.id = q.current_version_id
                  CROSS JOIN LATERAL unnest(string_to_array(v.tags, ',')) AS tag
                 WHERE q.status = 'ACTIVE' AND tag LIKE CAST(?1 AS text) || '%' GROUP BY 1""", QUESTION_TAG_PREFIX)) {
            out.computeIfAbsent((String) r[0], k -> new int[3])[2] = ((Number) r[1]).intValue();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object param) {
        return em.createNativeQuery(sql).setParameter(1, param).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, String param) {
        return ((List<Object>) em.createNativeQuery(sql).setParameter(1, param).getResultList()).stream()
                .map(o -> ((Number) o).longValue()).toList();
    }
}
