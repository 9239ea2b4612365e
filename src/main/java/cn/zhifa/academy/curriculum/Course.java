package cn.zhifa.academy.curriculum;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import cn.zhifa.academy.platform.BaseEntity;

/** A course (课程). What learners see is its published {@link CourseVersion}. */
@Entity
@Table(name = "course")
public class Course extends BaseEntity {

    public enum Status {
        DRAFT, PUBLISHED, ARCHIVED
    }

    public String code;

    /** 分类: an enforcement domain or 通用. */
    @Column(name = "domain_id")
    public Long domainId;

    @Enumerated(EnumType.STRING)
    public Status status = Status.DRAFT;

    @Column(name = "published_version_id")
    public Long publishedVersionId;

    @Column(name = "created_by")
    public String createdBy;

    @ManyToMany
    @JoinTable(name = "course_prerequisite", joinColumns = @JoinColumn(name = "course_id"),
            inverseJoinColumns = @JoinColumn(name = "prerequisite_id"))
    public Set<Course> prerequisites = new LinkedHashSet<>();

    public static Optional<Course> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
