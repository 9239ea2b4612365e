package cn.zhifa.academy.exam;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;
import cn.zhifa.academy.records.ExamPurpose;

/** A scheduled exam: a blueprint, a window, a duration, an audience and its policies. */
@Entity
@Table(name = "exam")
public class Exam extends BaseEntity {

    public enum Status {
        DRAFT, PUBLISHED, CANCELLED
    }

    public String code;

    public String title;

    public String description = "";

    @Enumerated(EnumType.STRING)
    public ExamPurpose purpose;

    @Column(name = "resit_of_exam_id")
    public Long resitOfExamId;

    @Column(name = "domain_code")
    public String domainCode;

    @Column(name = "blueprint_id")
    public Long blueprintId;

    @Column(name = "owner_unit_id")
    public Long ownerUnitId;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    @Column(name = "max_attempts")
    public int maxAttempts = 1;

    @Enumerated(EnumType.STRING)
    @Column(name = "grading_method")
    public GradingMethod gradingMethod = GradingMethod.HIGHEST;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_policy")
    public ReviewPolicy reviewPolicy = ReviewPolicy.AFTER_CLOSE;

    public String bands;

    /** 匿名阅卷: graders see "考生 #n" instead of the candidate's name (issue 13). */
    @Column(name = "anonymous_grading")
    public boolean anonymousGrading;

    @Enumerated(EnumType.STRING)
    public Status status = Status.DRAFT;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_by")
    public String createdBy;

    public static Optional<Exam> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public GradeBands gradeBands() {
        return GradeBands.parse(bands);
    }
}
