package cn.zhifa.academy.platform.security;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The login page (the form posts to Quarkus' /j_security_check) and logout. */
@Path("/")
@PermitAll
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean ended, long waitSeconds, int freeFailures, boolean sso,
                boolean formLogin);

        static native TemplateInstance signingOut(String next);
    }

    @Inject
    CurrentUser user;

    @Inject
    AcademyConfig config;

    @Inject
    AccountService accounts;

    @Inject
    IdentityCache cache;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    /** Single sign-on with the government's identity provider (the integration package's /sso/login). */
    @ConfigProperty(name = "academy.sso.enabled", defaultValue = "false")
    boolean ssoEnabled;

    /** Set by an SSO login (integration's SsoResource): logout then ends the provider's session too. */
    public static final String SSO_COOKIE = "academy-sso";

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error,
            @CookieParam(SessionIdentityProvider.ENDED_COOKIE) String ended,
            @CookieParam(LockoutIdentityProvider.WAIT_COOKIE) String waitUntil) {
        if (user.isAuthenticated()) {
            return Response.seeOther(URI.create("/")).build();
        }
        // a refused session cookie also lands here with ?error=1: say that the session ended, not
        // that a password was wrong (nobody typed one)
        boolean sessionEnded = ended != null;
        long wait = secondsUntil(waitUntil);
        Response.ResponseBuilder page = Response.ok(Templates.login(error != null && !sessionEnded && wait == 0,
                sessionEnded, wait, config.security().loginThrottleFreeFailures(), ssoEnabled, config.security().formLogin()));
        if (sessionEnded) {
            page.cookie(new NewCookie.Builder(SessionIdentityProvider.ENDED_COOKIE).value("").path("/login").maxAge(0)
                    .httpOnly(true).build());
        }
        return page.build();
    }

    /** Seconds left of a throttle block named by the login-wait cookie (0 if none, past or unreadable). */
    static long secondsUntil(String epochSeconds) {
        if (epochSeconds == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(epochSeconds.trim()) - Now.instant().getEpochSecond());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Ends every session of the account (all devices, all nodes), not only this cookie. */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(SSO_COOKIE) String sso) {
        if (user.isAuthenticated()) {
            Account account = user.require();
            accounts.logout(account.id);
            cache.invalidate(account.username); // this node at once; the others by NOTIFY
        }
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        if (ssoEnabled && sso != null) {
            // RP-initiated logout: quarkus-oidc sends the browser to the provider's end-session
            // endpoint with the ID token, and the provider sends it back to /login. A page of ours
            // moves on to /sso/logout rather than a redirect: the CSP's form-action 'self' would stop
            // this form post's redirect chain at the provider's origin.
            NewCookie ssoDone = new NewCookie.Builder(SSO_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build();
            return Response.ok(Templates.signingOut("/sso/logout")).type(MediaType.TEXT_HTML_TYPE)
                    .cookie(expired, ssoDone).build();
        }
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
