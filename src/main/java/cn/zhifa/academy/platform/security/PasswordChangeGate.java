package cn.zhifa.academy.platform.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.web.LocaleContext;
import cn.zhifa.academy.platform.web.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * "Must change password" holds everywhere, not only on the home page: while it is set, every API
 * call answers 403 problem+json of type {@value #PROBLEM_TYPE} and every page redirects to the
 * change form. Only the change form itself, logout, login, the language switch and the CSRF token
 * stay open (static assets are not served through here). The flag travels on the identity
 * ({@link LockoutIdentityProvider#MUST_CHANGE_PASSWORD}), so the check reads no database row.
 */
public class PasswordChangeGate {

    public static final String PROBLEM_TYPE = "https://academy.invalid/problems/password-change-required";
    static final String FORM = "/account/password";
    private static final Set<String> OPEN = Set.of(FORM, "/logout", "/login", "/api/v1/csrf-token");

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    cn.zhifa.academy.platform.config.AcademyConfig config;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION + 50)
    public Uni<Response> gate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // with the password form off (single sign-on only) no password can be used, so none must be changed
        if (!config.security().formLogin() || OPEN.contains(path) || path.startsWith("/lang/") || path.equals("/lang")) {
            return Uni.createFrom().nullItem();
        }
        // a refused session is the resource's business (public pages stay public): pass it on
        return identities.getDeferredIdentity().map(id -> mustChange(id) ? refuse(path) : (Response) null)
                .onFailure().recoverWithNull();
    }

    static boolean mustChange(SecurityIdentity id) {
        return id != null && !id.isAnonymous()
                && Boolean.TRUE.equals(id.getAttribute(LockoutIdentityProvider.MUST_CHANGE_PASSWORD));
    }

    private static Response refuse(String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(PROBLEM_TYPE, "Password change required", 403,
                            ErrorTexts.text(Locale.ENGLISH, "security.password_change_first") + ": "
                                    + ErrorTexts.text(LocaleContext.DEFAULT, "security.password_change_first") + " (" + FORM + ").",
                            path,
                            null))
                    .build();
        }
        return Response.seeOther(URI.create(FORM)).build();
    }
}
