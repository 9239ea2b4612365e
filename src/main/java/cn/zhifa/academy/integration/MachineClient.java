package cn.zhifa.academy.integration;

import java.time.Instant;

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

/** Another system allowed to call the machine API: scoped to a unit's subtree, read-only or read-write. */
@Entity
@Table(name = "machine_client")
public class MachineClient extends PanacheEntityBase {

    public enum Access {
        READ, READ_WRITE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "secret_hash")
    public String secretHash;

    public String name;

    @Column(name = "org_unit_id")
    public Long orgUnitId;

    @Enumerated(EnumType.STRING)
    public Access access;

    @Column(name = "per_minute")
    public int perMinute;

    public boolean enabled = true;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt = Now.instant();
}
