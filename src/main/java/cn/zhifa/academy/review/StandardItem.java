package cn.zhifa.academy.review;

import java.math.BigDecimal;
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

/** One checklist item of a standard: its weight (points out of 100) and knowledge point. */
@Entity
@Table(name = "review_standard_item")
public class StandardItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "standard_id")
    public Long standardId;

    public int position;

    public String code;

    @Enumerated(EnumType.STRING)
    public ReviewCategory category;

    public String name;

    public BigDecimal weight;

    @Column(name = "knowledge_point")
    public String knowledgePoint;

    public List<StandardDeduction> deductions() {
        return StandardDeduction.list("itemId = ?1 ORDER BY position", id);
    }
}
