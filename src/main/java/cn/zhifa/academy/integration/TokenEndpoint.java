package cn.zhifa.academy.integration;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /oauth2/token}: the OAuth2 client-credentials grant (RFC 6749 §4.4) for machine
 * clients. Credentials by HTTP Basic or as form fields {@code client_id}/{@code client_secret}.
 * A plain route (not a REST resource): it is for machines, so the browser CSRF filter does not
 * apply; errors are RFC 6749 §5.2 JSON.
 */
@Singleton
public class TokenEndpoint {

    public static final String PATH = "/oauth2/token";

    @Inject
    MachineClients clients;

    void install(@Observes Router router) {
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(8192)).blockingHandler(this::handle, false);
    }

    void handle(RoutingContext rc) {
        rc.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache")
                .putHeader("Content-Type", "application/json");
        String grant = rc.request().getFormAttribute("grant_type");
        if (!"client_credentials".equals(grant)) {
            error(rc, 400, "unsupported_grant_type", "grant_type must be client_credentials");
            return;
        }
        String id = rc.request().getFormAttribute("client_id");
        String secret = rc.request().getFormAttribute("client_secret");
        String basic = rc.request().getHeader("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                id = java.net.URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
                secret = java.net.URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                error(rc, 401, "invalid_client", "malformed Basic credentials");
                return;
            }
        }
        Optional<MachineClients.Token> t = clients.token(id, secret);
        if (t.isEmpty()) {
            rc.response().putHeader("WWW-Authenticate", "Basic realm=\"academy\"");
            error(rc, 401, "invalid_client", "unknown client, wrong secret or disabled client");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", t.get().accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", t.get().expiresIn());
        body.put("scope", t.get().scope());
        rc.response().setStatusCode(200).end(new JsonObject(body).encode());
    }

    private static void error(RoutingContext rc, int status, String code, String description) {
        rc.response().setStatusCode(status).end(new JsonObject().put("error", code).put("error_description", description)
                .encode());
    }
}
