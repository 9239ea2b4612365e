package cn.zhifa.academy.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person's kept result for one exam (考试档案): the read model that qualifications,
 * evaluations, personal records and dashboards use. Maintained from
 * {@link ExamResultRecorded} events; one row per person and exam.
 */
@Entity
@Table(name = "exam_record")
public class ExamRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "exam_id", nullable = false)
    public Long examId;

    @Column(name = "exam_code", nullable = false)
    public String examCode;

    @Column(name = "exam_title", nullable = false)
    public String examTitle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExamPurpose purpose;

    public boolean resit;

    @Column(name = "domain_code", nullable = false)
    public String domainCode;

    /** Percentage of the paper, 0–100. */
    @Column(nullable = false)
    public BigDecimal score;

    @Column(nullable = false)
    public String band;

    public boolean passed;

    @Column(name = "attempts_used")
    public int attemptsUsed;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<ExamRecord> ofPerson(long personId) {
        return list("personId = ?1 ORDER BY finishedAt DESC, id DESC", personId);
    }
}
