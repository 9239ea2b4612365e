package cn.zhifa.academy.evaluation;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** A flag on a person (e.g. 连续两次不合格 → 辞退审查), raised by a confirmed evaluation. */
@Entity
@Table(name = "eval_flag")
public class EvalFlag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "evaluation_id")
    public Long evaluationId;

    public String reason;

    @Column(name = "raised_at")
    public Instant raisedAt = Now.instant();

    @Column(name = "cleared_at")
    public Instant clearedAt;

    @Column(name = "cleared_by")
    public String clearedBy;

    @Column(name = "clear_reason")
    public String clearReason;

    public static List<EvalFlag> openOf(long personId) {
        return list("personId = ?1 AND clearedAt IS NULL ORDER BY raisedAt DESC", personId);
    }
}
