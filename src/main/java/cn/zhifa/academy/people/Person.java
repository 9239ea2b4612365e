package cn.zhifa.academy.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhifa.academy.platform.time.Now;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person in the enforcement workforce (人员): officer, legal reviewer, auxiliary staff or
 * provider staff. Ids come from a pooled sequence so that roster imports insert in batches.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;

    @NotBlank
    @Size(max = 50)
    public String name;

    /** 工号, unique; roster imports match people by it. */
    @NotBlank
    @Size(max = 32)
    @Column(name = "employee_no")
    public String employeeNo;

    @NotNull
    @Enumerated(EnumType.STRING)
    public PersonCategory category;

    @NotNull
    @Enumerated(EnumType.STRING)
    public Grade grade;

    @NotNull
    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "department_id")
    public Long departmentId;

    /** Set exactly for provider staff. */
    @Column(name = "provider_id")
    public Long providerId;

    /** 执法证号 (officers). */
    @Column(name = "cert_no")
    public String certNo;

    @NotNull
    @Enumerated(EnumType.STRING)
    public EmploymentStatus status = EmploymentStatus.ACTIVE;

    @NotNull
    @Column(name = "status_since")
    public LocalDate statusSince;

    /** HMAC of the resident ID number: verification and uniqueness without keeping the number. */
    @NotBlank
    @Column(name = "id_hash")
    public String idHash;

    /** The ID number as shown, e.g. 330203**********1X. */
    @NotBlank
    @Column(name = "id_masked")
    public String idMasked;

    public String mobile;

    /** Ids of the person's enforcement domains (organisation's EnforcementDomain; names via OrgDirectory). */
    @ElementCollection
    @CollectionTable(name = "person_domain", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "domain_id")
    public Set<Long> domainIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = Now.instant();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Now.instant();
    }

    public static Optional<Person> byEmployeeNo(String employeeNo) {
        return find("employeeNo", employeeNo).firstResultOptional();
    }
}
