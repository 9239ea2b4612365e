package cn.zhifa.academy.exam.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAdminMessages;
import cn.zhifa.academy.exam.ExamAudience;
import cn.zhifa.academy.exam.ExamOverride;
import cn.zhifa.academy.exam.ExamScope;
import cn.zhifa.academy.exam.ExamText;
import cn.zhifa.academy.exam.paper.Blueprint;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.provider.ProviderDirectory;

/** Read side for managers: exams and blueprints in scope, as views. */
@ApplicationScoped
public class ExamAdminService {

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    ExamScope scope;

    @Inject
    PeopleDirectory people;

    @Inject
    ProviderDirectory providerDirectory;

    @Transactional
    public List<ExamAdminViews.ExamView> exams() {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        List<Exam> list = Exam.find(scope.examsWhere(params) + " ORDER BY opensAt DESC", params).list();
        return list.stream().map(this::view).toList();
    }

    @Transactional
    public ExamAdminViews.ExamView exam(long id) {
        return view(scope.exam(id));
    }

    ExamAdminViews.ExamView view(Exam e) {
        Blueprint b = Blueprint.findById(e.blueprintId);
        ExamAdminMessages m = ExamText.admin(ExamText.locale());
        // a person or provider outside the viewer's scope (a renewal request, older data) is never named
        List<ExamAdminViews.AudienceView> audience = ExamAudience.<ExamAudience> list("examId = ?1 ORDER BY kind, value", e.id)
                .stream().map(a -> new ExamAdminViews.AudienceView(a.kind.name(), a.value, label(a, m), a.reason)).toList();
        List<ExamAdminViews.OverrideView> overrides = ExamOverride.<ExamOverride> list("examId = ?1 ORDER BY createdAt", e.id)
                .stream().map(o -> {
                    PersonSummary p = o.personId == null ? null : people.find(o.personId).orElse(null);
                    OrgDirectory.Unit u = o.unitId == null ? null : orgDirectory.unit(o.unitId).orElse(null);
                    String who = p == null ? null : scope.canSee(p) ? m.person_with_no(p.name(), p.employeeNo()) : m.out_of_scope();
                    return new ExamAdminViews.OverrideView(o.id, who,
                            o.unitId, u == null ? null : u.name(), o.extraMinutes, o.extraAttempts, o.opensAt, o.closesAt,
                            o.reason, o.createdBy, o.createdAt);
                }).toList();
        String resitOf = e.resitOfExamId == null ? null : Exam.<Exam> findById(e.resitOfExamId).code;
        return new ExamAdminViews.ExamView(e.id, e.code, e.title, e.description, e.purpose.name(), resitOf, e.domainCode,
                e.blueprintId, b.name, e.ownerUnitId, e.opensAt, e.closesAt, e.durationMinutes, e.maxAttempts,
                e.gradingMethod.name(), e.reviewPolicy.name(), e.bands, e.status.name(), e.publishedAt, audience,
                overrides, e.anonymousGrading);
    }

    /** Who an audience row names; a person or provider outside the viewer's scope is shown as such (out_of_scope). */
    private String label(ExamAudience a, ExamAdminMessages m) {
        try {
            return switch (a.kind) {
                case CATEGORY -> PersonCategory.valueOf(a.value).name();
                case GRADE -> Grade.valueOf(a.value).label;
                case UNIT -> orgDirectory.unit(Long.parseLong(a.value)).map(OrgDirectory.Unit::name).orElse(a.value);
                case PROVIDER -> providerDirectory.find(Long.parseLong(a.value))
                        .map(p -> scope.canSee(p) ? p.name() : m.out_of_scope()).orElse(a.value);
                case PERSON -> people.find(Long.parseLong(a.value))
                        .map(p -> scope.canSee(p) ? m.person_with_no(p.name(), p.employeeNo()) : m.out_of_scope())
                        .orElse(a.value);
            };
        } catch (RuntimeException ex) {
            return a.value;
        }
    }

    @Transactional
    public List<ExamAdminViews.BlueprintView> blueprints() {
        OrgScope.Condition c = scope.units("ownerUnitId", ":scopePath");
        List<Blueprint> list = Blueprint.find(c.text() + " ORDER BY id DESC", c.params()).list();
        return list.stream().map(ExamAdminViews.BlueprintView::of).toList();
    }

    @Transactional
    public ExamAdminViews.BlueprintView blueprint(long id) {
        return ExamAdminViews.BlueprintView.of(scope.blueprint(id));
    }
}
