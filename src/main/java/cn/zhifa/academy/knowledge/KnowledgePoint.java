package cn.zhifa.academy.knowledge;

import java.util.List;

/**
 * One knowledge point (知识点) of the taxonomy in courses/knowledge-points.yaml: an ASCII code
 * ({@code KP-LIAN}), its Chinese name, its kind ({@link #STAGE} — an enforcement stage such as
 * 立案 — or {@link #TOPIC} — a legal topic or a 评查标准 dimension), the code of its parent (null
 * at the top) and the statute articles it rests on, written {@code 行政处罚法第54条}.
 */
public record KnowledgePoint(String code, String name, String kind, String parent, List<String> articles) {

    public static final String STAGE = "stage";
    public static final String TOPIC = "topic";

    public KnowledgePoint {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }
}
