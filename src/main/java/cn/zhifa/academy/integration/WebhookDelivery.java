package cn.zhifa.academy.integration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** One event for one subscription, and how its delivery went (the delivery log). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id")
    public Long subscriptionId;

    public String event;

    /** Unique per subscription: the same event is never queued twice. */
    @Column(name = "event_key")
    public String eventKey;

    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt = Now.instant();

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt = Now.instant();

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
