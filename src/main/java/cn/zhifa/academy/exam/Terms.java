package cn.zhifa.academy.exam;

import java.time.Instant;

/** The window, duration and attempts that apply to one person after overrides. */
public record Terms(Instant opensAt, Instant closesAt, int minutes, int attempts) {

    public Instant deadlineFor(Instant startedAt) {
        Instant byDuration = startedAt.plusSeconds(60L * minutes);
        return byDuration.isBefore(closesAt) ? byDuration : closesAt;
    }

    public boolean open(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
