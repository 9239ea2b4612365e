package cn.zhifa.academy.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the service does in the background (polling, never a fixed sleep). */
public final class Await {

    private Await() {
    }

    /** Polls every 50 ms until the condition holds; fails after {@code max}. */
    public static void until(Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + max);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    /** {@link #until(Duration, BooleanSupplier)} with 30 s, generous for a busy build machine. */
    public static void until(BooleanSupplier condition) {
        until(Duration.ofSeconds(30), condition);
    }
}
