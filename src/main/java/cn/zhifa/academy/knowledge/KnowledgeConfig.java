package cn.zhifa.academy.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the knowledge-point taxonomy and its coverage report (prefix {@code academy.knowledge}). */
@ConfigMapping(prefix = "academy.knowledge")
public interface KnowledgeConfig {

    /**
     * The taxonomy file; relative paths are resolved against the working directory (like
     * academy.learning.courses-folder). Read at start: a missing or invalid file stops the start.
     */
    @WithDefault("courses/knowledge-points.yaml")
    String file();

    /** The coverage report lists knowledge points with fewer active questions than this. */
    @WithDefault("5")
    int minQuestions();
}
