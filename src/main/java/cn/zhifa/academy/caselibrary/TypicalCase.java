package cn.zhifa.academy.caselibrary;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import cn.zhifa.academy.platform.BaseEntity;

/** A typical case (典型案例) by its code; what it says lives in its {@link CaseVersion}s. */
@Entity
@Table(name = "typical_case")
public class TypicalCase extends BaseEntity {

    /** 领域前缀-年份-序号, e.g. SJ-2025-001; never changes. */
    @NotBlank
    @Column(updatable = false)
    public String code;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public CaseOrigin origin;

    @NotBlank
    @Column(name = "created_by", updatable = false)
    public String createdBy;

    public static Optional<TypicalCase> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
