package cn.zhifa.academy.integration;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The machine API and webhooks (issue 17 item 2), prefix {@code academy.integration}. */
@ConfigMapping(prefix = "academy.integration")
public interface IntegrationConfig {

    /** Lifetime of an access token from the token endpoint. */
    @WithDefault("PT1H")
    Duration tokenLifetime();

    /** How often due webhook deliveries are sent ("off" in tests, which send them themselves). */
    @WithDefault("10s")
    String webhookEvery();

    /** Delay before the first retry; each further retry doubles it (30 s, 1 min, 2 min, …). */
    @WithDefault("PT30S")
    Duration webhookBackoff();

    /** Attempts before a delivery is marked FAILED (it can still be replayed by hand). */
    @WithDefault("8")
    int webhookMaxAttempts();

    /** Connect and read timeout of one delivery. */
    @WithDefault("PT10S")
    Duration webhookTimeout();
}
