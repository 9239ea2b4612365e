package cn.zhifa.academy.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** One entry of a person's employment-status history (在岗 / 离岗 / 调离). Never changed. */
@Entity
@Table(name = "person_status_change")
public class PersonStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_status_change_seq")
    @SequenceGenerator(name = "person_status_change_seq", sequenceName = "person_status_change_seq", allocationSize = 50)
    public Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EmploymentStatus status;

    @Column(nullable = false, updatable = false)
    public LocalDate since;

    @Column(updatable = false)
    public String reason;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @PrePersist
    void onCreate() {
        recordedAt = Now.instant();
    }

    public static List<PersonStatusChange> history(long personId) {
        return list("personId = ?1 ORDER BY recordedAt DESC, id DESC", personId);
    }
}
