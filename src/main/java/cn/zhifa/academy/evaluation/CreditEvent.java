package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

/** A credit event (信用事件) of a provider: signed points on a date, with optional evidence. */
@Entity
@Table(name = "credit_event")
public class CreditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "provider_id")
    public Long providerId;

    @Enumerated(EnumType.STRING)
    public CreditEventKind kind;

    /** Signed: negative for complaints and profiteering. */
    public BigDecimal points;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    public String description;

    @Column(name = "evidence_media_id")
    public Long evidenceMediaId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt = Now.instant();
}
