package cn.zhifa.academy.matters;

import java.util.List;
import java.util.Optional;

/**
 * What the knowledge-point taxonomy (知识点) tells the matters catalogue: whether a code exists
 * and which courses, cases and questions carry it. The matters feature calls only this port; the
 * implementation in use adapts the taxonomy once it is there ({@link NoKnowledgeTaxonomy} until
 * then, which knows no codes and links nothing).
 */
public interface MatterKnowledge {

    /** Empty when no taxonomy is available (codes are then kept unchecked); else whether it exists. */
    Optional<Boolean> exists(String code);

    List<Long> courseIds(String code);

    List<Long> caseIds(String code);

    List<Long> questionIds(String code);
}
