package cn.zhifa.academy.matters;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the knowledge-point taxonomy (知识点) tells the matters catalogue: whether a code exists
 * and which courses, cases and questions carry it. The matters feature calls only this port;
 * {@link TaxonomyKnowledge} adapts {@code cn.zhifa.academy.knowledge.KnowledgePoints}.
 */
public interface MatterKnowledge {

    /** Empty when no taxonomy is available (codes are then kept unchecked); else whether it exists. */
    Optional<Boolean> exists(String code);

    List<Long> courseIds(String code);

    List<Long> caseIds(String code);

    List<Long> questionIds(String code);

    /** A published course: id, code, the published version's title and id. */
    record Course(long id, String code, String title, long versionId) {
    }

    /** The published courses carrying each of the codes (what {@link #courseIds} gives), read at once. */
    Map<String, List<Course>> publishedCourses(Collection<String> codes);

    /** Whether the code may be used: known to the taxonomy, or any code while there is none. */
    default boolean known(String code) {
        return exists(code).orElse(true);
    }
}
