package cn.zhifa.academy.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import cn.zhifa.academy.platform.error.ErrorTexts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds how many pages (GET of a resource method producing text/html) render at once on this
 * node; the others wait in arrival order, on the event loop, before they take a worker thread or
 * a database connection (issue 16). Sixty-four pages rendering at once on two cores share the CPU
 * and the connection pool, and each takes as long as the slowest: 我的学习 measured p99 418 ms at
 * 64 concurrent loads with every page running, 226 ms with eight running (docs/performance.md,
 * issue 16 "Sixth round"). A page that waited {@code academy.http.page-wait} without its turn
 * gets 503 with a short {@code Retry-After} and a page that reloads itself. JSON calls, the exam's
 * hot paths (their own gates: {@code ExamAdmission}), downloads and static files are not counted.
 * {@code academy.http.page-concurrency} (default four per CPU; 0 turns the bound off).
 */
@ApplicationScoped
public class PageAdmission {

    @Inject
    MeterRegistry metrics;

    @Inject
    Vertx vertx;

    @Inject
    cn.zhifa.academy.platform.config.AcademyConfig config;

    private volatile int limit;
    private volatile long waitMillis;

    /** Guarded by this: pages rendering now and pages waiting for their turn, oldest first. */
    private int running;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

    private final Map<Method, Boolean> pages = new ConcurrentHashMap<>();

    private static final String TURN = PageAdmission.class.getName() + ".turn";

    private record Waiter(UniEmitter<? super Response> emitter, Context context, RoutingContext rc, long timer) {
    }

    @PostConstruct
    void init() {
        int configured = config.http().pageConcurrency();
        limit = configured < 0 ? 4 * Runtime.getRuntime().availableProcessors() : configured;
        waitMillis = config.http().pageWait().toMillis();
        Gauge.builder("academy.pages.waiting", this, PageAdmission::waitingCount)
                .description("Page requests waiting for their turn to render").register(metrics);
        Gauge.builder("academy.pages.rendering", this, PageAdmission::runningCount)
                .description("Page requests rendering now (bounded by academy.http.page-concurrency)").register(metrics);
    }

    /** Runs on the event loop after routing, before the page's worker thread is taken. */
    @ServerRequestFilter(nonBlocking = true, priority = 10) // non-blocking filters come first
    public Uni<Response> admit(ContainerRequestContext request, ResourceInfo resource, RoutingContext rc) {
        if (limit <= 0 || !HttpMethod.GET.equals(request.getMethod()) || !isPage(resource.getResourceMethod())) {
            return null;
        }
        if (take(rc)) {
            return null;
        }
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                if (!take(rc)) {
                    long timer = vertx.setTimer(waitMillis, t -> timeout(emitter, rc));
                    waiting.add(new Waiter(emitter, context, rc, timer));
                    return;
                }
            }
            emitter.complete(null); // a page ended meanwhile
        });
    }

    /** Takes a free turn for the request, if there is one. */
    private synchronized boolean take(RoutingContext rc) {
        if (!hold()) {
            return false;
        }
        onEnd(rc);
        return true;
    }

    /** Pages: resource methods (or their classes) producing text/html. */
    private boolean isPage(Method method) {
        if (method == null) {
            return false;
        }
        return pages.computeIfAbsent(method, m -> {
            Produces p = m.getAnnotation(Produces.class);
            if (p == null) {
                p = m.getDeclaringClass().getAnnotation(Produces.class);
            }
            return p != null && Arrays.stream(p.value()).anyMatch(v -> v.startsWith(MediaType.TEXT_HTML));
        });
    }

    /**
     * The turn ends once, when the page has been rendered (the response filter, on the page's own
     * thread, so the next page starts while this one's bytes go out) or else when the response
     * ended or the connection closed (an error, an abort).
     */
    private void onEnd(RoutingContext rc) {
        AtomicBoolean done = new AtomicBoolean();
        rc.put(TURN, done);
        rc.addEndHandler(v -> end(done));
    }

    private void end(AtomicBoolean done) {
        if (done.compareAndSet(false, true)) {
            release();
        }
    }

    @ServerResponseFilter
    public void rendered(RoutingContext rc) {
        if (rc.get(TURN) instanceof AtomicBoolean done) {
            end(done);
        }
    }

    private void release() {
        Waiter next;
        java.util.List<Waiter> gone = new java.util.ArrayList<>();
        synchronized (this) {
            while (true) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                    break;
                }
                vertx.cancelTimer(next.timer());
                if (!next.rc().response().closed()) {
                    onEnd(next.rc()); // the turn passes on: running stays the same
                    break;
                }
                gone.add(next); // its reader left while it waited: no turn (its end could not be counted on)
            }
        }
        for (Waiter w : gone) {
            complete(w, busy(w.rc())); // ends the request's lifecycle; nothing reaches the closed connection
        }
        if (next != null) {
            complete(next, null);
        }
    }

    private static void complete(Waiter w, Response response) {
        if (w.context() == null) {
            w.emitter().complete(response);
        } else {
            w.context().runOnContext(v -> w.emitter().complete(response));
        }
    }

    private void timeout(UniEmitter<? super Response> emitter, RoutingContext rc) {
        synchronized (this) {
            if (!waiting.removeIf(w -> w.emitter() == emitter)) {
                return; // its turn came first
            }
        }
        emitter.complete(busy(rc));
    }

    /** 503 with a short jittered Retry-After and a page that reloads itself (no layout: nothing to read). */
    static Response busy(RoutingContext rc) {
        int seconds = 2 + ThreadLocalRandom.current().nextInt(4);
        Locale locale = LocaleContext.of(rc.request());
        String text = ErrorTexts.text(locale, "http.pages_busy");
        String html = "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"" + seconds + "\"><title>" + text + "</title></head>"
                + "<body style=\"font-family:sans-serif;margin:2rem;line-height:1.6\"><p class=\"pages-busy\">"
                + text + "</p></body></html>";
        return Response.status(503).header("Retry-After", seconds).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html).build();
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    synchronized int runningCount() {
        return running;
    }

    int currentLimit() {
        return limit;
    }

    long currentWaitMillis() {
        return waitMillis;
    }

    /** Tests: change the bound and the wait at runtime. */
    void limit(int pages, long waitMs) {
        limit = pages;
        waitMillis = waitMs;
    }

    /** Takes one turn (false when none is free); {@link #release} returns it. Tests hold one as a page would. */
    synchronized boolean hold() {
        if (running >= limit) {
            return false;
        }
        running++;
        return true;
    }

    void giveBack() {
        release();
    }
}
