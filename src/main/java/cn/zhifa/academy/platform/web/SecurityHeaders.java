package cn.zhifa.academy.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.error.ErrorTexts;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One place for what every response of the main HTTP server carries (issue 12 items 11, 12, 14):
 * <ul>
 * <li>Content-Security-Policy ({@link #csp()}: scripts only from our own files, no framing),
 * X-Frame-Options DENY, X-Content-Type-Options nosniff, Referrer-Policy, and
 * Strict-Transport-Security when {@code academy.security.hsts} is on (production);</li>
 * <li>cookies: all Secure when {@code academy.security.secure-cookies} is on (production), whatever
 * the scheme the request came in with; every cookie without a SameSite attribute (the CSRF cookie,
 * the redirect cookie) gets SameSite=Strict;</li>
 * <li>login CSRF: a POST to /j_security_check whose Origin (or, without it, Referer) is another
 * site, or that a browser marks Sec-Fetch-Site: cross-site, is refused with 403 before the
 * credentials are looked at.</li>
 * </ul>
 */
@Singleton
public class SecurityHeaders {

    private static final Logger LOG = Logger.getLogger(SecurityHeaders.class);
    static final String LOGIN_POST = "/j_security_check";

    @Inject
    AcademyConfig config;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "academy.qualification.public-base-url")
    Optional<String> publicBaseUrl;

    private volatile String csp;
    private volatile Set<String> allowedOrigins;

    void install(@Observes Router router) {
        // before authentication (the form login POST is handled there), with the header routes
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        if (req.method() == HttpMethod.POST && LOGIN_POST.equals(rc.normalizedPath()) && crossSite(req)) {
            LOG.warnf("refused a cross-site login POST (Origin %s, Referer %s)", req.getHeader("Origin"),
                    req.getHeader("Referer"));
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .end(ErrorTexts.text(Locale.ENGLISH, "security.cross_site_login") + " / "
                            + ErrorTexts.text(LocaleContext.DEFAULT, "security.cross_site_login"));
            return;
        }
        boolean tooling = rc.normalizedPath().startsWith("/q/");
        rc.addHeadersEndHandler(v -> {
            var h = rc.response().headers();
            if (!tooling) { // Swagger UI and the dev UI bring their own inline scripts
                h.set("Content-Security-Policy", csp());
            }
            h.set("X-Frame-Options", "DENY");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "same-origin");
            if (config.security().hsts()) {
                h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            secureCookies(rc);
        });
        rc.next();
    }

    /** The policy: our own origin only, plus the object store's public endpoint for media. */
    String csp() {
        String c = csp;
        if (c == null) {
            String media = mediaOrigin().map(o -> " " + o).orElse("");
            c = csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                    + media + "; media-src 'self' blob:" + media + "; connect-src 'self'" + media
                    + "; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                    + "frame-ancestors 'none'";
        }
        return c;
    }

    private Optional<String> mediaOrigin() {
        var s3 = config.storage().s3();
        return s3.publicEndpoint().or(s3::endpoint).flatMap(SecurityHeaders::origin);
    }

    /** Sets Secure / SameSite on the cookies this response sets (never on those the browser sent). */
    private void secureCookies(RoutingContext rc) {
        boolean secure = config.security().secureCookies();
        for (Cookie c : rc.request().cookies()) {
            if (c instanceof ServerCookie sc && sc.isChanged() && !sc.isFromUserAgent()) {
                if (secure) {
                    sc.setSecure(true);
                }
                if (sc.getSameSite() == null) {
                    sc.setSameSite(CookieSameSite.STRICT);
                }
            }
        }
        // cookies that JAX-RS resources set arrive as ready-made headers
        List<String> set = rc.response().headers().getAll("Set-Cookie");
        if (!set.isEmpty()) {
            List<String> fixed = new ArrayList<>(set.size());
            for (String header : set) {
                fixed.add(fixCookieHeader(header, secure));
            }
            rc.response().headers().remove("Set-Cookie");
            fixed.forEach(f -> rc.response().headers().add("Set-Cookie", f));
        }
    }

    static String fixCookieHeader(String header, boolean secure) {
        String lower = header.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(header);
        if (secure && !lower.matches("(?s).*;\\s*secure(\\s*;.*|\\s*)$")) {
            b.append("; Secure");
        }
        if (!lower.contains("samesite=")) {
            b.append("; SameSite=Strict");
        }
        return b.toString();
    }

    /**
     * Whether a login POST comes from another site. Requests without Origin, Referer and
     * Sec-Fetch-Site (scripts, load tests) are not browsers posting a forged form and pass.
     */
    boolean crossSite(HttpServerRequest req) {
        if ("cross-site".equalsIgnoreCase(req.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = req.getHeader("Origin");
        if (origin != null) {
            return "null".equals(origin) || !allowed(origin(origin).orElse("?"), req);
        }
        String referer = req.getHeader("Referer");
        if (referer != null) {
            return !allowed(origin(referer).orElse("?"), req);
        }
        return false;
    }

    private boolean allowed(String origin, HttpServerRequest req) {
        String host = authority(origin);
        Set<String> own = new LinkedHashSet<>();
        if (req.getHeader("Host") != null) {
            own.add(req.getHeader("Host").toLowerCase(Locale.ROOT));
        }
        if (req.getHeader("X-Forwarded-Host") != null) {
            own.add(req.getHeader("X-Forwarded-Host").toLowerCase(Locale.ROOT));
        }
        return own.contains(host) || allowedOrigins().contains(origin);
    }

    private Set<String> allowedOrigins() {
        Set<String> a = allowedOrigins;
        if (a == null) {
            Set<String> s = new LinkedHashSet<>();
            publicBaseUrl.flatMap(SecurityHeaders::origin).ifPresent(s::add);
            config.security().loginAllowedOrigins().ifPresent(l -> l.forEach(o -> origin(o).ifPresent(s::add)));
            a = allowedOrigins = Set.copyOf(s);
        }
        return a;
    }

    /** scheme://host[:port] of a URL, lower case, default ports left out. */
    static Optional<String> origin(String url) {
        try {
            URI u = URI.create(url.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return Optional.empty();
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String authority(String origin) {
        int i = origin.indexOf("://");
        return i < 0 ? origin : origin.substring(i + 3);
    }
}
