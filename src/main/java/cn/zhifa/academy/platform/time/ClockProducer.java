package cn.zhifa.academy.platform.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import cn.zhifa.academy.platform.config.AcademyConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.arc.Unremovable;

/**
 * The service's one clock: the system clock in the zone of {@code academy.time-zone}
 * (default Asia/Shanghai, where the rules' days and deadlines are counted). Inject
 * {@link Clock} (or use {@link Now} where injection is not possible, e.g. entities); tests
 * replace it with a clock they can move.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    @Unremovable // looked up by Now, not only injected
    Clock clock(AcademyConfig config) {
        return Clock.system(config.timeZone());
    }
}
