package cn.zhifa.academy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import cn.zhifa.academy.platform.audit.AnchorStore;

/**
 * Where media bytes live: the local filesystem (default) or S3 through the MinIO client.
 * Keys are opaque, slash-separated and never reused. Every method streams: no method holds
 * a whole object in memory. The audit anchors use it as the platform's {@link AnchorStore}.
 */
public interface ObjectStore extends AnchorStore {

    /** "filesystem" or "s3", for health and logs. */
    String backend();

    /** Stores exactly {@code size} bytes read from {@code in} under {@code key}. */
    void put(String key, InputStream in, long size, String contentType) throws IOException;

    /** Size of the stored object, or empty when there is none. */
    @Override
    Optional<Long> size(String key) throws IOException;

    /** Reads {@code length} bytes from {@code offset}; the caller closes the stream. */
    @Override
    InputStream read(String key, long offset, long length) throws IOException;

    void delete(String key) throws IOException;

    /**
     * A time-limited URL from which a browser can fetch the object without passing through
     * this service, or empty when the backend cannot make one (filesystem).
     */
    Optional<URI> presignedDownload(String key, Duration expiry) throws IOException;

    /** Throws when the store cannot be used right now (readiness). */
    void check() throws IOException;

    // --- write-once objects (issue 12 item 8: audit anchors) ---

    /**
     * Stores a small object only if none exists under {@code key}, and keeps it from being
     * overwritten or deleted where the backend can (S3 object lock; a read-only file).
     *
     * @return false when an object already exists under the key (nothing is written)
     */
    @Override
    boolean putOnce(String key, byte[] bytes, String contentType, Duration retention) throws IOException;

    /** Keys below {@code prefix}, in no particular order. */
    @Override
    java.util.List<String> list(String prefix) throws IOException;
}
