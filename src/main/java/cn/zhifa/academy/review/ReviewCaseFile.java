package cn.zhifa.academy.review;

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
 * A case file (案卷) of a unit under review, entered as metadata; the handling officers are in
 * {@code review_case_officer}. Sampled files carry their draw position and their reviewer.
 */
@Entity
@Table(name = "review_case_file")
public class ReviewCaseFile extends BaseEntity {

    public enum Status {
        ENTERED, SAMPLED, SCORED;

        public String msgKey() {
            return "fstatus_" + name();
        }
    }

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "case_no")
    public String caseNo;

    /** The matter's name as entered (the catalogue's name when chosen from it). */
    public String matter;

    /** The 赋权事项 catalogue code of the matter; null for a matter outside the catalogue. */
    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "decision_type")
    public String decisionType;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "sample_order")
    public Integer sampleOrder;

    @Column(name = "reviewer_person_id")
    public Long reviewerPersonId;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ENTERED;

    public BigDecimal total;

    public String band;

    @Column(name = "scored_at")
    public Instant scoredAt;

    @Column(name = "created_by")
    public String createdBy;
}
