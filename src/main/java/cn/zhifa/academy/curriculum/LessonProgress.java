package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** Where a learner is in one lesson: furthest point watched, last position, completion. */
@Entity
@Table(name = "lesson_progress")
public class LessonProgress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enrollment_id")
    public Long enrollmentId;

    @Column(name = "lesson_key")
    public String lessonKey;

    @Column(name = "furthest_seconds")
    public BigDecimal furthestSeconds = BigDecimal.ZERO;

    @Column(name = "position_seconds")
    public BigDecimal positionSeconds = BigDecimal.ZERO;

    @Column(name = "duration_seconds")
    public BigDecimal durationSeconds;

    @Column(name = "check_score")
    public Integer checkScore;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "updated_at")
    public Instant updatedAt = Now.instant();
}
