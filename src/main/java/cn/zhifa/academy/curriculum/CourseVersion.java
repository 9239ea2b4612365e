package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/** One version of a course: editable while a draft, frozen once published. */
@Entity
@Table(name = "course_version")
public class CourseVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id")
    public Long courseId;

    public int number;

    public String title;

    public String summary = "";

    /** 分级: comma-separated {@code Grade} names. */
    public String grades;

    /** 分层: comma-separated {@code OrgLevel} names. */
    public String levels;

    @Column(name = "credit_hours")
    public BigDecimal creditHours;

    @Column(name = "content_hash")
    public String contentHash;

    /** Learners on an older version move to this one when it is published. */
    public boolean significant;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Now.instant();
    }

    public boolean isDraft() {
        return publishedAt == null;
    }

    public List<String> gradeList() {
        return split(grades);
    }

    public List<String> levelList() {
        return split(levels);
    }

    public static Optional<CourseVersion> latest(long courseId) {
        return find("courseId = ?1 ORDER BY number DESC", courseId).firstResultOptional();
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
