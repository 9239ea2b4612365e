package cn.zhifa.academy.review;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/**
 * A finding (评查问题): a deduction applied to a case file with the reviewer's text and the
 * item's knowledge point. The unit may contest it once; the campaign owner upholds it or
 * withdraws it (a withdrawn finding costs no points and triggers no training).
 */
@Entity
@Table(name = "review_finding")
public class ReviewFinding extends BaseEntity {

    public enum Status {
        OPEN, CONTESTED, UPHELD, WITHDRAWN;

        public String msgKey() {
            return "xstatus_" + name();
        }
    }

    @Column(name = "case_file_id")
    public Long caseFileId;

    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "deduction_id")
    public Long deductionId;

    public BigDecimal points;

    @Column(name = "knowledge_point")
    public String knowledgePoint;

    public String text;

    @Enumerated(EnumType.STRING)
    public Status status = Status.OPEN;

    @Column(name = "contest_reason")
    public String contestReason;

    @Column(name = "contested_by")
    public String contestedBy;

    @Column(name = "contested_at")
    public Instant contestedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_by")
    public String createdBy;

    /** Counts against the file: everything but a withdrawn finding. */
    public boolean counts() {
        return status != Status.WITHDRAWN;
    }
}
