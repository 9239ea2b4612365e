package cn.zhifa.academy.exam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the question bank and exam delivery (prefix {@code academy.exam}). */
@ConfigMapping(prefix = "academy.exam")
public interface ExamConfig {

    /** The repository's question bank (YAML files); imported at start when {@link #importAtStart()}. */
    @WithDefault("courses/question-bank")
    String questionBankFolder();

    /** Import {@link #questionBankFolder()} when the service starts (problems are logged, never fatal). */
    @WithDefault("true")
    boolean importAtStart();

    /**
     * Seconds after the deadline during which saves that were in flight are still accepted; the
     * auto-submit job waits this long before closing an overdue attempt.
     */
    @WithDefault("60")
    int graceSeconds();

    /** How often the auto-submit job looks for overdue attempts. */
    @WithDefault("15s")
    String autoSubmitEvery();

    /** Attempts closed per auto-submit transaction (the job loops until none is overdue). */
    @WithDefault("100")
    int autoSubmitBatch();

    /** Default grade bands for new exams (lower bound in percent : band). */
    @WithDefault(GradeBands.DEFAULT)
    String defaultBands();

    /** Largest question import spreadsheet accepted. */
    @WithDefault("10485760")
    long maxImportBytes();
}
