package cn.zhifa.academy.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the object store can be reached (S3 bucket exists, or the media folder is writable). */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("object-store").withData("backend", store.backend());
        try {
            store.check();
            return b.up().build();
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
