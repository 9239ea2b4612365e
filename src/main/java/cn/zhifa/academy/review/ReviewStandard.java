package cn.zhifa.academy.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/**
 * A version of a scoring standard (评查标准): weighted items with their deductions and bands.
 * Never changed once a campaign uses it; an edit writes the next version with the same code.
 */
@Entity
@Table(name = "review_standard")
public class ReviewStandard extends BaseEntity {

    public enum Status {
        ACTIVE, RETIRED
    }

    public String code;

    @Column(name = "version_no")
    public int versionNo;

    public String name;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    /** "优秀:90,良好:80,合格:60,不合格:0": label and minimum total, highest first. */
    public String bands;

    /** Where this version came from: the shipped file or who edited it in the browser. */
    public String source;

    @Column(name = "created_by")
    public String createdBy;

    public List<StandardItem> items() {
        return StandardItem.list("standardId = ?1 ORDER BY position", id);
    }

    /** Loaded from the file shipped with the system (not edited in the browser). */
    public boolean shipped() {
        return source != null && source.endsWith(".yaml");
    }

    public boolean inUse() {
        return ReviewCampaign.count("standardId", id) > 0;
    }

    /** A band: its label and the lowest total that reaches it. */
    public record Band(String label, BigDecimal min) {
    }

    public List<Band> bandList() {
        List<Band> out = new ArrayList<>();
        for (String part : bands.split(",")) {
            int i = part.lastIndexOf(':');
            out.add(new Band(part.substring(0, i).trim(), new BigDecimal(part.substring(i + 1).trim())));
        }
        return out;
    }

    /** The band a total falls in (bands are highest first; the last starts at 0). */
    public String band(BigDecimal total) {
        List<Band> list = bandList();
        for (Band b : list) {
            if (total.compareTo(b.min()) >= 0) {
                return b.label();
            }
        }
        return list.get(list.size() - 1).label();
    }
}
