package cn.zhifa.academy.curriculum;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the curriculum and learning (prefix {@code academy.learning}). */
@ConfigMapping(prefix = "academy.learning")
public interface CurriculumConfig {

    /** Folder of curricula as files; imported by the admin page, the CLI and (if enabled) at start. */
    @WithDefault("courses")
    String coursesFolder();

    /** Import {@link #coursesFolder()} when the service starts (problems are logged, never fatal). */
    @WithDefault("true")
    boolean importAtStart();

    /** Share of a video that must be watched for the lesson to complete. */
    @WithDefault("0.9")
    double videoCompletionShare();

    /** Whether learners may seek beyond the furthest point they have watched. */
    @WithDefault("false")
    boolean allowSeekAhead();

    /** Seconds between player heartbeats; a heartbeat may advance the furthest point by about this much. */
    @WithDefault("10")
    int heartbeatSeconds();

    /** When the nightly re-check of every plan's audience runs (cron, server time). */
    @WithDefault("0 30 2 * * ?")
    String planSyncCron();

    /**
     * Yearly hours target (学时) per person when no plan says otherwise. Default 60: 法治政府建设实施纲要
     * (2021–2025) asks for at least 60 学时 of training a year for enforcement personnel — a
     * configurable default, verify against the local rule.
     */
    @WithDefault("60")
    int annualHoursTarget();
}
