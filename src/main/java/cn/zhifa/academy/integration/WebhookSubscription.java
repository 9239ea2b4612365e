package cn.zhifa.academy.integration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** A machine client's webhook: the URL, the HMAC secret and the events it wants. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id")
    public Long clientId;

    public String url;

    public String secret;

    /** Comma-separated event names (see {@link Webhooks#EVENTS}). */
    public String events;

    public boolean enabled = true;

    @Column(name = "created_at")
    public Instant createdAt = Now.instant();

    public boolean wants(String event) {
        return java.util.Arrays.asList(events.split(",")).contains(event);
    }
}
