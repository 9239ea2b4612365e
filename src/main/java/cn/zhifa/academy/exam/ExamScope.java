package cn.zhifa.academy.exam;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.exam.paper.Blueprint;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.provider.ProviderDirectory;

/**
 * Who may manage which exams and blueprints, on top of the organisation scope
 * ({@link OrgScope#authoringFilter()}): the system administrator everything; an administrator
 * the exams and blueprints owned by a unit in their subtree, with their audiences, overrides,
 * monitor, results and grading; a trainer the blueprints of their subtree but only the exams
 * they created themselves (trainers author content; the results of other people's exams are
 * for the administrators in scope). Audiences and overrides may name only people and
 * providers inside the same subtree. Things outside the scope answer 404, so their existence
 * is not revealed.
 */
@RequestScoped
public class ExamScope {

    @Inject
    CurrentUser user;

    @Inject
    OrgScope orgScope;

    public boolean canManageUnit(long unitId) {
        return orgScope.contains(orgScope.authoringFilter(), unitId);
    }

    /** A trainer (without an administrator role) manages only the exams they created. */
    boolean ownExamsOnly() {
        return user.isTrainer() && !user.isAdmin() && !user.isSysadmin();
    }

    public boolean canManage(Exam e) {
        return canManageUnit(e.ownerUnitId) && (!ownExamsOnly() || user.getUsername().equals(e.createdBy));
    }

    /** A person the user may name in an audience or an override, and see by name in its lists. */
    public boolean canSee(PersonSummary p) {
        return p != null && canManageUnit(p.unitId());
    }

    public boolean canSee(ProviderDirectory.ProviderSummary p) {
        return p != null && p.commissioningUnitId() != null && canManageUnit(p.commissioningUnitId());
    }

    /** HQL condition on a unit id expression (e.g. {@code p.unitId}) for the user's authoring subtree. */
    public OrgScope.Condition units(String unitIdExpr, String param) {
        return orgScope.authoringFilter().onUnit(unitIdExpr, param);
    }

    /** SQL/HQL condition on a unit path expression (e.g. {@code u.path}) for the user's authoring subtree. */
    public OrgScope.Condition paths(String pathExpr, String param) {
        return orgScope.authoringFilter().onPath(pathExpr, param);
    }

    /** HQL condition (alias-free, for Panache) on the exams the user manages, with named parameters. */
    public String examsWhere(Map<String, Object> params) {
        OrgScope.Condition c = units("ownerUnitId", ":scopePath");
        params.putAll(c.params());
        if (ownExamsOnly()) {
            params.put("scopeCreator", user.getUsername());
            return c.text() + " AND createdBy = :scopeCreator";
        }
        return c.text();
    }

    /** The creator the user's exams are limited to (trainers), or null for no such limit. */
    public String creatorOnly() {
        return ownExamsOnly() ? user.getUsername() : null;
    }

    public Exam exam(long id) {
        Exam e = Exam.findById(id);
        if (e == null || !canManage(e)) {
            throw new NotFoundException("exam.not_found");
        }
        return e;
    }

    public Blueprint blueprint(long id) {
        Blueprint b = Blueprint.findById(id);
        if (b == null || !canManageUnit(b.ownerUnitId)) {
            throw new NotFoundException("exam.blueprint_not_found");
        }
        return b;
    }

    /** The unit new exams and blueprints belong to by default. */
    public Long defaultUnit() {
        return user.getOrgUnitId();
    }
}
