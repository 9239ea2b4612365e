package cn.zhifa.academy.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import cn.zhifa.academy.platform.config.AcademyConfig;
import io.quarkus.arc.Unremovable;

/**
 * The tests' clock: the system clock plus an offset a test can move, so a test of "after 30
 * days" moves time instead of waiting or back-dating rows. Replaces the default Clock bean
 * (platform.time.ClockProducer) in every @QuarkusTest; a test that moves it resets it in a
 * finally block.
 */
@Singleton
@Unremovable
public class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    @Inject
    public MovableClock(AcademyConfig config) {
        this.zone = config.timeZone();
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.offset(Clock.system(other), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
