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
 * A case-file review campaign (案卷评查活动): 年度 or 专项, owned by a unit, over a period, with
 * the units under review, the reviewers, a sample size per unit and the standard it scores by.
 */
@Entity
@Table(name = "review_campaign")
public class ReviewCampaign extends BaseEntity {

    public enum Kind {
        ANNUAL, SPECIAL;

        public String msgKey() {
            return "kind_" + name();
        }
    }

    public enum Status {
        /** Case files are entered; nothing sampled yet. */
        DRAFT,
        /** Sampled and assigned: reviewers score, units may contest. */
        REVIEWING,
        /** Closed by the owner: results final, targeted training assigned. */
        FINISHED;

        public String msgKey() {
            return "cstatus_" + name();
        }
    }

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public int year;

    @Column(name = "owning_unit_id")
    public Long owningUnitId;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "standard_id")
    public Long standardId;

    @Column(name = "sample_size")
    public int sampleSize;

    @Column(name = "sample_seed")
    public Long sampleSeed;

    @Column(name = "sampled_at")
    public Instant sampledAt;

    @Column(name = "sampled_by")
    public String sampledBy;

    @Enumerated(EnumType.STRING)
    public Status status = Status.DRAFT;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "finished_by")
    public String finishedBy;

    @Column(name = "created_by")
    public String createdBy;
}
