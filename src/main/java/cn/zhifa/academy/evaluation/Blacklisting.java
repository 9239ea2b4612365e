package cn.zhifa.academy.evaluation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** A provider on the blacklist (黑名单) from {@link #startsOn} until before {@link #endsOn}, unless lifted. */
@Entity
@Table(name = "provider_blacklist")
public class Blacklisting extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "provider_id")
    public Long providerId;

    public String reason;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt = Now.instant();

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lift_reason")
    public String liftReason;

    public boolean inForceOn(LocalDate d) {
        return liftedAt == null && !d.isBefore(startsOn) && d.isBefore(endsOn);
    }

    /** Whether the blacklisting (unless lifted) overlaps the days [from, to]. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return liftedAt == null && !to.isBefore(startsOn) && from.isBefore(endsOn);
    }
}
