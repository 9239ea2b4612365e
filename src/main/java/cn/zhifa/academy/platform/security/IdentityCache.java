package cn.zhifa.academy.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;

import cn.zhifa.academy.platform.config.AcademyConfig;

/**
 * What a request needs to know about its account (id, roles, session epoch, enabled, must change
 * password), cached per node so that the hot path (exam saves, heartbeats) reads no database
 * row just to know who is calling. An entry is dropped on every node as soon as the account
 * row changes: a trigger NOTIFYs "account_changed" and {@link AccountChangeListener} invalidates.
 * While that listener is down, entries live only {@code academy.security.identity-cache-fallback-ttl}.
 */
@Singleton
public class IdentityCache {

    /** The part of an account that identifies a request. */
    public record Snapshot(long id, String username, long epoch, boolean enabled, Set<String> roles, Long personId,
            boolean mustChangePassword) {
    }

    private record Entry(Optional<Snapshot> snapshot, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a load that started before one is not cached. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();
    private volatile boolean listening;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AcademyConfig config;

    /** The account's snapshot, from the cache or (at most once per TTL) from the database. */
    public Optional<Snapshot> get(String username) {
        long now = System.nanoTime();
        Entry e = entries.get(username);
        if (e != null && now - e.loadedAt() < ttl().toNanos()) {
            return e.snapshot();
        }
        long gen = generation.get();
        Optional<Snapshot> fresh = load(username);
        if (generation.get() == gen) {
            entries.put(username, new Entry(fresh, now));
        }
        return fresh;
    }

    /**
     * The cached snapshot if it is fresh, without touching the database: null when the caller
     * must {@link #get} it (which may read the account row, so only where blocking is allowed).
     */
    public Optional<Snapshot> peek(String username) {
        Entry e = entries.get(username);
        if (e != null && System.nanoTime() - e.loadedAt() < ttl().toNanos()) {
            return e.snapshot();
        }
        return null;
    }

    public void invalidate(String username) {
        generation.incrementAndGet();
        entries.remove(username);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Database reads so far (tests check that a cached identity costs none). */
    public long loads() {
        return loads.get();
    }

    public boolean isListening() {
        return listening;
    }

    void setListening(boolean listening) {
        this.listening = listening;
    }

    Duration ttl() {
        return listening ? config.security().identityCacheTtl() : config.security().identityCacheFallbackTtl();
    }

    private Optional<Snapshot> load(String username) {
        loads.incrementAndGet();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, username, session_epoch, enabled, roles, "
                        + "person_id, must_change_password FROM account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long personId = rs.getLong(6);
                Long person = rs.wasNull() ? null : personId;
                Set<String> roles = Arrays.stream(rs.getString(5).split(",")).map(String::trim)
                        .filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
                return Optional.of(new Snapshot(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4), roles,
                        person, rs.getBoolean(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read account " + username, e);
        }
    }
}
