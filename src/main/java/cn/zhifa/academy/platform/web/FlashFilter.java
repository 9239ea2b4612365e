package cn.zhifa.academy.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Hands a {@link Flash} message from one page request to the next, and only once. */
public class FlashFilter {

    @Inject
    Flash flash;

    @ServerRequestFilter
    public void receive(ContainerRequestContext request) {
        Cookie c = request.getCookies().get(Flash.COOKIE);
        if (c != null && !isApi(request) && "GET".equals(request.getMethod())) {
            flash.receive(c.getValue());
        }
    }

    @ServerResponseFilter
    public void clear(ContainerRequestContext request, ContainerResponseContext response) {
        if (!flash.received()) {
            return;
        }
        // shown on this page: gone for the next one (unless this response brings a new one)
        boolean bringsNew = response.getStringHeaders().getOrDefault(HttpHeaders.SET_COOKIE, java.util.List.of()).stream()
                .anyMatch(h -> h.startsWith(Flash.COOKIE + "="));
        if (!bringsNew) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Flash.cleared().toString());
        }
    }

    private static boolean isApi(ContainerRequestContext request) {
        String p = request.getUriInfo().getPath();
        return p.equals("/api") || p.startsWith("/api/");
    }
}
