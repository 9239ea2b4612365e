package cn.zhifa.academy.integration;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Machine calls authenticate with a bearer token only ({@link MachineAuth}; the machine endpoints
 * never look at a session), and a browser cannot be made to send an {@code Authorization} header
 * to another site (no CORS is allowed here), so CSRF protection has no object there. The browser
 * CSRF filter (quarkus-rest-csrf) still refuses a POST without a double-submitted token and has no
 * path exclusion, so for a request to {@code /api/v1/machine/} with {@code Authorization: Bearer}
 * this handler supplies a fresh matching token pair, replacing any CSRF cookie the client's HTTP
 * library kept and keeping its other cookies (a load balancer's sticky-session cookie, say): a
 * cookie is no reason to refuse a machine call. A request without a bearer token (a browser
 * session) is left alone and must present its own token as everywhere.
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
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] b = new byte[tokenSize];
            RANDOM.nextBytes(b);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            rc.request().headers().set("Cookie", withToken(rc.request().getHeader("Cookie"), token));
            rc.request().headers().set(headerName, token);
        }
        rc.next();
    }

    /** The request's cookies without any CSRF cookie, plus the fresh one. */
    String withToken(String cookies, String token) {
        StringBuilder out = new StringBuilder();
        if (cookies != null) {
            for (String c : cookies.split(";")) {
                String t = c.trim();
                if (!t.isEmpty() && !t.startsWith(cookieName + "=")) {
                    out.append(t).append("; ");
                }
            }
        }
        return out.append(cookieName).append('=').append(token).toString();
    }
}
