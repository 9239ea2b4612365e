package cn.zhifa.academy.qualification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** One line of a qualification's history (资格变更记录); append-only. */
@Entity
@Table(name = "qualification_event")
public class QualificationEvent extends PanacheEntityBase {

    public enum Action {
        ISSUED, REISSUED, RENEWED, SUSPENDED, RESTORED, CANCELLED, EXPIRED, RENEWAL_OPENED, ANNUAL_CHECK;

        public String msgKey() {
            return "action_" + name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "qualification_id")
    public Long qualificationId;

    public int cycle;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public QualificationState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public QualificationState toState;

    public String reason;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    public String actor;

    @Column(name = "occurred_at")
    public Instant occurredAt = Now.instant();

    public static List<QualificationEvent> of(long qualificationId) {
        return list("qualificationId = ?1 ORDER BY id", qualificationId);
    }
}
