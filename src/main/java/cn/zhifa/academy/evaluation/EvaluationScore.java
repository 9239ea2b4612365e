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

    /**
     * A pulled item with no data for this subject and cycle (no exam in the window, no hours
     * yet): 不适用, left out of the total, whose weights are re-normalised over the other items.
     */
    @Column(name = "not_applicable")
    public boolean notApplicable;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "entered_at")
    public Instant enteredAt;
}
