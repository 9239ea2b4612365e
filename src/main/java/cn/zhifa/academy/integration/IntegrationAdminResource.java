package cn.zhifa.academy.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;

/** System administrators register machine clients and webhooks, read the delivery log and replay (issue 17 item 2). */
@Path("/api/v1/admin/integrations")
@RolesAllowed(Roles.SYSADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machine clients and webhooks")
public class IntegrationAdminResource {

    @Inject
    MachineClients clients;

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentUser user;

    public record ClientInput(String name, Long orgUnitId, MachineClient.Access access, Integer perMinute) {
    }

    public record WebhookInput(String clientId, String url, List<String> events) {
    }

    @POST
    @Path("clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a machine client; the secret is shown only in this answer")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "platform", value = """
            {"name":"Provincial integrated enforcement platform","orgUnitId":1,"access":"READ","perMinute":600}""")))
    public MachineClients.Registered register(ClientInput in) {
        if (in == null || in.orgUnitId() == null) {
            throw InvalidException.field("orgUnitId", "integration.unit_required");
        }
        return clients.register(in.name(), in.orgUnitId(), in.access(), in.perMinute(), user.getUsername());
    }

    @POST
    @Path("clients/{clientId}/{action:enable|disable}")
    @Operation(summary = "Enable or disable a client (disabling ends its tokens at once)")
    public Map<String, Object> enable(@PathParam("clientId") String clientId, @PathParam("action") String action) {
        clients.setEnabled(clientId, action.equals("enable"));
        return Map.of("clientId", clientId, "enabled", action.equals("enable"));
    }

    @GET
    @Path("clients")
    @Transactional
    @Operation(summary = "Machine clients (never their secrets)")
    public List<Map<String, Object>> list() {
        return MachineClient.<MachineClient> listAll().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clientId", c.clientId);
            m.put("name", c.name);
            m.put("orgUnitId", c.orgUnitId);
            m.put("access", c.access.name());
            m.put("perMinute", c.perMinute);
            m.put("enabled", c.enabled);
            return m;
        }).toList();
    }

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a client's URL to events; the HMAC secret is shown only in this answer")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "webhook", value = """
            {"clientId":"mc-1a2b3c4d5e6f7a8b","url":"https://zfpt.example.gov.cn/hooks/academy",
             "events":["qualification.issued","qualification.suspended","qualification.cancelled","qualification.expired","exam.result_recorded"]}""")))
    public Map<String, Object> subscribe(WebhookInput in) {
        if (in == null) {
            throw InvalidException.field("url", "integration.url_required");
        }
        WebhookSubscription s = webhooks.subscribe(in.clientId(), in.url(), in.events(), user.getUsername());
        return Map.of("id", s.id, "url", s.url, "events", List.of(s.events.split(",")), "secret", s.secret);
    }

    @GET
    @Path("deliveries")
    @Transactional
    @Operation(summary = "The delivery log, newest first (status PENDING, DELIVERED or FAILED)")
    public List<Map<String, Object>> deliveries(@QueryParam("status") String status) {
        List<WebhookDelivery> list = status == null || status.isBlank()
                ? WebhookDelivery.<WebhookDelivery> find("ORDER BY id DESC").page(0, 200).list()
                : WebhookDelivery.<WebhookDelivery> find("status = ?1 ORDER BY id DESC",
                        WebhookDelivery.Status.valueOf(status)).page(0, 200).list();
        return list.stream().map(IntegrationAdminResource::view).toList();
    }

    static Map<String, Object> view(WebhookDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id);
        m.put("subscriptionId", d.subscriptionId);
        m.put("event", d.event);
        m.put("status", d.status.name());
        m.put("attempts", d.attempts);
        m.put("lastStatus", d.lastStatus);
        m.put("lastError", d.lastError);
        m.put("nextAttemptAt", String.valueOf(d.nextAttemptAt));
        m.put("deliveredAt", d.deliveredAt == null ? null : d.deliveredAt.toString());
        m.put("payload", d.payload);
        return m;
    }

    @POST
    @Path("deliveries/{id:\\d+}/replay")
    @Operation(summary = "Replay a delivery: queued again now and sent by the next run")
    public Map<String, Object> replay(@PathParam("id") long id) {
        return view(webhooks.replay(id));
    }
}
