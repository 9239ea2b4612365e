package cn.zhifa.academy.exam;

import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.zhifa.academy.exam.delivery.StartWriter;

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

    /**
     * Default grade bands for new exams (lower bound in percent : band); unset, those of
     * formats/grade-bands.properties ({@link GradeBands#DEFAULT}).
     */
    @io.smallrye.config.WithName("default-bands")
    java.util.Optional<String> configuredBands();

    /** The grade bands new exams start with. */
    default String defaultBands() {
        return configuredBands().orElse(GradeBands.DEFAULT);
    }

    /** Largest question import spreadsheet accepted. */
    @WithDefault("10485760")
    long maxImportBytes();

    // --- exam day at city scale (issue 11) ---

    /**
     * How often every node looks for published exams whose candidates still lack a prepared
     * paper ("off" disables the sweep; publishing and audience changes still prepare at once).
     */
    @WithDefault("60s")
    String prepareEvery();

    /** Papers drawn and written per statement batch when preparing. */
    @WithDefault("500")
    int prepareBatch();

    /** Papers are prepared for exams that open within this many hours (and are not closed). */
    @WithDefault("72")
    int prepareAheadHours();

    /**
     * Paper and question-document requests a node serves at once; beyond it answers 503 with a
     * short jittered Retry-After instead of queueing. 0 refuses all hot paths (tests).
     */
    @WithDefault("64")
    int admissionLimit();

    /**
     * 开始 requests a node holds at once (issue 11). A start on a prepared paper waits for its
     * batch's commit without a thread ({@link StartWriter}), so many can wait at once for a few
     * KB each; the more wait, the larger the one UPDATE that starts them. Beyond it: 503 +
     * Retry-After as above.
     */
    @WithDefault("2048")
    int startAdmissionLimit();

    /**
     * Answer saves a node serves at once, through a gate of their own (issue 11): a burst of
     * starts fills the start gate, never this one. Beyond it: 503 + Retry-After as above.
     */
    @WithDefault("128")
    int saveAdmissionLimit();

    /**
     * 交卷 requests a node serves at once (issue 11). A submit grades the paper inside its
     * transaction and holds a database connection meanwhile; a wave of submits at the end of an
     * exam must not take every connection from the saves of candidates still writing. Beyond it:
     * 503 + Retry-After as above; the page and the auto-submit job ride it out, and the deadline
     * has no say (a submit refused at 10:00:00 and accepted at 10:00:02 keeps every saved answer).
     * Keep it well below the database pool. Unset: 2 per CPU of the node. Grading is CPU work, and
     * on a 2-core node 16 submits at once took the CPU from the saves of candidates still writing:
     * save p99 332 ms at 3,000 candidates, 33 ms with 4 (docs/performance.md, issue 11 "Ninth
     * round"); earlier, on a faster machine, 16 refused fewer submits than 8 for the same save p99
     * (fifth round).
     */
    OptionalInt submitAdmissionLimit();

    /**
     * Prepared papers a node keeps in memory, rendered and ready for 开始 (about 7 KB each for
     * 50 questions); candidates beyond it take the full path (one statement more per start).
     */
    @WithDefault("20000")
    int paperCacheMax();

    /** Minutes before an exam opens from which its lobby page counts down and waits for the bell. */
    @WithDefault("30")
    int lobbyMinutes();
}
