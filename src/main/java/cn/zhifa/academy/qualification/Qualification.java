package cn.zhifa.academy.qualification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/**
 * A person's qualification (资格) of one type in one domain, with its certificate number.
 * Renewal extends the same row into a new {@link #cycle}; every change is a
 * {@link QualificationEvent}, so earlier cycles stay visible.
 */
@Entity
@Table(name = "qualification")
public class Qualification extends BaseEntity {

    public enum IssueMode {
        AUTO, MANUAL
    }

    @Column(name = "type_id")
    public Long typeId;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "domain_code")
    public String domainCode;

    public String number;

    @Enumerated(EnumType.STRING)
    public QualificationState state;

    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "state_since")
    public LocalDate stateSince;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    public int cycle = 1;

    @Enumerated(EnumType.STRING)
    @Column(name = "issue_mode")
    public IssueMode issueMode;

    /** What earned it: exams and scores, hours, or the administrator's reason. */
    public String basis;

    @Column(name = "renewal_cycle")
    public Integer renewalCycle;

    @Column(name = "renewal_opened_on")
    public LocalDate renewalOpenedOn;

    public static Optional<Qualification> byNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public static Optional<Qualification> of(long typeId, long personId, String domainCode) {
        return find("typeId = ?1 AND personId = ?2 AND domainCode = ?3", typeId, personId, domainCode)
                .firstResultOptional();
    }

    public static List<Qualification> ofPerson(long personId) {
        return list("personId = ?1 ORDER BY typeId, domainCode", personId);
    }

    public boolean renewalOpen() {
        return renewalCycle != null && renewalCycle == cycle;
    }
}
