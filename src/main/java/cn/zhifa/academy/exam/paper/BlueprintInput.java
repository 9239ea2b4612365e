package cn.zhifa.academy.exam.paper;

import java.math.BigDecimal;
import java.util.List;

/** A blueprint as submitted by the builder page or the API. */
public record BlueprintInput(String name, Long ownerUnitId, BigDecimal passMark, Boolean shuffleQuestions,
        Boolean shuffleOptions, List<Section> sections) {

    /** One section; filters are comma-separated lists (empty = any). */
    public record Section(String type, Integer count, BigDecimal points, BigDecimal partialCredit, String domains,
            String laws, Integer difficultyMin, Integer difficultyMax, String tags, Boolean weakPoints) {
    }
}
