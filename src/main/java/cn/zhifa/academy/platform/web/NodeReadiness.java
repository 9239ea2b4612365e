package cn.zhifa.academy.platform.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;

/**
 * {@code GET /node/ready}: the load balancer's health check (issue 11). It answers on the
 * Vert.x event loop without a worker thread, a database connection or authentication, so it
 * stays truthful and fast while the node is saturated by an exam-day burst (where
 * {@code /q/health/ready}, which borrows a pool connection on a worker, took seconds and made
 * HAProxy mark healthy nodes down). 200 once the node has started, 503 while it shuts down, so
 * the balancer drains it. Database health stays with {@code /q/health/ready} for monitoring.
 */
@ApplicationScoped
public class NodeReadiness {

    public static final String PATH = "/node/ready";

    private volatile boolean ready;

    void started(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent e) {
        ready = true;
    }

    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent e) {
        ready = false;
    }

    void routes(@Observes Router router) {
        router.get(PATH).order(-100).handler(rc -> rc.response().setStatusCode(ready ? 200 : 503)
                .putHeader("Content-Type", "text/plain; charset=UTF-8").putHeader("Cache-Control", "no-store")
                .end(ready ? "ready" : "not ready"));
    }

    public boolean ready() {
        return ready;
    }
}
