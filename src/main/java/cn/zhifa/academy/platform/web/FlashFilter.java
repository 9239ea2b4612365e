package cn.zhifa.academy.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;

/** Hands a {@link Flash} message from one page request to the next, and only once. */
public class FlashFilter {

    @Inject
    Flash flash;

    /** Pages only (GET outside /api); the cookie read from the Vert.x request, without JAX-RS's parsing of them all. */
    @ServerRequestFilter
    public void receive(ContainerRequestContext request, HttpServerRequest http) {
        if (!"GET".equals(request.getMethod()) || isApi(http.path())) {
            return;
        }
        io.vertx.core.http.Cookie c = http.getCookie(Flash.COOKIE);
        if (c != null) {
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

    private static boolean isApi(String p) {
        return p.equals("/api") || p.startsWith("/api/");
    }
}
