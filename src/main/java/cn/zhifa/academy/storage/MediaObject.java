package cn.zhifa.academy.storage;

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

/**
 * A stored file (媒体文件): its metadata here, its bytes in the {@link ObjectStore}. The bytes and
 * their description never change; the owner is set once when an upload is attached to what it
 * belongs to, and {@code purgedAt} when the retention job removed the bytes. Outside the service
 * a file is named only by its random {@link #publicId}; {@link #id} is for foreign keys.
 */
@Entity
@Table(name = "media_object")
public class MediaObject extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "public_id", nullable = false, updatable = false, unique = true)
    public java.util.UUID publicId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    public MediaOwner ownerKind;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "purged_at")
    public Instant purgedAt;

    @Column(name = "object_key", nullable = false, updatable = false)
    public String objectKey;

    @Column(nullable = false, updatable = false)
    public String filename;

    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    public String uploadedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Now.instant();
        if (publicId == null) {
            publicId = java.util.UUID.randomUUID();
        }
        if (ownerKind == null) {
            ownerKind = MediaOwner.UPLOAD;
        }
    }
}
