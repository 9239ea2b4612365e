package cn.zhifa.academy.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored file (媒体文件) as other features see it: the description of a {@link MediaObject} as a
 * value. Features hold and pass these instead of the entity (PackageGraphTest: no other feature's
 * entity); {@link MediaService} and {@link MediaAccess} take them back to read or attach the file.
 */
public record MediaRef(long id, UUID publicId, MediaOwner ownerKind, Long ownerId, String filename,
        String contentType, long sizeBytes, String sha256, String uploadedBy, Instant createdAt, Instant purgedAt, String objectKey) {

    /** The path at which the service serves the file's bytes. */
    public String contentPath() {
        return MediaService.contentPath(this);
    }

    static MediaRef of(MediaObject m) {
        return new MediaRef(m.id, m.publicId, m.ownerKind, m.ownerId, m.filename, m.contentType, m.sizeBytes, m.sha256,
                m.uploadedBy, m.createdAt, m.purgedAt, m.objectKey);
    }
}
