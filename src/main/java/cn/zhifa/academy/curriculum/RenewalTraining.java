package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;

/**
 * Renewal training (换证培训): one named-list plan per year and title, holding the renewal
 * courses; people are assigned to it one by one (pinned: the audience sync leaves them alone).
 */
@ApplicationScoped
public class RenewalTraining {

    @Inject
    AuditLog audit;

    @Inject
    OrgDirectory org;

    @Inject
    PeopleDirectory people;

    /**
     * Assigns the person to "{year} 年换证培训：{title}" (created on first use, owned by the root
     * of the person's organisation tree, due on {@code due}); returns the plan id, or empty when
     * none of the course codes exists.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> assign(String title, List<String> courseCodes, long personId, LocalDate due, String reason,
            String actor) {
        List<Course> courses = courseCodes.stream().map(Course::byCode).flatMap(Optional::stream).toList();
        PeopleDirectory.PersonSummary person = people.find(personId).orElse(null);
        if (courses.isEmpty() || person == null) {
            return Optional.empty();
        }
        OrgDirectory.Unit root = org.rootOf(person.unitId()).orElseThrow();
        int year = due.getYear();
        String planTitle = CurriculumText.records().record_renewal_plan_title(year, title);
        TrainingPlan plan = TrainingPlan.<TrainingPlan> find("namedOnly = true AND year = ?1 AND title = ?2", year, planTitle)
                .firstResultOptional().orElse(null);
        if (plan == null) {
            plan = new TrainingPlan();
            plan.year = year;
            plan.title = planTitle;
            plan.owningUnitId = root.id();
            plan.namedOnly = true;
            plan.requiredHours = courses.stream().map(c -> c.publishedVersionId == null ? BigDecimal.ZERO
                    : CourseVersion.<CourseVersion> findById(c.publishedVersionId).creditHours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            plan.dueDate = LocalDate.of(year, 12, 31);
            plan.createdBy = actor;
            plan.courses.addAll(courses);
            plan.persist();
        }
        PlanAssignment a = PlanAssignment.<PlanAssignment> find("planId = ?1 AND personId = ?2", plan.id, personId)
                .firstResultOptional().orElse(null);
        if (a == null) {
            a = new PlanAssignment();
            a.planId = plan.id;
            a.personId = personId;
            a.pinnedReason = reason;
            a.persist();
        } else {
            a.status = PlanAssignment.Status.OPEN;
            a.closedAt = null;
            a.closeReason = null;
            a.pinnedReason = reason;
        }
        audit.recordAs(actor, "plan.renewal_assigned", "training_plan", plan.id,
                AuditLog.detail("personId", personId, "reason", reason));
        return Optional.of(plan.id);
    }
}
