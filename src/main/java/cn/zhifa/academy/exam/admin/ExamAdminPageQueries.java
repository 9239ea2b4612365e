package cn.zhifa.academy.exam.admin;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.ExamAudience;
import cn.zhifa.academy.exam.ExamScope;
import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.provider.ProviderDirectory;

/**
 * Small reads the trainer/admin pages need beside the engine's own views: the choices of the
 * forms (units, providers within the manager's scope), a question's versions, and the people
 * an exam admits by name. Read only; the scope is the engine's {@link ExamScope}.
 */
@ApplicationScoped
public class ExamAdminPageQueries {

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    ExamScope scope;

    @Inject
    PeopleDirectory people;

    @Inject
    ProviderDirectory providerDirectory;

    /** One unit in a select list, indented under its parent. */
    public record UnitChoice(long id, String name, int depth) {
        public String indent() {
            return "\u3000".repeat(depth);
        }
    }

    public record Choice(long id, String name) {
    }

    /** One stored version of a question. */
    public record VersionRow(int number, String createdBy, Instant createdAt, boolean used, boolean current) {
    }

    /** The units the manager may schedule for, parents first. */
    @Transactional
    public List<UnitChoice> units() {
        OrgScope.Condition c = scope.paths("path", ":scopePath");
        List<OrgDirectory.Unit> units = orgDirectory.unitsWhere(c);
        int base = units.isEmpty() ? 0 : units.stream().mapToInt(OrgDirectory.Unit::depth).min().orElse(0);
        return units.stream().map(u -> new UnitChoice(u.id(), u.name(), u.depth() - base)).toList();
    }

    /** Providers commissioned within the manager's scope (all for the system administrator). */
    @Transactional
    public List<Choice> providers() {
        OrgScope.Condition c = scope.units("commissioningUnitId", ":scopePath");
        return providerDirectory.commissionedWhere(c).stream().map(p -> new Choice(p.id(), p.name())).toList();
    }

    @Transactional
    public List<VersionRow> versions(String code) {
        Question q = Question.findByCode(code).orElseThrow(() -> new NotFoundException("exam.question_not_found"));
        return QuestionVersion.<QuestionVersion> list("questionId = ?1 ORDER BY number DESC", q.id).stream()
                .map(v -> new VersionRow(v.number, v.createdBy, v.createdAt, v.used, v.id.equals(q.currentVersionId)))
                .toList();
    }

    /**
     * Employee numbers the exam's own audience list names (not those added by a renewal request
     * or an override: those rows carry a reason and are kept by the engine anyway).
     */
    @Transactional
    public List<String> listedEmployeeNos(long examId) {
        scope.exam(examId);
        List<Long> ids = ExamAudience.<ExamAudience> list("examId = ?1 AND kind = ?2 AND reason IS NULL", examId,
                ExamAudience.Kind.PERSON).stream().map(a -> Long.parseLong(a.value)).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // people outside the manager's scope are not shown (saving the form drops them)
        return people.byEmployeeNoOrder(ids).stream().filter(scope::canSee).map(PersonSummary::employeeNo).toList();
    }
}
