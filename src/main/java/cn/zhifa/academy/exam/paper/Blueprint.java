package cn.zhifa.academy.exam.paper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/** 组卷规则: sections drawn by type and filters, a pass mark, shuffling. */
@Entity
@Table(name = "blueprint")
public class Blueprint extends BaseEntity {

    public String name;

    @Column(name = "owner_unit_id")
    public Long ownerUnitId;

    @Column(name = "pass_mark")
    public BigDecimal passMark;

    @Column(name = "shuffle_questions")
    public boolean shuffleQuestions = true;

    @Column(name = "shuffle_options")
    public boolean shuffleOptions = true;

    @Column(name = "created_by")
    public String createdBy;

    @OneToMany(mappedBy = "blueprint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<BlueprintSection> sections = new ArrayList<>();

    public BigDecimal total() {
        return sections.stream().map(BlueprintSection::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int questionCount() {
        return sections.stream().mapToInt(s -> s.questionCount).sum();
    }
}
