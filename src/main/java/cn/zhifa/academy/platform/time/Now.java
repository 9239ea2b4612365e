package cn.zhifa.academy.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * Static access to the {@link Clock} bean for code that cannot inject it (entities, records,
 * static helpers). Everything in src/main reads time through the bean, so a test that moves
 * the clock moves it everywhere ({@code ClockUseTest} scans for stray {@code Instant.now()}).
 * Outside a running container (plain unit tests) it is the system clock in the default zone.
 */
public final class Now {

    /** The zone when {@code academy.time-zone} is not set. */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    /**
     * The default zone as a constant, only for the deprecated ZONE aliases kept for code on
     * other branches; new code calls {@link #zone()}.
     */
    public static final ZoneId DEFAULT_ZONE_ID = ZoneId.of(DEFAULT_ZONE);

    private static final Clock FALLBACK = Clock.system(DEFAULT_ZONE_ID);

    private record Resolved(ArcContainer container, Clock clock) {
    }

    private static volatile Resolved resolved;

    private Now() {
    }

    /** The clock bean (one per running application). */
    public static Clock clock() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return FALLBACK;
        }
        Resolved r = resolved;
        if (r == null || r.container() != container) {
            r = new Resolved(container, container.select(Clock.class).get());
            resolved = r;
        }
        return r.clock();
    }

    public static Instant instant() {
        return clock().instant();
    }

    /** Today in the service's zone. */
    public static LocalDate today() {
        return LocalDate.now(clock());
    }

    /** The service's zone ({@code academy.time-zone}). */
    public static ZoneId zone() {
        return clock().getZone();
    }
}
