package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Courses and a person's learning as other features read them (qualification's rules and renewal
 * steps, evaluation's training-hours item), as values: other features call this instead of
 * reading {@link Course}, {@link CourseVersion}, {@link Enrollment} or {@link HoursEntry}
 * themselves (PackageGraphTest: no other feature's entity).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LearningDirectory {

    /** A course by code: its published title (null while nothing is published). */
    public record CourseSummary(long id, String code, String publishedTitle) {
    }

    /** The person's hours (学时台账) in a calendar year. */
    public BigDecimal hours(long personId, int year) {
        return HoursEntry.total(personId, year);
    }

    public boolean courseExists(String code) {
        return Course.count("code", code) > 0;
    }

    public Optional<CourseSummary> course(String code) {
        return Course.byCode(code).map(c -> new CourseSummary(c.id, c.code, c.publishedVersionId == null ? null
                : CourseVersion.<CourseVersion> findById(c.publishedVersionId).title));
    }

    /** Whether the person has completed the course (in any version). */
    public boolean completed(long personId, long courseId) {
        return Enrollment.of(personId, courseId).map(e -> e.completedAt != null).orElse(false);
    }

    /** How many of these course codes the person has completed. */
    public long completedCount(long personId, Collection<String> codes) {
        EntityManager em = Course.getEntityManager();
        return em.createQuery("SELECT COUNT(DISTINCT c.code) FROM Enrollment e, Course c WHERE c.id = e.courseId "
                + "AND e.personId = :p AND e.completedAt IS NOT NULL AND c.code IN :codes", Long.class)
                .setParameter("p", personId).setParameter("codes", codes).getSingleResult();
    }
}
