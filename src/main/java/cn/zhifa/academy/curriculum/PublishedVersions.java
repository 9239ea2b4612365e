package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

/**
 * Published course versions with their lessons, in memory (issue 16). A version is frozen once
 * published (authoring edits drafts only, an import creates a new version), so an entry never
 * goes stale: 我的学习 and the catalogue read no version or lesson row once a node has seen it.
 * Drafts are returned but never kept.
 */
@ApplicationScoped
public class PublishedVersions {

    /** What pages show of a lesson (no body, media or check: the lesson player reads those). */
    public record LessonInfo(long id, String key, int position, String title, LessonType type, int durationMinutes,
            boolean required) {
    }

    public record VersionInfo(long id, long courseId, int number, String title, String summary, BigDecimal creditHours,
            List<LessonInfo> lessons) {
    }

    /** Bounded only against a runaway: a platform has hundreds of versions, not tens of thousands. */
    static final int MAX = 20_000;

    private final Map<Long, VersionInfo> cache = new ConcurrentHashMap<>();

    @Inject
    DataSource dataSource;

    /** The versions asked for (unknown ids are left out), reading only those not cached yet, in one query. */
    public Map<Long, VersionInfo> get(Collection<Long> ids) {
        Map<Long, VersionInfo> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            VersionInfo v = cache.get(id);
            if (v != null) {
                out.put(id, v);
            } else if (id != null && !missing.contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            load(missing, out);
        }
        return out;
    }

    private void load(List<Long> ids, Map<Long, VersionInfo> out) {
        String sql = "SELECT v.id, v.course_id, v.number, v.title, v.summary, v.credit_hours, v.published_at IS NOT NULL, "
                + "l.id, l.lesson_key, l.position, l.title, l.type, l.duration_minutes, l.required "
                + "FROM course_version v LEFT JOIN lesson l ON l.course_version_id = v.id "
                + "WHERE v.id = ANY (?) ORDER BY v.id, l.position";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                VersionInfo current = null;
                boolean published = false;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (current == null || current.id() != id) {
                        keep(current, published, out);
                        current = new VersionInfo(id, rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                                rs.getBigDecimal(6), new ArrayList<>());
                        published = rs.getBoolean(7);
                    }
                    long lessonId = rs.getLong(8);
                    if (!rs.wasNull()) {
                        current.lessons().add(new LessonInfo(lessonId, rs.getString(9), rs.getInt(10), rs.getString(11),
                                LessonType.valueOf(rs.getString(12)), rs.getInt(13), rs.getBoolean(14)));
                    }
                }
                keep(current, published, out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading course versions failed", e);
        }
    }

    private void keep(VersionInfo v, boolean published, Map<Long, VersionInfo> out) {
        if (v == null) {
            return;
        }
        VersionInfo frozen = new VersionInfo(v.id(), v.courseId(), v.number(), v.title(), v.summary(), v.creditHours(),
                List.copyOf(v.lessons()));
        out.put(frozen.id(), frozen);
        if (published) {
            if (cache.size() >= MAX) {
                cache.clear();
            }
            cache.put(frozen.id(), frozen);
        }
    }
}
