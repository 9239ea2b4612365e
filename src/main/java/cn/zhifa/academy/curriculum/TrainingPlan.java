package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
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

/**
 * A training plan (培训计划): who (audience rule over the registry), which courses, how many
 * hours, by when. Assignments follow the registry (see {@link PlanSync}).
 */
@Entity
@Table(name = "training_plan")
public class TrainingPlan extends BaseEntity {

    public enum Status {
        ACTIVE, CLOSED
    }

    public int year;

    public String title;

    @Column(name = "owning_unit_id")
    public Long owningUnitId;

    /** Comma-separated {@code PersonCategory} names; empty = every category. */
    public String categories = "";

    public String grades = "";

    /** Comma-separated {@code OrgLevel} names of the person's unit; empty = every level. */
    public String levels = "";

    @Column(name = "domain_ids")
    public String domainIds = "";

    /** Unit subtree of the audience; null = the owning unit's subtree. */
    @Column(name = "audience_unit_id")
    public Long audienceUnitId;

    @Column(name = "required_hours")
    public BigDecimal requiredHours;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    /** Audience is a named list (renewal training): the sync neither adds nor closes assignments. */
    @jakarta.persistence.Column(name = "named_only")
    public boolean namedOnly;

    @Column(name = "created_by")
    public String createdBy;

    @ManyToMany
    @JoinTable(name = "training_plan_course", joinColumns = @JoinColumn(name = "plan_id"),
            inverseJoinColumns = @JoinColumn(name = "course_id"))
    public Set<Course> courses = new LinkedHashSet<>();

    public List<String> categoryList() {
        return CourseVersion.split(categories);
    }

    public List<String> gradeList() {
        return CourseVersion.split(grades);
    }

    public List<String> levelList() {
        return CourseVersion.split(levels);
    }

    public List<Long> domainIdList() {
        return CourseVersion.split(domainIds).stream().map(Long::valueOf).toList();
    }
}
