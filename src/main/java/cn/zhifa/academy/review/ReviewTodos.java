package cn.zhifa.academy.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.web.HomeTodo;

/**
 * Home to-dos of the review: files waiting for the signed-in reviewer; for administrators,
 * recommendations to answer (urgent when overdue), overdue recommendations they issued,
 * answers to review and contests to decide.
 */
@ApplicationScoped
public class ReviewTodos implements HomeTodo {

    @Inject
    CurrentUser user;

    @Inject
    ReviewAccess access;

    @Inject
    RecommendationService recommendations;

    @Override
    @Transactional
    public List<Item> items(Locale locale) {
        List<Item> out = new ArrayList<>();
        ReviewMessages m = ReviewText.of(locale);
        Long person = user.getPersonId();
        if (person != null) {
            long toScore = ReviewCaseFile.count("reviewerPersonId = ?1 AND status = ?2 AND campaignId IN (SELECT c.id FROM "
                    + "ReviewCampaign c WHERE c.status = ?3)", person, ReviewCaseFile.Status.SAMPLED,
                    ReviewCampaign.Status.REVIEWING);
            if (toScore > 0) {
                out.add(new Item("todo-review-score", 25, m.todo_score(toScore), null, "/review", false));
            }
        }
        if (!(user.isAdmin() || user.isSysadmin())) {
            return out;
        }
        LocalDate today = RecommendationService.today();
        long answer = 0;
        long answerOverdue = 0;
        long overdueIssued = 0;
        long decide = 0;
        for (Recommendation r : recommendations.visible()) {
            ReviewCampaign c = ReviewCampaign.findById(r.campaignId);
            boolean waiting = r.status == Recommendation.Status.ISSUED || r.status == Recommendation.Status.RETURNED;
            if (access.unitSide(c, r.unitId) && waiting) {
                answer++;
                answerOverdue += r.overdue(today) ? 1 : 0;
            }
            if (access.manages(c)) {
                overdueIssued += r.overdue(today) ? 1 : 0;
                decide += r.status == Recommendation.Status.ANSWERED ? 1 : 0;
            }
        }
        if (answer > 0) {
            out.add(new Item("todo-review-answer", 20, m.todo_answer(answer),
                    answerOverdue > 0 ? m.overdue_count(answerOverdue) : null, "/review/recommendations", answerOverdue > 0));
        }
        if (overdueIssued > 0) {
            out.add(new Item("todo-review-overdue", 21, m.todo_overdue(overdueIssued), null, "/review/recommendations", true));
        }
        if (decide > 0) {
            out.add(new Item("todo-review-decide", 40, m.todo_decide(decide), null, "/review/recommendations", false));
        }
        long contests = 0;
        for (ReviewCampaign c : ReviewCampaign.<ReviewCampaign> list("status", ReviewCampaign.Status.REVIEWING)) {
            if (access.manages(c)) {
                contests += ReviewFinding.count("status = ?1 AND caseFileId IN (SELECT f.id FROM ReviewCaseFile f WHERE "
                        + "f.campaignId = ?2)", ReviewFinding.Status.CONTESTED, c.id);
            }
        }
        if (contests > 0) {
            out.add(new Item("todo-review-contests", 41, m.todo_contests(contests), null, "/review", false));
        }
        return out;
    }
}
