package cn.zhifa.academy.provider;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhifa.academy.platform.BaseEntity;

/** A third-party institution (第三方机构) commissioned by a unit. */
@Entity
@Table(name = "provider")
public class Provider extends BaseEntity {

    /** 统一社会信用代码, validated by {@link CreditCodes}. */
    @NotBlank
    @Column(name = "credit_code")
    public String creditCode;

    @NotBlank
    @Size(max = 200)
    public String name;

    /** Comma-separated service categories, e.g. 协助巡查,数据录入. */
    @Column(name = "service_categories")
    public String serviceCategories = "";

    @NotNull
    @Column(name = "commissioning_unit_id")
    public Long commissioningUnitId;

    @Column(name = "contract_start")
    public LocalDate contractStart;

    @Column(name = "contract_end")
    public LocalDate contractEnd;

    @NotNull
    @Enumerated(EnumType.STRING)
    public ProviderStatus status = ProviderStatus.ACTIVE;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    public static Optional<Provider> byCreditCode(String code) {
        return find("creditCode", code).firstResultOptional();
    }

    public List<String> categories() {
        return serviceCategories == null || serviceCategories.isBlank() ? List.of()
                : Arrays.stream(serviceCategories.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
