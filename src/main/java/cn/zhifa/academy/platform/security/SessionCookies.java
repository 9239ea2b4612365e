package cn.zhifa.academy.platform.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes a session cookie exactly as Quarkus' form login does (same key, name and attributes), for
 * the one case where the session must carry a new epoch without a new login: the person who just
 * changed the password keeps working while all other sessions of the account end.
 */
@Singleton
public class SessionCookies {

    @Inject
    CurrentVertxRequest request;

    private final PersistentLoginManager manager;
    private final String cookieName;

    @Inject
    public SessionCookies(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration newCookieInterval,
            @ConfigProperty(name = "quarkus.http.auth.form.http-only-cookie") boolean httpOnly,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/") String path) {
        this.cookieName = cookieName;
        this.manager = key.filter(k -> k.length() >= 16)
                .map(k -> new PersistentLoginManager(k, cookieName, timeout.toMillis(), newCookieInterval.toMillis(),
                        httpOnly, sameSite.toUpperCase(java.util.Locale.ROOT), path, -1, null))
                .orElse(null);
    }

    /** Replaces the current request's session cookie by one for this username and epoch. */
    public boolean reissue(String username, long epoch) {
        RoutingContext rc = request.getCurrent();
        if (manager == null || rc == null) {
            return false;
        }
        manager.save(SessionPrincipal.name(username, epoch), rc, cookieName, null, rc.request().isSSL());
        return true;
    }
}
