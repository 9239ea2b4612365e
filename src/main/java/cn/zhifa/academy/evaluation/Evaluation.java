package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/**
 * One subject's evaluation in one cycle: an auxiliary person's 责任制考核 or a provider's
 * 信用评价. Editable while open; confirming locks it.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation extends BaseEntity {

    public enum Status {
        OPEN, CONFIRMED
    }

    @Column(name = "scheme_id")
    public Long schemeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "provider_id")
    public Long providerId;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "cycle_label")
    public String cycleLabel;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    public Status status = Status.OPEN;

    /** Sum of the item points (null until every item has a score). */
    @Column(name = "base_score")
    public BigDecimal baseScore;

    /** Credit events of the cycle (providers). */
    public BigDecimal adjustment = BigDecimal.ZERO;

    public BigDecimal total;

    public String band;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }
}
