package cn.zhifa.academy.integration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 对接管理 (issue 17 item 2): the system administrator's page of webhook subscriptions and the
 * delivery log (status, attempts, last answer and error), with a 重新投递 button per delivery
 * that queues it again ({@link Webhooks#replay}, audited as {@code webhook.replayed}). The same
 * data as {@code /api/v1/admin/integrations}, for people rather than scripts.
 */
@Path("/admin/integrations")
@RolesAllowed(Roles.SYSADMIN)
@Produces(MediaType.TEXT_HTML)
public class IntegrationPage {

    static final int LOG_SIZE = 100;

    public record SubscriptionRow(long id, String clientId, String clientName, String url, List<String> events,
            boolean enabled, Instant createdAt) {
    }

    /** One delivery, its times as local date and time ({@code academy.time-zone}). */
    public record DeliveryRow(long id, long subscriptionId, String event, String status, int attempts,
            Integer lastStatus, String lastError, String nextAttemptAt, String deliveredAt, String createdAt) {
        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<SubscriptionRow> subscriptions, List<DeliveryRow> deliveries,
                String status, Long replayed);
    }

    @Inject
    Webhooks webhooks;

    @GET
    @Transactional
    public TemplateInstance page(@QueryParam("status") String status, @QueryParam("replayed") Long replayed) {
        WebhookDelivery.Status filter = parse(status);
        Map<Long, MachineClient> clients = MachineClient.<MachineClient> listAll().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<SubscriptionRow> subs = WebhookSubscription.<WebhookSubscription> find("ORDER BY id").list().stream()
                .map(s -> {
                    MachineClient c = clients.get(s.clientId);
                    return new SubscriptionRow(s.id, c == null ? "" : c.clientId, c == null ? "" : c.name, s.url,
                            List.of(s.events.split(",")), s.enabled, s.createdAt);
                }).toList();
        List<WebhookDelivery> log = filter == null
                ? WebhookDelivery.<WebhookDelivery> find("ORDER BY id DESC").page(0, LOG_SIZE).list()
                : WebhookDelivery.<WebhookDelivery> find("status = ?1 ORDER BY id DESC", filter).page(0, LOG_SIZE).list();
        List<DeliveryRow> rows = log.stream().map(d -> new DeliveryRow(d.id, d.subscriptionId, d.event, d.status.name(),
                d.attempts, d.lastStatus, d.lastError, local(d.nextAttemptAt), local(d.deliveredAt), local(d.createdAt))).toList();
        return Templates.page(subs, rows, filter == null ? "" : filter.name(), replayed);
    }

    /** 重新投递: the delivery is queued again now and the next run of the webhook job sends it. */
    @POST
    @Path("deliveries/{id:\\d+}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") long id, @jakarta.ws.rs.FormParam("status") String status) {
        webhooks.replay(id);
        WebhookDelivery.Status back = parse(status);
        return Response.seeOther(URI.create("/admin/integrations?replayed=" + id
                + (back == null ? "" : "&status=" + back.name()) + "#delivery-" + id)).build();
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss");

    static String local(Instant at) {
        return at == null ? null : TIME.format(at.atZone(Now.zone()));
    }

    private static WebhookDelivery.Status parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WebhookDelivery.Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
