package cn.zhifa.academy.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.time.Now;

/**
 * Deletes the bytes of stored files whose {@code expires_at} has passed (import files, after
 * {@code academy.storage.import-retention}). Safe on several nodes: each batch locks its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so two nodes never purge the same file and neither waits
 * for the other. The row stays (foreign keys, audit) with {@code purged_at} set; the file then
 * answers 404 everywhere. Every purge is audited as {@code media.purged}.
 */
@ApplicationScoped
public class MediaRetentionJob {

    private static final Logger LOG = Logger.getLogger(MediaRetentionJob.class);
    private static final int BATCH = 100;

    @Inject
    ObjectStore store;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Scheduled(every = "${academy.storage.retention-check-every:1h}", delayed = "2m", identity = "media-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n = purgeExpired(Now.instant());
        if (n > 0) {
            LOG.infof("media retention: %d expired file(s) deleted", n);
        }
    }

    /** Deletes every file expired at {@code now}; returns how many. Callable from tests with any instant. */
    public int purgeExpired(Instant now) {
        int total = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(() -> batch(now));
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    private int batch(Instant now) {
        @SuppressWarnings("unchecked")
        List<MediaObject> due = em.createNativeQuery("""
                SELECT * FROM media_object WHERE expires_at <= ?1 AND purged_at IS NULL
                ORDER BY expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", MediaObject.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        int purged = 0;
        for (MediaObject m : due) {
            try {
                store.delete(m.objectKey);
            } catch (IOException e) {
                LOG.warnf(e, "could not delete expired object %s; retried at the next run", m.objectKey);
                continue;
            }
            purged++;
            m.purgedAt = now;
            audit.recordAs("system", "media.purged", "media_object", m.id, AuditLog.detail("owner", m.ownerKind.name(),
                    "filename", m.filename, "expiresAt", m.expiresAt.toString(), "sha256", m.sha256));
        }
        return purged;
    }
}
