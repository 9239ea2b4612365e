package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An item's score in an evaluation: entered (manual items) or pulled from the records. */
@Entity
@Table(name = "evaluation_score")
public class EvaluationScore extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evaluation_id")
    public Long evaluationId;

    @Column(name = "item_id")
    public Long itemId;

    public BigDecimal score;

    public String note;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "entered_at")
    public Instant enteredAt;
}
