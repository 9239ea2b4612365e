package cn.zhifa.academy.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.records.ExamResultRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Webhooks (issue 17 item 2): subscribers learn when a qualification is issued, suspended,
 * cancelled or expires, and when an exam result is recorded, for people in their client's
 * subtree. Events become rows of {@code webhook_delivery} (the delivery log) — qualification
 * events by reading the append-only qualification history past a cursor, exam results in the
 * grading transaction — and a job sends them: POST of the JSON payload, signed with
 * HMAC-SHA256 of {@code <timestamp>.<body>} under the subscription's secret
 * ({@code X-Academy-Signature: t=<unix seconds>,v1=<hex>}), retried with exponential backoff,
 * and replayable by an administrator.
 */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class);

    public static final Set<String> EVENTS = Set.of("qualification.issued", "qualification.suspended",
            "qualification.cancelled", "qualification.expired", "exam.result_recorded");
    public static final String SIGNATURE_HEADER = "X-Academy-Signature";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    IntegrationConfig config;

    @Inject
    AuditLog audit;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Transactional
    public WebhookSubscription subscribe(String clientId, String url, List<String> events, String actor) {
        MachineClient c = MachineClient.<MachineClient> find("clientId", clientId).firstResultOptional()
                .orElseThrow(() -> InvalidException.field("clientId", "integration.client_not_found"));
        URI u;
        try {
            u = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidException.field("url", "integration.url_invalid");
        }
        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null || url.length() > 500) {
            throw InvalidException.field("url", "integration.url_http");
        }
        if (events == null || events.isEmpty() || !EVENTS.containsAll(events)) {
            throw InvalidException.field("events", "integration.events_allowed", String.join(", ", EVENTS.stream().sorted().toList()));
        }
        WebhookSubscription s = new WebhookSubscription();
        s.clientId = c.id;
        s.url = url.trim();
        s.secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(MachineClients.bytes(32));
        s.events = String.join(",", events);
        s.persist();
        audit.record("webhook.subscribed", "webhook_subscription", s.id,
                AuditLog.detail("clientId", clientId, "url", s.url, "events", s.events));
        return s;
    }

    // ------------------------------------------------------------ events into the delivery log

    /** Exam results, in the transaction that records them. */
    void onExamResult(@Observes ExamResultRecorded r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("personId", r.personId());
        data.put("examCode", r.examCode());
        data.put("examTitle", r.examTitle());
        data.put("score", r.score());
        data.put("passed", r.passed());
        data.put("finishedAt", String.valueOf(r.finishedAt()));
        enqueue("exam.result_recorded", "exam:" + r.examId() + ":" + r.personId() + ":" + r.score() + ":" + r.attemptsUsed(),
                r.personId(), data);
    }

    /** Qualification history past the cursor becomes deliveries (issued, suspended, cancelled, expired). */
    @Transactional
    public int collect() {
        long last = ((Number) em.createNativeQuery("SELECT last_id FROM webhook_cursor WHERE name = 'qualification_event' "
                + "FOR UPDATE").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.action, q.number, q.person_id, e.to_state, e.effective_on, "
                + "e.issued_on, e.expires_on, q.domain_code, e.occurred_at FROM qualification_event e "
                + "JOIN qualification q ON q.id = e.qualification_id WHERE e.id > ?1 ORDER BY e.id LIMIT 1000")
                .setParameter(1, last).getResultList();
        int queued = 0;
        for (Object[] r : rows) {
            last = ((Number) r[0]).longValue();
            String event = switch (String.valueOf(r[1])) {
                case "ISSUED", "REISSUED", "RENEWED" -> "qualification.issued";
                case "SUSPENDED" -> "qualification.suspended";
                case "CANCELLED" -> "qualification.cancelled";
                case "EXPIRED" -> "qualification.expired";
                default -> null;
            };
            if (event == null) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("number", r[2]);
            data.put("personId", ((Number) r[3]).longValue());
            data.put("state", r[4]);
            data.put("effectiveOn", String.valueOf(r[5]));
            data.put("issuedOn", String.valueOf(r[6]));
            data.put("expiresOn", String.valueOf(r[7]));
            data.put("domain", r[8]);
            queued += enqueue(event, "qe:" + last, ((Number) r[3]).longValue(), data);
        }
        em.createNativeQuery("UPDATE webhook_cursor SET last_id = ?1 WHERE name = 'qualification_event'")
                .setParameter(1, last).executeUpdate();
        return queued;
    }

    /** One delivery per enabled subscription that wants the event and whose client's subtree holds the person. */
    int enqueue(String event, String key, long personId, Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        List<Number> subs = em.createNativeQuery("SELECT s.id FROM webhook_subscription s "
                + "JOIN machine_client c ON c.id = s.client_id JOIN org_unit cu ON cu.id = c.org_unit_id "
                + "JOIN person p ON p.id = ?1 JOIN org_unit pu ON pu.id = p.unit_id "
                + "WHERE s.enabled AND c.enabled AND (',' || s.events || ',') LIKE ?2 AND pu.path LIKE cu.path || '%'")
                .setParameter(1, personId).setParameter(2, "%," + event + ",%").getResultList();
        int n = 0;
        for (Number sub : subs) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", key);
            body.put("event", event);
            body.put("occurredAt", Now.instant().toString());
            body.put("data", data);
            String payload;
            try {
                payload = json.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            n += em.createNativeQuery("INSERT INTO webhook_delivery (subscription_id, event, event_key, payload, status) "
                    + "VALUES (?1, ?2, ?3, ?4, 'PENDING') ON CONFLICT (subscription_id, event_key) DO NOTHING")
                    .setParameter(1, sub.longValue()).setParameter(2, event).setParameter(3, key).setParameter(4, payload)
                    .executeUpdate();
        }
        return n;
    }

    // ------------------------------------------------------------ sending

    /** Sends every due delivery once; returns how many were delivered. */
    public int deliverDue() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "SELECT d.id FROM WebhookDelivery d WHERE d.status = ?1 AND d.nextAttemptAt <= ?2 ORDER BY d.id", Long.class)
                .setParameter(1, WebhookDelivery.Status.PENDING).setParameter(2, Now.instant()).setMaxResults(200)
                .getResultList());
        int delivered = 0;
        for (long id : due) {
            if (attempt(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** One attempt of one delivery, its outcome written to the log. */
    public boolean attempt(long id) {
        record Job(String url, String secret, String payload) {
        }
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id);
            WebhookSubscription s = d == null ? null : WebhookSubscription.findById(d.subscriptionId);
            return s == null ? null : new Job(s.url, s.secret, d.payload);
        });
        if (job == null) {
            return false;
        }
        long ts = Now.instant().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(job.url()))
                    .timeout(config.webhookTimeout()).header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, "t=" + ts + ",v1=" + sign(job.secret(), ts, job.payload()))
                    .header("X-Academy-Delivery", String.valueOf(id))
                    .POST(HttpRequest.BodyPublishers.ofString(job.payload(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        Integer code = status;
        String err = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id);
            d.attempts++;
            d.lastStatus = code;
            d.lastError = err;
            if (err == null) {
                d.status = WebhookDelivery.Status.DELIVERED;
                d.deliveredAt = Now.instant();
                return true;
            }
            if (d.attempts >= config.webhookMaxAttempts()) {
                d.status = WebhookDelivery.Status.FAILED;
            } else {
                long factor = 1L << Math.min(d.attempts - 1, 20);
                d.nextAttemptAt = Now.instant().plus(config.webhookBackoff().multipliedBy(factor));
            }
            LOG.debugf("webhook delivery %d failed (attempt %d): %s", id, d.attempts, err);
            return false;
        });
    }

    /** The replay button: the delivery is queued again now (whatever it did before). */
    @Transactional
    public WebhookDelivery replay(long id) {
        WebhookDelivery d = WebhookDelivery.<WebhookDelivery> findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("integration.delivery_not_found"));
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = Now.instant();
        audit.record("webhook.replayed", "webhook_delivery", id, AuditLog.detail("event", d.event, "attempts", d.attempts));
        return d;
    }

    /** HMAC-SHA256 of {@code <ts>.<body>}, hex: what a subscriber recomputes to trust a delivery. */
    public static String sign(String secret, long ts, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((ts + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
