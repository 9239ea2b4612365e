package cn.zhifa.academy.platform.audit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the audit anchors need of the object store: write-once objects outside the database.
 * The storage feature's {@code ObjectStore} extends it; the platform depends on no feature.
 */
public interface AnchorStore {

    /**
     * Stores a small object only if none exists under {@code key}, and keeps it from being
     * overwritten or deleted where the backend can (S3 object lock; a read-only file).
     *
     * @return false when an object already exists under the key (nothing is written)
     */
    boolean putOnce(String key, byte[] bytes, String contentType, Duration retention) throws IOException;

    /** Keys below {@code prefix}, in no particular order. */
    List<String> list(String prefix) throws IOException;

    /** Size of the stored object, or empty when there is none. */
    Optional<Long> size(String key) throws IOException;

    /** Reads {@code length} bytes from {@code offset}; the caller closes the stream. */
    InputStream read(String key, long offset, long length) throws IOException;
}
