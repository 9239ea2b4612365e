package cn.zhifa.academy.curriculum;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** A person taking a course, on the version they started (or were moved to). */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "course_id")
    public Long courseId;

    @Column(name = "course_version_id")
    public Long courseVersionId;

    @Column(name = "started_at")
    public Instant startedAt = Now.instant();

    @Column(name = "completed_at")
    public Instant completedAt;

    public static Optional<Enrollment> of(long personId, long courseId) {
        return find("personId = ?1 AND courseId = ?2", personId, courseId).firstResultOptional();
    }
}
