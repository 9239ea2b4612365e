package cn.zhifa.academy.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the case-file review, under {@code academy.review.*}; docs/operations.md lists them. */
@ConfigMapping(prefix = "academy.review")
public interface ReviewConfig {

    /** The default scoring standard, loaded when the database has none (relative to the working folder). */
    @WithDefault("case-library/review-standard.yaml")
    String standardFile();

    /** Days the officers have for their targeted training (评查整改学习) after a campaign is finished. */
    @WithDefault("90")
    int trainingDueDays();

    /** When overdue supervision recommendations are reminded (cron, server time zone); "off" disables. */
    @WithDefault("0 0 8 * * ?")
    String reminderCron();
}
