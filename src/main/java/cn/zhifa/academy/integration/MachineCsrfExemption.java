package cn.zhifa.academy.integration;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Machine calls carry a bearer token and no cookie, so there is nothing ambient a forged
 * cross-site request could use: CSRF protection has no object there. The browser CSRF filter
 * (quarkus-rest-csrf) still refuses a POST without a double-submitted token and has no path
 * exclusion, so for a request to {@code /api/v1/machine/} with {@code Authorization: Bearer}
 * this handler drops every cookie it sent and supplies a fresh matching token pair. A request
 * with cookies (a browser session) is left alone and must present its own token as everywhere.
 */
@Singleton
public class MachineCsrfExemption {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name")
    String headerName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16")
    int tokenSize;

    void install(@Observes Router router) {
        router.route("/api/v1/machine/*").order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        String auth = rc.request().getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && rc.request().getHeader("Cookie") == null) {
            byte[] b = new byte[tokenSize];
            RANDOM.nextBytes(b);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            rc.request().headers().set("Cookie", cookieName + "=" + token);
            rc.request().headers().set(headerName, token);
        }
        rc.next();
    }
}
