package cn.zhifa.academy.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.curriculum.TargetedPlans;
import cn.zhifa.academy.notification.NotificationService;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.time.Now;

/**
 * Findings → targeted training (评查整改学习): when a campaign is finished, every finding that
 * stands (not withdrawn) puts each officer who handled its case file into the plan of its
 * knowledge point — "评查整改学习：{知识点}（{活动}）", holding the courses tagged with that point —
 * with the findings as the reason shown in 我的学习. Which finding put whom into which plan is
 * kept in {@code review_training}, for the dashboard's "repeat findings after training".
 */
@ApplicationScoped
public class TargetedTraining {


    @Inject
    ReviewKnowledge knowledge;

    @Inject
    TargetedPlans plans;

    @Inject
    ReviewConfig config;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    public record Result(int plans, int assignments, int withoutCourse) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result assign(ReviewCampaign c, String actor) {
        ReviewMessages m = ReviewText.records();
        List<ReviewFinding> findings = ReviewFinding.list("status IN ?1 AND caseFileId IN (SELECT f.id FROM ReviewCaseFile f "
                + "WHERE f.campaignId = ?2) ORDER BY caseFileId, id", List.of(ReviewFinding.Status.OPEN,
                        ReviewFinding.Status.UPHELD), c.id);
        // knowledge point → person → findings
        Map<String, Map<Long, List<ReviewFinding>>> groups = new LinkedHashMap<>();
        for (ReviewFinding f : findings) {
            for (Long person : CampaignService.officersOf(f.caseFileId)) {
                groups.computeIfAbsent(f.knowledgePoint, k -> new LinkedHashMap<>())
                        .computeIfAbsent(person, k -> new ArrayList<>()).add(f);
            }
        }
        LocalDate due = Now.today().plusDays(config.trainingDueDays());
        Set<Long> planIds = new LinkedHashSet<>();
        int assignments = 0;
        int without = 0;
        for (Map.Entry<String, Map<Long, List<ReviewFinding>>> g : groups.entrySet()) {
            String kp = g.getKey();
            List<Long> courses = knowledge.courseIdsFor(kp);
            String title = m.training_plan_title(knowledge.name(kp).orElse(kp), c.name);
            for (Map.Entry<Long, List<ReviewFinding>> p : g.getValue().entrySet()) {
                String reason = String.join(m.training_reason_sep(), p.getValue().stream().map(f -> reason(m, f)).toList());
                Optional<Long> plan = courses.isEmpty() ? Optional.empty()
                        : plans.assign(title, courses, c.owningUnitId, p.getKey(), due, reason, actor);
                if (plan.isEmpty()) {
                    without++;
                    continue;
                }
                planIds.add(plan.get());
                assignments++;
                for (ReviewFinding f : p.getValue()) {
                    em.createNativeQuery("INSERT INTO review_training (finding_id, person_id, plan_id, assigned_at) "
                            + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").setParameter(1, f.id)
                            .setParameter(2, p.getKey()).setParameter(3, plan.get()).setParameter(4, Now.instant())
                            .executeUpdate();
                }
                audit.recordAs(actor, "review.training_assigned", "training_plan", plan.get(), AuditLog.detail("campaign",
                        c.id, "personId", p.getKey(), "knowledgePoint", kp,
                        "findings", p.getValue().stream().map(f -> f.id).toList()));
                for (Account a : Account.<Account> list("personId = ?1 AND enabled = true", p.getKey())) {
                    notifications.send(a.id, new NotificationService.Message("review", "notif_review_training", title,
                            reason, null, "/learn"), "review-training-" + plan.get());
                }
            }
        }
        return new Result(planIds.size(), assignments, without);
    }

    static String reason(ReviewMessages m, ReviewFinding f) {
        ReviewCaseFile file = ReviewCaseFile.findById(f.caseFileId);
        StandardItem item = StandardItem.findById(f.itemId);
        return m.training_reason(file.caseNo, item.name, f.text);
    }
}
