package cn.zhifa.academy.platform.audit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.academy.platform.AdvisoryLocks;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;

/**
 * External anchors of the audit chain (issue 12 item 8): the head's position, hash and the
 * chain's first hash, signed with the audit key and written once to the object store, where
 * the database cannot rewrite it (S3 object lock / conditional write, or a new read-only
 * file). Verification checks every anchor against the chain, so removing the newest events
 * (a truncated tail) or replacing the log is detected even by someone who controls the
 * database.
 */
@ApplicationScoped
public class AuditAnchors {

    private static final Logger LOG = Logger.getLogger(AuditAnchors.class);
    private static final long ANCHOR_LOCK = 0x416e63686f72L; // "Anchor"
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** One anchor as stored (JSON). */
    public record Anchor(int v, String first, long seq, String head, Instant writtenAt, String keyId, String mac) {
        String signedText() {
            return "audit-anchor|" + v + "|" + first + "|" + seq + "|" + head + "|" + writtenAt + "|" + keyId;
        }
    }

    /** An anchor read back with its object key, or the reason it cannot be trusted. */
    public record Read(String key, Anchor anchor, String problem) {
    }

    @Inject
    EntityManager em;

    @Inject
    AnchorStore store;

    @Inject
    AuditKeys keys;

    @Inject
    ObjectMapper json;

    @Inject
    AcademyConfig config;

    /**
     * Writes the anchor of the current time slot. Every node runs the job; the advisory lock
     * and the write-once key (one name per slot) make sure one anchor per slot is written.
     */
    @Scheduled(every = "${academy.audit.anchor-every:6h}", delayed = "1m", identity = "audit-anchor",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Duration every = Duration.parse("PT" + config.audit().anchorEvery().toUpperCase());
            long slot = Now.instant().getEpochSecond() / Math.max(60, every.toSeconds());
            write("slot-" + NAME.format(Instant.ofEpochSecond(slot * Math.max(60, every.toSeconds()))));
        } catch (RuntimeException | IOException e) {
            LOG.errorf(e, "audit anchor could not be written");
        }
    }

    /** Writes an anchor of the chain as it is now (also behind POST /api/v1/audit/anchor). */
    public Optional<Anchor> anchorNow() throws IOException {
        return write("now-" + NAME.format(Now.instant()));
    }

    Optional<Anchor> write(String name) throws IOException {
        try {
            return QuarkusTransaction.requiringNew().call(() -> writeLocked(name));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private Optional<Anchor> writeLocked(String name) throws IOException {
        if (!AdvisoryLocks.tryLock(em, ANCHOR_LOCK)) {
            return Optional.empty(); // another node is writing this slot's anchor
        }
        // the committed head: an append still in flight simply belongs to the next anchor
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery(
                "SELECT seq, hash, (SELECT hash FROM audit_event ORDER BY seq LIMIT 1) FROM audit_event "
                        + "ORDER BY seq DESC LIMIT 1").getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = head.get(0);
        long seq = ((Number) h[0]).longValue();
        Anchor unsigned = new Anchor(1, ((String) h[2]).trim(), seq, ((String) h[1]).trim(),
                Now.instant().truncatedTo(ChronoUnit.SECONDS), keys.currentId(), null);
        Anchor a = new Anchor(unsigned.v(), unsigned.first(), unsigned.seq(), unsigned.head(), unsigned.writtenAt(),
                unsigned.keyId(), keys.mac(unsigned.keyId(), unsigned.signedText()));
        String key = prefix() + name + "-" + seq + ".json";
        byte[] bytes = json.writeValueAsBytes(a);
        if (!store.putOnce(key, bytes, "application/json", Duration.ofDays(config.audit().anchorRetentionDays()))) {
            return Optional.empty(); // this slot's anchor exists already
        }
        LOG.infof("audit anchor written: %s (seq %d, head %s)", key, seq, a.head());
        return Optional.of(a);
    }

    /** Every anchor in the store, each verified against its signature. */
    public List<Read> readAll() throws IOException {
        List<Read> out = new ArrayList<>();
        for (String key : store.list(prefix())) {
            if (!key.endsWith(".json")) {
                continue;
            }
            Anchor a;
            try (InputStream in = store.read(key, 0, store.size(key).orElse(0L))) {
                a = json.readValue(in, Anchor.class);
            } catch (IOException | RuntimeException e) {
                out.add(new Read(key, null, "anchor " + key + " cannot be read"));
                continue;
            }
            if (!keys.known(a.keyId()) || a.mac() == null
                    || !AuditKeys.same(keys.mac(a.keyId(), a.signedText()), a.mac())) {
                out.add(new Read(key, a, "anchor " + key + " is not signed with an audit key of this service"));
            } else {
                out.add(new Read(key, a, null));
            }
        }
        out.sort((x, y) -> x.key().compareTo(y.key()));
        return out;
    }

    private String prefix() {
        String p = config.audit().anchorPrefix();
        return p.endsWith("/") ? p : p + "/";
    }

}
