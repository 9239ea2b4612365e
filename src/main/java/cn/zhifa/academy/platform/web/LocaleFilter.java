package cn.zhifa.academy.platform.web;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Resolves the request's language once, before any resource runs. */
public class LocaleFilter {

    @Inject
    LocaleContext context;

    @ServerRequestFilter(preMatching = true)
    public void resolve(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(LocaleContext.COOKIE);
        Locale locale = cookie == null ? null : LocaleContext.supported(cookie.getValue());
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        context.set(locale == null ? LocaleContext.DEFAULT : locale, query == null ? path : path + "?" + query);
    }
}
