package cn.zhifa.academy.qualification;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The public address of the service, as printed in certificate QR codes and signed credentials:
 * {@code academy.qualification.public-base-url} (required in production, see ProductionGuard), else
 * the address the current request came to (dev and test).
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    QualificationConfig config;

    @Inject
    CurrentVertxRequest request;

    /** The base URL without a trailing slash. */
    public String base() {
        String b = base(config.publicBaseUrl(), this::requestBase);
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The configured public base URL, else the address of the request (dev). */
    static String base(Optional<String> configured, Supplier<String> fromRequest) {
        return configured.map(String::trim).filter(b -> !b.isBlank()).orElseGet(fromRequest);
    }

    /** The address the current request came to (scheme and host, as forwarded by a trusted proxy). */
    String requestBase() {
        io.vertx.ext.web.RoutingContext rc = request.getCurrent();
        if (rc == null) {
            return "http://localhost:8080";
        }
        io.vertx.core.http.HttpServerRequest r = rc.request();
        String host = r.authority() != null ? r.authority().toString() : r.getHeader("Host");
        return r.scheme() + "://" + (host == null ? "localhost:8080" : host);
    }
}
