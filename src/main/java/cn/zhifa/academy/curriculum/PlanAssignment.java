package cn.zhifa.academy.curriculum;

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

/** A plan applies to a person; closed (never deleted) when they leave the audience. */
@Entity
@Table(name = "plan_assignment")
public class PlanAssignment extends PanacheEntityBase {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id")
    public Long planId;

    @Column(name = "person_id")
    public Long personId;

    @Enumerated(EnumType.STRING)
    public Status status = Status.OPEN;

    /** Why this person was assigned by name (e.g. a qualification's renewal); the sync keeps it open. */
    @Column(name = "pinned_reason")
    public String pinnedReason;

    @Column(name = "opened_at")
    public Instant openedAt = Now.instant();

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;
}
