package cn.zhifa.academy.exam.paper;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import cn.zhifa.academy.exam.bank.QuestionFields;
import cn.zhifa.academy.exam.bank.QuestionType;

/** One part of a paper: {@code count} questions of a type matching the filters, points each. */
@Entity
@Table(name = "blueprint_section")
public class BlueprintSection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "blueprint_id")
    public Blueprint blueprint;

    public int position;

    @Enumerated(EnumType.STRING)
    public QuestionType type;

    @Column(name = "question_count")
    public int questionCount;

    public BigDecimal points;

    @Column(name = "partial_credit")
    public BigDecimal partialCredit;

    @Column(name = "domain_codes")
    public String domainCodes = "";

    public String laws = "";

    @Column(name = "difficulty_min")
    public int difficultyMin = 1;

    @Column(name = "difficulty_max")
    public int difficultyMax = 5;

    public String tags = "";

    /**
     * Draw from the candidate's weak knowledge points first (review findings on case files they
     * handled, questions they answered wrongly), then from the rest of the section's pool.
     */
    @Column(name = "weak_points")
    public boolean weakPoints;

    public BigDecimal subtotal() {
        return points.multiply(BigDecimal.valueOf(questionCount));
    }

    public List<String> domainList() {
        return QuestionFields.split(domainCodes);
    }

    public List<String> lawList() {
        return QuestionFields.split(laws);
    }

    public List<String> tagList() {
        return QuestionFields.split(tags);
    }

}
