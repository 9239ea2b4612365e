package cn.zhifa.academy.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.zhifa.academy.platform.config.AcademyConfig;
import io.minio.MinioClient;

/** Chooses the backend: S3 when {@code academy.storage.s3.endpoint} is set, else the filesystem. */
@ApplicationScoped
public class ObjectStoreProducer {

    private static final Logger LOG = Logger.getLogger(ObjectStoreProducer.class);

    @Inject
    AcademyConfig config;

    @Produces
    @ApplicationScoped
    ObjectStore objectStore() {
        AcademyConfig.S3 s3 = config.storage().s3();
        if (s3.endpoint().isPresent() && !s3.endpoint().get().isBlank()) {
            String endpoint = s3.endpoint().get();
            MinioClient client = client(endpoint, s3);
            MinioClient presigner = client(s3.publicEndpoint().filter(e -> !e.isBlank()).orElse(endpoint), s3);
            LOG.infof("object store: S3 at %s, bucket %s", endpoint, s3.bucket());
            return new S3ObjectStore(client, presigner, s3.bucket());
        }
        Path root = Path.of(config.dataDir()).resolve(config.storage().fsRoot());
        LOG.infof("object store: filesystem at %s", root.toAbsolutePath());
        try {
            return new FileSystemObjectStore(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create media folder " + root, e);
        }
    }

    private static MinioClient client(String endpoint, AcademyConfig.S3 s3) {
        // the region is set so that presigning needs no network round trip
        return MinioClient.builder().endpoint(endpoint).region(s3.region())
                .credentials(s3.accessKey().orElse(""), s3.secretKey().orElse("")).build();
    }
}
