package cn.zhifa.academy.platform.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.security.Roles;

/** The audit log for system administrators: newest first, and the chain verification. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SYSADMIN)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    AuditQueries queries;

    @Inject
    AuditAnchors anchors;

    public record EventView(long id, Instant occurredAt, String actor, String action, String entityType,
            String entityId, String detail, String remoteAddr, String hash) {
        static EventView of(AuditEvent e) {
            return new EventView(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.detail,
                    e.remoteAddr, e.hash.trim());
        }
    }

    @GET
    @Operation(summary = "Audit events, newest first; page backwards with ?before=<id>")
    public List<EventView> list(@QueryParam("before") Long before, @QueryParam("action") String action,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.page(before, action, entityType, entityId, size).stream().map(EventView::of).toList();
    }

    @GET
    @Path("verify")
    @Operation(summary = "Recompute the hash chain; names the first broken event")
    public AuditLog.Verification verify() {
        return audit.verify();
    }

    @jakarta.ws.rs.POST
    @Path("anchor")
    @Operation(summary = "Write an anchor of the chain's head to the object store now (the job does it every "
            + "academy.audit.anchor-every); 204 when an anchor of this second exists already")
    public jakarta.ws.rs.core.Response anchor() throws java.io.IOException {
        return anchors.anchorNow().map(a -> jakarta.ws.rs.core.Response.ok(a).build())
                .orElseGet(() -> jakarta.ws.rs.core.Response.noContent().build());
    }
}
