package cn.zhifa.academy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;

/**
 * Objects in an S3 bucket (MinIO, or any S3-compatible store) through the MinIO Java client.
 * Uploads stream in multipart chunks; reads use ranged GETs; downloads can bypass the service
 * with presigned URLs signed for the public endpoint browsers reach.
 */
public class S3ObjectStore implements ObjectStore {

    /** Multipart chunk size: memory per upload stays at about this much. */
    static final long PART_SIZE = 10L * 1024 * 1024;

    private final MinioClient client;
    private final MinioClient presigner;
    private final String bucket;
    private volatile boolean bucketReady;

    public S3ObjectStore(MinioClient client, MinioClient presigner, String bucket) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String backend() {
        return "s3";
    }

    @Override
    public void put(String key, InputStream in, long size, String contentType) throws IOException {
        ensureBucket();
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, size, PART_SIZE)
                .contentType(contentType).build()));
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchBucket".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new IOException("S3 stat failed: " + e.errorResponse().code(), e);
        } catch (Exception e) {
            throw new IOException("S3 stat failed", e);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        return call(() -> client.getObject(
                GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length(length).build()));
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    @Override
    public Optional<URI> presignedDownload(String key, Duration expiry) throws IOException {
        String url = call(() -> presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                .bucket(bucket).object(key).expiry((int) expiry.toSeconds()).build()));
        return Optional.of(URI.create(url));
    }

    @Override
    public void check() throws IOException {
        boolean exists = call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
        if (!exists) {
            ensureBucket();
        }
    }

    /**
     * A conditional PUT (If-None-Match: *) so that an existing object is never replaced; when
     * the bucket has S3 object lock enabled the object also gets a COMPLIANCE retention, so
     * nobody, the root account included, can delete or overwrite it before it expires.
     */
    @Override
    public boolean putOnce(String key, byte[] bytes, String contentType, Duration retention) throws IOException {
        ensureBucket();
        if (size(key).isPresent()) {
            return false;
        }
        boolean locked;
        try {
            client.getObjectLockConfiguration(
                    io.minio.GetObjectLockConfigurationArgs.builder().bucket(bucket).build());
            locked = true;
        } catch (Exception e) {
            locked = false; // no object lock on this bucket: the conditional write still refuses overwrites
        }
        PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new java.io.ByteArrayInputStream(bytes), bytes.length, -1).contentType(contentType)
                .headers(java.util.Map.of("If-None-Match", "*"));
        if (locked && retention != null && !retention.isZero()) {
            args.retention(new io.minio.messages.Retention(io.minio.messages.RetentionMode.COMPLIANCE,
                    cn.zhifa.academy.platform.time.Now.instant().atZone(java.time.ZoneOffset.UTC).plus(retention)));
        }
        try {
            client.putObject(args.build());
            return true;
        } catch (ErrorResponseException e) {
            if ("PreconditionFailed".equals(e.errorResponse().code())) {
                return false;
            }
            throw new IOException("S3 put failed: " + e.errorResponse().code(), e);
        } catch (Exception e) {
            throw new IOException("S3 put failed: " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<String> list(String prefix) throws IOException {
        ensureBucket();
        return call(() -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (io.minio.Result<io.minio.messages.Item> r : client.listObjects(io.minio.ListObjectsArgs.builder()
                    .bucket(bucket).prefix(prefix.endsWith("/") ? prefix : prefix + "/").recursive(true).build())) {
                out.add(r.get().objectName());
            }
            return out;
        });
    }

    private void ensureBucket() throws IOException {
        if (bucketReady) {
            return;
        }
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            return null;
        });
        bucketReady = true;
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(S3Call<T> c) throws IOException {
        try {
            return c.run();
        } catch (IOException e) {
            throw e;
        } catch (ErrorResponseException e) {
            throw new IOException("S3 request failed: " + e.errorResponse().code(), e);
        } catch (Exception e) {
            throw new IOException("S3 request failed: " + e.getMessage(), e);
        }
    }
}
