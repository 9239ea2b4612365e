package cn.zhifa.academy.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.OrgScope;

/** The review's flag on the dashboard ({@code inject:reviewFlags}): overdue recommendations to units in scope. */
@RequestScoped
@Named("reviewFlags")
public class ReviewFlags {

    @Inject
    OrgScope scope;

    private Long overdue;

    @Transactional
    public long getOverdue() {
        if (overdue == null) {
            overdue = RecommendationService.overdue().stream().filter(r -> scope.canActOnUnit(r.unitId)).count();
        }
        return overdue;
    }
}
