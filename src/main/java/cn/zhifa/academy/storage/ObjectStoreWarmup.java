package cn.zhifa.academy.storage;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Builds the object store and checks it on a worker thread while the rest of the start goes on
 * (issue 16). The S3 client's first use loads and compiles its HTTP and XML stacks: 1.2–1.4 s on a
 * 2-core node with C1, which the first readiness probe used to wait for after the node was already
 * listening (and, without a probe, the first upload or download). A failure here is only logged:
 * readiness ({@link ObjectStoreHealthCheck}) is what reports the store down.
 */
@ApplicationScoped
public class ObjectStoreWarmup {

    private static final Logger LOG = Logger.getLogger(ObjectStoreWarmup.class);

    @Inject
    ObjectStore store;

    @Inject
    ManagedExecutor workers;

    /** First of the start's observers, so that the other steps (the guard, the imports) run beside it. */
    void onStart(@Observes @Priority(0) StartupEvent event) {
        workers.runAsync(() -> {
            try {
                store.check();
            } catch (Exception e) {
                LOG.warnf("object store (%s) not reachable at start: %s", store.backend(), e.getMessage());
            }
        });
    }
}
