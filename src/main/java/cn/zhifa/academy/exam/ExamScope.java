package cn.zhifa.academy.exam;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgHierarchy;
import cn.zhifa.academy.platform.web.ProblemException;

/**
 * Who may manage which exams and blueprints: the system administrator everything; an
 * administrator or trainer the ones owned by a unit in their own organisation subtree.
 * Things outside the scope answer 404, so their existence is not revealed.
 */
@RequestScoped
public class ExamScope {

    @Inject
    CurrentUser user;

    @Inject
    OrgHierarchy tree;

    public boolean canManageUnit(long unitId) {
        if (user.isSysadmin()) {
            return true;
        }
        if (!(user.isAdmin() || user.isTrainer()) || user.getOrgUnitId() == null) {
            return false;
        }
        Optional<String> mine = tree.pathOf(user.getOrgUnitId());
        Optional<String> theirs = tree.pathOf(unitId);
        return mine.isPresent() && theirs.isPresent() && theirs.get().startsWith(mine.get());
    }

    /** The path prefix of the units the user manages; empty string = all; null = none. */
    public String unitPathPrefix() {
        if (user.isSysadmin()) {
            return "";
        }
        if ((user.isAdmin() || user.isTrainer()) && user.getOrgUnitId() != null) {
            return tree.pathOf(user.getOrgUnitId()).orElse(null);
        }
        return null;
    }

    public Exam exam(long id) {
        Exam e = Exam.findById(id);
        if (e == null || !canManageUnit(e.ownerUnitId)) {
            throw ProblemException.notFound("考试不存在");
        }
        return e;
    }

    public Blueprint blueprint(long id) {
        Blueprint b = Blueprint.findById(id);
        if (b == null || !canManageUnit(b.ownerUnitId)) {
            throw ProblemException.notFound("组卷规则不存在");
        }
        return b;
    }

    /** The unit new exams and blueprints belong to by default. */
    public Long defaultUnit() {
        return user.getOrgUnitId();
    }
}
