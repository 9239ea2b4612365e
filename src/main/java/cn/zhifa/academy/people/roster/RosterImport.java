package cn.zhifa.academy.people.roster;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** A roster upload between preview and commit; the file itself stays in the object store. */
@Entity
@Table(name = "roster_import")
public class RosterImport extends PanacheEntityBase {

    public enum Status {
        PREVIEWED, COMMITTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "media_id", nullable = false)
    public Long mediaId;

    @Column(nullable = false)
    public String filename;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @Column(name = "created_count")
    public Integer createdCount;

    @Column(name = "updated_count")
    public Integer updatedCount;

    @Column(name = "unchanged_count")
    public Integer unchangedCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "committed_at")
    public Instant committedAt;

    @PrePersist
    void onCreate() {
        createdAt = Now.instant();
    }
}
