package cn.zhifa.academy.review;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/**
 * A supervision recommendation (执法监督建议书) issued from a campaign to a unit, with findings
 * attached and a deadline: the unit answers with its rectification and evidence, the issuer
 * accepts it or returns it for another answer.
 */
@Entity
@Table(name = "review_recommendation")
public class Recommendation extends BaseEntity {

    public enum Status {
        ISSUED, ANSWERED, RETURNED, ACCEPTED;

        public String msgKey() {
            return "rstatus_" + name();
        }
    }

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "unit_id")
    public Long unitId;

    public String number;

    public String body;

    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ISSUED;

    @Column(name = "issued_by")
    public String issuedBy;

    public String response;

    @Column(name = "responded_by")
    public String respondedBy;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Waiting for the unit's answer past the deadline. */
    public boolean overdue(LocalDate today) {
        return (status == Status.ISSUED || status == Status.RETURNED) && today.isAfter(deadline);
    }
}
