package cn.zhifa.academy.qualification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The offline verification page (离线核验): its own script checks a credential's ES256 signature
 * against the public keys embedded in the page, with WebCrypto, without asking the server; then,
 * when online, it asks for the live state. A service worker keeps the page, its script and the
 * keys, so a phone that opened it once verifies at the roadside without signal.
 */
@Path("/verify/offline")
@PermitAll
public class OfflineVerifyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance offline(String jwks);
    }

    @Inject
    CredentialKeys keys;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() throws JsonProcessingException {
        return Response.ok(Templates.offline(json.writeValueAsString(keys.jwks())))
                .header("Cache-Control", "no-cache").header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex").build();
    }

    /** The service worker (scope /verify/offline): cache first for the page, its script and the keys. */
    @GET
    @Path("sw.js")
    @Produces("text/javascript")
    public Response serviceWorker() {
        String sw = """
                const CACHE = 'academy-verify-v1';
                const FILES = ['/verify/offline', '/static/verify-offline.js', '/static/app.css', '/.well-known/jwks.json'];
                self.addEventListener('install', e => e.waitUntil(caches.open(CACHE).then(c => c.addAll(FILES))));
                self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
                self.addEventListener('fetch', e => {
                  const url = new URL(e.request.url);
                  if (e.request.method !== 'GET' || !FILES.includes(url.pathname)) return;
                  // network first (fresh keys, a revoked key disappears), the cache when offline
                  e.respondWith(fetch(e.request).then(r => {
                    const copy = r.clone();
                    caches.open(CACHE).then(c => c.put(url.pathname, copy));
                    return r;
                  }).catch(() => caches.match(url.pathname)));
                });
                """;
        return Response.ok(sw).header("Cache-Control", "no-cache").header("Service-Worker-Allowed", "/verify/").build();
    }
}
