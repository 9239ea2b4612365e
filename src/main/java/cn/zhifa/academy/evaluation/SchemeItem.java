package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A weighted item of a scheme (考核项目): its score 0..maxScore counts weight × score / maxScore points. */
@Entity
@Table(name = "eval_scheme_item")
public class SchemeItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "scheme_id")
    public Long schemeId;

    public int position;

    public String code;

    public String name;

    public BigDecimal weight;

    @Column(name = "max_score")
    public BigDecimal maxScore;

    @Enumerated(EnumType.STRING)
    public ItemSource source;

    public String param;
}
