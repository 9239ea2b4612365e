package cn.zhifa.academy.organization;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhifa.academy.platform.BaseEntity;

/** A department (部门) inside an organisation unit, e.g. 综合行政执法局. */
@Entity
@Table(name = "department")
public class Department extends BaseEntity {

    @NotNull
    @Column(name = "org_unit_id")
    public Long orgUnitId;

    @NotBlank
    @Size(max = 32)
    public String code;

    @NotBlank
    @Size(max = 100)
    public String name;

    /** The enforcement domain the department works in, if it is a sector department. */
    @Column(name = "domain_id")
    public Long domainId;

    public static List<Department> ofUnits(List<Long> unitIds) {
        return unitIds.isEmpty() ? List.of() : list("orgUnitId IN ?1 ORDER BY code", unitIds);
    }
}
