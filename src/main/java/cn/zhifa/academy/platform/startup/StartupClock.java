package cn.zhifa.academy.platform.startup;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Logs where a start spends its time (issue 16): the JVM and Quarkus's own initialisation
 * (class loading, Flyway, Hibernate) up to the first start-up observer, then each band of the
 * application's start-up observers (by their {@code @Priority}), and the total when the last
 * observer has run (the HTTP server opens right after). One INFO line
 * {@code start-up timings: ...}; steps that time themselves ({@link #record}) are listed too.
 */
@Singleton
public class StartupClock {

    private static final Logger LOG = Logger.getLogger(StartupClock.class);
    private static final List<String> STEPS = new ArrayList<>();

    private long last;

    /** A step that timed itself (content imports): added to the summary line. */
    public static synchronized void record(String step, long millis) {
        STEPS.add(step + "=" + millis + "ms");
    }

    private static synchronized String steps() {
        return String.join(" ", STEPS);
    }

    private void mark(String band) {
        long now = ManagementFactory.getRuntimeMXBean().getUptime();
        if (band != null) {
            record(band, now - last);
        }
        last = now;
    }

    void b0(@Observes @Priority(0) StartupEvent e) {
        long now = ManagementFactory.getRuntimeMXBean().getUptime();
        record("jvm+quarkus-init(flyway,hibernate)", now);
        last = now;
    }

    void b10(@Observes @Priority(9) StartupEvent e) {
        mark("guard(p1-8)");
    }

    void b20(@Observes @Priority(19) StartupEvent e) {
        mark("bootstrap(p9-18)");
    }

    void b30(@Observes @Priority(29) StartupEvent e) {
        mark("demo-people(p19-28)");
    }

    void b40(@Observes @Priority(39) StartupEvent e) {
        mark("cases+courses+evaluation-demo(p29-38)");
    }

    void b50(@Observes @Priority(49) StartupEvent e) {
        mark("question-bank+demo-plans(p39-48)");
    }

    void b60(@Observes @Priority(59) StartupEvent e) {
        mark("demo-exams+qualifications(p49-58)");
    }

    void end(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 999) StartupEvent e) {
        mark("other-observers");
        LOG.infof("start-up timings: total=%dms %s", ManagementFactory.getRuntimeMXBean().getUptime(), steps());
    }
}
