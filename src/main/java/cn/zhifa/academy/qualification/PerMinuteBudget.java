package cn.zhifa.academy.qualification;

import java.util.concurrent.ConcurrentHashMap;

import io.vertx.ext.web.RoutingContext;

/**
 * Requests per client address and minute on this node, for the public verification endpoints
 * ({@code academy.qualification.verify-per-minute}). In memory: a few nodes each allow the limit.
 */
final class PerMinuteBudget {

    private final ConcurrentHashMap<String, long[]> slots = new ConcurrentHashMap<>();

    /** Counts this request; true when its address has gone over {@code limit} this minute (0: no limit). */
    boolean over(RoutingContext request, int limit) {
        if (limit <= 0 || request == null || request.request().remoteAddress() == null) {
            return false;
        }
        String addr = request.request().remoteAddress().hostAddress();
        long minute = System.currentTimeMillis() / 60_000;
        if (slots.size() > 10_000) {
            slots.clear();
        }
        long[] slot = slots.compute(addr, (k, v) -> v == null || v[0] != minute ? new long[] { minute, 1 }
                : new long[] { minute, v[1] + 1 });
        return slot[1] > limit;
    }
}
