package cn.zhifa.academy.review;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A deduction a reviewer may apply to an item (扣分点). */
@Entity
@Table(name = "review_standard_deduction")
public class StandardDeduction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id")
    public Long itemId;

    public int position;

    public String code;

    public String text;

    public BigDecimal points;
}
