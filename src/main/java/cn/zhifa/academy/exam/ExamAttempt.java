package cn.zhifa.academy.exam;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One candidate's attempt at an exam: their own paper, deadline, device and result. */
@Entity
@Table(name = "exam_attempt")
public class ExamAttempt extends PanacheEntityBase {

    public enum Status {
        /** Drawn before the bell (issue 11); invisible until its candidate presses 开始. */
        PREPARED, IN_PROGRESS, SUBMITTED, GRADED
    }

    public enum SubmitKind {
        CANDIDATE, AUTO
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "exam_id")
    public Long examId;

    @Column(name = "person_id")
    public Long personId;

    public int number;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "submit_kind")
    public SubmitKind submitKind;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "max_score")
    public BigDecimal maxScore;

    public BigDecimal score;

    public BigDecimal percent;

    public String band;

    public Boolean passed;

    @Column(name = "pending_items")
    public int pendingItems;

    @Column(name = "graded_at")
    public Instant gradedAt;

    @Version
    public int version;
}
