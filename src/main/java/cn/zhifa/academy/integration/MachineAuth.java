package cn.zhifa.academy.integration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.OrgHierarchy;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.web.ProblemException;
import io.vertx.ext.web.RoutingContext;

/**
 * The machine API's gate, called first by every machine endpoint: a live bearer token
 * (401 otherwise), the client's per-minute budget (429), write access for changes (403), and
 * one audit event per call (actor {@code machine:<client id>}), committed whatever the call then does. The client's organisation
 * scope is an {@link OrgScope.Subtree} of its unit, used with the same query helpers as people's.
 */
@RequestScoped
public class MachineAuth {

    public static final String PROBLEM_TYPE = "https://academy.invalid/problems/machine-auth";

    @Inject
    RoutingContext request;

    @Inject
    MachineClients clients;

    @Inject
    OrgHierarchy tree;

    @Inject
    AuditLog audit;

    /** A client and its subtree. */
    public record Caller(MachineClient client, OrgScope.Subtree scope) {
        public String actor() {
            return "machine:" + client.clientId;
        }
    }

    /** Its own transaction: the audit event stays even when the call is refused or then fails (404, 422…). */
    public Caller read() {
        return gate(false);
    }

    public Caller write() {
        return gate(true);
    }

    private Caller gate(boolean write) {
        Object outcome = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            try {
                return decide(write);
            } catch (ProblemException refused) {
                return refused;
            }
        });
        if (outcome instanceof ProblemException refused) {
            throw refused;
        }
        return (Caller) outcome;
    }

    private Caller decide(boolean write) {
        String h = request.request().getHeader("Authorization");
        String token = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
        MachineClient c = clients.byToken(token).orElseThrow(() -> new ProblemException(401, "Unauthorized",
                "A valid bearer token from POST /oauth2/token is required"));
        String path = request.normalizedPath();
        String method = request.request().method().name();
        if (!clients.allow(c)) {
            audit.recordAs("machine:" + c.clientId, "machine.call_refused", "machine_client", c.id,
                    AuditLog.detail("method", method, "path", path, "reason", "rate limit"));
            request.response().putHeader("Retry-After", "60");
            throw new ProblemException(429, "Too many requests", "Rate limit of " + c.perMinute + " calls per minute");
        }
        if (write && c.access != MachineClient.Access.READ_WRITE) {
            audit.recordAs("machine:" + c.clientId, "machine.call_refused", "machine_client", c.id,
                    AuditLog.detail("method", method, "path", path, "reason", "read-only client"));
            throw new ProblemException(403, "Forbidden", "This client may only read");
        }
        String prefix = tree.pathOf(c.orgUnitId).orElseThrow(() -> new ProblemException(403, "Forbidden",
                "The client's unit no longer exists"));
        audit.recordAs("machine:" + c.clientId, write ? "machine.write" : "machine.read", "machine_client", c.id,
                AuditLog.detail("method", method, "path", path, "query", request.request().query()));
        return new Caller(c, new OrgScope.Subtree(c.orgUnitId, prefix));
    }

    static Response.Status status(int code) {
        return Response.Status.fromStatusCode(code);
    }
}
