package cn.zhifa.academy.qualification;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** 年审: the annual check of a qualification, one per year. */
@Entity
@Table(name = "qualification_annual_check")
public class AnnualCheck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "qualification_id")
    public Long qualificationId;

    public int year;

    public boolean passed;

    public String note;

    @Column(name = "checked_by")
    public String checkedBy;

    @Column(name = "checked_at")
    public Instant checkedAt = Now.instant();

    public static List<AnnualCheck> of(long qualificationId) {
        return list("qualificationId = ?1 ORDER BY year DESC", qualificationId);
    }
}
