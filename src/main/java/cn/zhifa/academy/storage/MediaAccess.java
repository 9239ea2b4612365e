package cn.zhifa.academy.storage;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The one authorisation point for stored files. Every path that hands out a file's
 * description, bytes or download URL asks {@link #readable(String)}: the file is looked up by
 * its random public id, and the {@link MediaOwnerRule} of its owner kind — provided by the
 * owning feature — decides. A file the user may not read, an unknown or malformed id, a
 * sequence number and a purged file all answer the same 404, so a refusal reveals nothing.
 */
@ApplicationScoped
public class MediaAccess {

    @Inject
    @Any
    Instance<MediaOwnerRule> rules;

    private final Map<MediaOwner, MediaOwnerRule> byKind = new EnumMap<>(MediaOwner.class);

    @PostConstruct
    void index() {
        for (MediaOwnerRule r : rules) {
            MediaOwnerRule previous = byKind.put(r.kind(), r);
            if (previous != null) {
                throw new IllegalStateException("two media rules for " + r.kind() + ": " + previous.getClass().getName()
                        + " and " + r.getClass().getName());
            }
        }
    }

    /** The file, when it exists, is not purged and the current user may read it; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MediaRef readable(String publicId) {
        return find(publicId).filter(this::mayRead).orElseThrow(NotFoundException::new);
    }

    /** Whether the current user may read {@code m}; a kind without a rule is read by nobody. */
    public boolean mayRead(MediaRef m) {
        if (m.purgedAt() != null) {
            return false;
        }
        MediaOwnerRule rule = byKind.get(m.ownerKind());
        return rule != null && rule.mayRead(m);
    }

    /** Looks a file up by its public id; anything but a UUID (a sequence number, say) finds nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaRef> find(String publicId) {
        Optional<UUID> id = parse(publicId);
        Optional<MediaObject> m = id.flatMap(u -> MediaObject.<MediaObject> find("publicId", u).firstResultOptional());
        return m.filter(x -> x.purgedAt == null).map(MediaRef::of);
    }

    public static Optional<UUID> parse(String publicId) {
        if (publicId == null || publicId.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(publicId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
