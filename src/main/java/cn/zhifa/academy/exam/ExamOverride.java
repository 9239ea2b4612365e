package cn.zhifa.academy.exam;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** Extra time, extra attempts or another window for one person or an organisation subtree. */
@Entity
@Table(name = "exam_override")
public class ExamOverride extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "exam_id")
    public Long examId;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "extra_minutes")
    public int extraMinutes;

    @Column(name = "extra_attempts")
    public int extraAttempts;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Now.instant();
    }
}
