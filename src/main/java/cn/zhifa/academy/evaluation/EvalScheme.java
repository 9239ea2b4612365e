package cn.zhifa.academy.evaluation;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/**
 * An evaluation scheme (考核方案 / 信用评价方案): weighted items, a cycle, grade bands. Frozen once
 * an evaluation uses it: a change then becomes a new version with the same code.
 */
@Entity
@Table(name = "eval_scheme")
public class EvalScheme extends BaseEntity {

    public enum Status {
        ACTIVE, RETIRED
    }

    public String code;

    @Column(name = "version_no")
    public int versionNo;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;

    @Enumerated(EnumType.STRING)
    public Cycle cycle;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    @Column(name = "owning_unit_id")
    public Long owningUnitId;

    public String description = "";

    @Column(name = "created_by")
    public String createdBy;

    public List<SchemeItem> items() {
        return SchemeItem.list("schemeId = ?1 ORDER BY position", id);
    }

    public List<GradeBand> bands() {
        return GradeBand.list("schemeId = ?1 ORDER BY position", id);
    }

    public boolean inUse() {
        return Evaluation.count("schemeId", id) > 0;
    }
}
