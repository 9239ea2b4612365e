package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A grade band (等次) [minScore, maxScore); the top band includes 100. */
@Entity
@Table(name = "eval_band")
public class GradeBand extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "scheme_id")
    public Long schemeId;

    public int position;

    public String label;

    @Column(name = "min_score")
    public BigDecimal minScore;

    @Column(name = "max_score")
    public BigDecimal maxScore;

    public String consequence = "";

    /** This many consecutive cycles in the band raise a flag on the person (e.g. 2 × 不合格). */
    @Column(name = "flag_consecutive")
    public Integer flagConsecutive;

    public boolean contains(BigDecimal total) {
        return total.compareTo(minScore) >= 0
                && (total.compareTo(maxScore) < 0 || maxScore.compareTo(BigDecimal.valueOf(100)) == 0);
    }
}
