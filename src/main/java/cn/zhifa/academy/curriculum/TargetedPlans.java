package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Targeted plans (定向培训): a named-list plan of given courses (created on first use by its
 * title and year) and people assigned to it by name with the reason they were chosen, which
 * 我的学习 shows with the plan. The audience sync leaves such assignments alone. Used by the
 * case-file review for 评查整改学习.
 */
@ApplicationScoped
public class TargetedPlans {

    /**
     * Finds or creates the plan {@code title} of {@code due}'s year and makes sure the person has
     * an open assignment with the reason (a later reason replaces an earlier one). Returns the plan
     * id, or empty when none of the courses is published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> assign(String title, List<Long> courseIds, long owningUnitId, long personId, LocalDate due,
            String reason, String actor) {
        List<Course> courses = courseIds.stream().map(id -> Course.<Course> findById(id))
                .filter(c -> c != null && c.publishedVersionId != null && c.status == Course.Status.PUBLISHED).toList();
        if (courses.isEmpty()) {
            return Optional.empty();
        }
        TrainingPlan plan = TrainingPlan.<TrainingPlan> find("namedOnly = true AND year = ?1 AND title = ?2", due.getYear(),
                title).firstResultOptional().orElse(null);
        if (plan == null) {
            plan = new TrainingPlan();
            plan.year = due.getYear();
            plan.title = title;
            plan.owningUnitId = owningUnitId;
            plan.namedOnly = true;
            plan.requiredHours = BigDecimal.ZERO;
            plan.dueDate = due;
            plan.createdBy = actor;
            plan.persist();
        }
        for (Course c : courses) {
            if (plan.courses.add(c)) {
                plan.requiredHours = plan.requiredHours
                        .add(CourseVersion.<CourseVersion> findById(c.publishedVersionId).creditHours);
            }
        }
        PlanAssignment a = PlanAssignment.<PlanAssignment> find("planId = ?1 AND personId = ?2", plan.id, personId)
                .firstResultOptional().orElse(null);
        if (a == null) {
            a = new PlanAssignment();
            a.planId = plan.id;
            a.personId = personId;
            a.persist();
        }
        a.status = PlanAssignment.Status.OPEN;
        a.closedAt = null;
        a.closeReason = null;
        a.pinnedReason = reason.length() > 300 ? reason.substring(0, 299) + "…" : reason;
        return Optional.of(plan.id);
    }
}
