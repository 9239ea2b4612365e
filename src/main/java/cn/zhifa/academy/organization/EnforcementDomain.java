package cn.zhifa.academy.organization;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An enforcement domain (执法领域), e.g. 市场监管; "通用" is common law knowledge. Seeded by Flyway. */
@Entity
@Table(name = "enforcement_domain")
public class EnforcementDomain extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    @Column(name = "sort_order")
    public int sortOrder;

    public static List<EnforcementDomain> ordered() {
        return list("ORDER BY sortOrder");
    }

    public static Optional<EnforcementDomain> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
