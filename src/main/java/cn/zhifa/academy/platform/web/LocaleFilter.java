package cn.zhifa.academy.platform.web;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Resolves the request's language once, before any resource runs: cookie, else Chinese. */
public class LocaleFilter {

    @Inject
    LocaleContext context;

    @ServerRequestFilter(preMatching = true)
    public void resolve(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(LocaleContext.COOKIE);
        Locale locale = cookie == null ? null : LocaleContext.supported(cookie.getValue());
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        Locale chosen = locale == null ? LocaleContext.DEFAULT : locale;
        context.set(chosen, query == null ? path : path + "?" + query);
        // Qute picks the template locale from Accept-Language: make it the one chosen here,
        // so the browser's own language never overrides the platform's choice.
        request.getHeaders().putSingle("Accept-Language", chosen.toLanguageTag());
    }
}
