package cn.zhifa.academy.integration;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.zhifa.academy.platform.security.IdentityCache;
import cn.zhifa.academy.platform.security.LoginResource;
import cn.zhifa.academy.platform.security.SessionCookies;
import io.quarkus.oidc.UserInfo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * 使用政务账号登录 (issue 17 item 1). {@code /sso/login} is reached only through the identity
 * provider's authorization code flow (quarkus-oidc, the HTTP permission "sso" in
 * application.properties); here the provider's identity is turned into our own session: the
 * account is found by one claim ({@link SsoAccounts}), and the same encrypted session cookie the
 * form login issues is written, with the account's session epoch, so logout, a password change
 * or disabling the account end it exactly as they end a form login's session. The provider's
 * own session cookie stays on {@code /sso}: it serves {@code /sso/logout} (RP-initiated logout,
 * quarkus-oidc) and authenticates nothing else.
 */
@Path("/sso")
@PermitAll
public class SsoResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(String target);

        static native TemplateInstance refused(String reason);
    }

    @Inject
    SsoConfig config;

    @Inject
    SsoAccounts accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityCache cache;

    @Inject
    SessionCookies sessions;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@Context HttpServerRequest request,
            @CookieParam("quarkus-redirect-location") String back) {
        if (!config.enabled() || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        SsoAccounts.Outcome outcome = accounts.match(claim(token), token.getSubject(), client(request));
        if (outcome.username() == null) {
            return Response.status(Response.Status.FORBIDDEN).entity(Templates.refused(outcome.reason())).build();
        }
        cache.invalidate(outcome.username());
        IdentityCache.Snapshot account = cache.get(outcome.username()).orElse(null);
        if (account == null || !sessions.reissue(account.username(), account.epoch())) {
            return Response.status(Response.Status.FORBIDDEN).entity(Templates.refused("no session")).build();
        }
        // The browser arrives here from the provider's site, and a SameSite=Strict session cookie
        // is not sent on a redirect chain that started there: a page of our own moves on instead.
        return Response.ok(Templates.landing(target(back)))
                .cookie(new NewCookie.Builder(LoginResource.SSO_COOKIE).value("1").path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .cookie(new NewCookie.Builder("quarkus-redirect-location").value("").path("/").maxAge(0).build())
                .build();
    }

    /** The configured claim from the ID token, else from the user info (where the provider puts it there). */
    String claim(JsonWebToken token) {
        Object v = token.getClaim(config.claim());
        if (v == null && identity.getAttribute("userinfo") instanceof UserInfo info) {
            v = info.getJsonObject().get(config.claim());
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        return v == null ? null : v.toString();
    }

    /** Where the person wanted to go before logging in (a path of ours only), else the home page. */
    static String target(String back) {
        if (back == null || back.isBlank()) {
            return "/";
        }
        try {
            URI u = URI.create(back);
            String path = u.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/sso/")) {
                return "/";
            }
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static String client(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null) {
            return "unknown";
        }
        String host = request.remoteAddress().hostAddress();
        return host == null ? "unknown" : host.length() > 64 ? host.substring(0, 64) : host;
    }
}
