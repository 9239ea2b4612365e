package cn.zhifa.academy.organization;

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
import cn.zhifa.academy.platform.security.OrgScope;

/** An organisation unit (组织单位): the city, a district/county or a township/street. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends BaseEntity {

    @Column(name = "parent_id")
    public Long parentId;

    @NotBlank
    @Size(max = 32)
    public String code;

    @NotBlank
    @Size(max = 100)
    public String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    public OrgLevel level;

    /** For towns: 城区街道 / 中心镇 / 一般乡镇 … (configurable list). */
    @Column(name = "town_type")
    public String townType;

    /** Materialised path of ids, e.g. "/1/4/9/". */
    @NotBlank
    public String path;

    @Column(name = "sort_order")
    public int sortOrder;

    public static Optional<OrgUnit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The unit and everything below it, parents before children. */
    public static List<OrgUnit> subtree(String pathPrefix) {
        return list(OrgScope.pathWithin("path", "?1") + " ORDER BY path, sortOrder", OrgScope.subtreePattern(pathPrefix));
    }

    public static List<OrgUnit> allOrdered() {
        return list("ORDER BY path, sortOrder");
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
