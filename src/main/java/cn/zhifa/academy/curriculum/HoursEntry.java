package cn.zhifa.academy.curriculum;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** One line of the learning-hours ledger (学时台账). */
@Entity
@Table(name = "hours_ledger")
public class HoursEntry extends PanacheEntityBase {

    public enum Source {
        COURSE, OFFLINE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    public int year;

    public BigDecimal hours;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "course_id")
    public Long courseId;

    public String description;

    @Column(name = "evidence_media_id")
    public Long evidenceMediaId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt = Now.instant();

    public static BigDecimal total(long personId, int year) {
        BigDecimal sum = getEntityManager()
                .createQuery("SELECT COALESCE(SUM(h.hours), 0) FROM HoursEntry h WHERE h.personId = ?1 AND h.year = ?2",
                        BigDecimal.class)
                .setParameter(1, personId).setParameter(2, year).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }
}
