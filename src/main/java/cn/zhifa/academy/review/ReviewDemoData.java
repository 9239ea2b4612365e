package cn.zhifa.academy.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.matters.MatterDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.AccountService;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo review data for 示范市 (after the registry, courses and plans): a finished 2026 annual
 * campaign of the city over 江滨街道, 望江街道 and 青山镇 with scored files and findings (the demo
 * learner 李强 handled one of them, so 我的学习 shows his 评查整改学习), the targeted training
 * those findings assign, an overdue supervision recommendation to 江滨街道, and a special
 * campaign under review whose files wait for the demo reviewer (account "reviewer").
 */
@Singleton
public class ReviewDemoData {

    private static final Logger LOG = Logger.getLogger(ReviewDemoData.class);

    @Inject
    AcademyConfig config;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory people;

    @Inject
    AccountService accounts;

    @Inject
    TargetedTraining training;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** Findings per file in draw order: deduction code and the finding text. */
    private static final List<Map<String, String>> FINDINGS = List.of(
            Map.of("QZ-2", "询问笔录未经当事人逐页核对签名", "GZ-3", "当事人提出申辩后未见复核记录", "WS-2", "处罚决定书对从轻情节未作说理"),
            Map.of("QZ-1", "仅有现场照片，不能证明违法行为持续时间", "CL-2", "罚款数额未说明适用裁量基准的哪一档次"),
            Map.of("SD-1", "邮寄送达无回执，无法证明送达日期", "GD-1", "卷内缺少缴款凭证"),
            Map.of("WS-4", "决定书有两处错别字"),
            Map.of("FL-2", "仅引用《城市市容和环境卫生管理条例》，未引到条款", "QZ-2", "现场检查笔录未记录检查人员执法证号"),
            Map.of());

    @Transactional
    void load(@Observes @Priority(61) StartupEvent event) { // after the matter catalogue (60): files name its matters
        if (!config.demo().enabled() || ReviewCampaign.count() > 0 || ReviewStandard.count() == 0) {
            return;
        }
        OrgDirectory.Unit city = orgDirectory.unitByCode("SFS").orElse(null);
        OrgDirectory.Unit jb = orgDirectory.unitByCode("SFS-LJ-JB").orElse(null);
        OrgDirectory.Unit wj = orgDirectory.unitByCode("SFS-LJ-WJ").orElse(null);
        OrgDirectory.Unit qs = orgDirectory.unitByCode("SFS-QS-QS").orElse(null);
        OrgDirectory.Unit yx = orgDirectory.unitByCode("SFS-YX-YX").orElse(null);
        if (city == null || jb == null || wj == null || qs == null || yx == null) {
            return;
        }
        ReviewStandard standard = ReviewStandard.find("status = ?1 ORDER BY id", ReviewStandard.Status.ACTIVE).firstResult();
        PersonSummary qsReviewer = first(qs, PersonCategory.LEGAL_REVIEWER, 0);
        PersonSummary yxReviewer = first(yx, PersonCategory.LEGAL_REVIEWER, 0);
        if (qsReviewer == null || yxReviewer == null) {
            return;
        }
        Account learner = Account.findByUsername("learner").orElse(null);
        PersonSummary liqiang = learner == null || learner.personId == null ? first(jb, PersonCategory.OFFICER, 0)
                : people.find(learner.personId).orElse(null);

        // the finished annual campaign
        ReviewCampaign annual = campaign("2026 年度行政处罚案卷评查", ReviewCampaign.Kind.ANNUAL, city, standard, 2,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), List.of(jb, wj, qs), List.of(qsReviewer, yxReviewer));
        Map<OrgDirectory.Unit, List<ReviewCaseFile>> files = new HashMap<>();
        String[][] matters = { { "未经许可占用城市道路经营", "罚款" }, { "擅自设置户外广告设施", "罚款" },
                { "违规倾倒建筑垃圾", "罚款、没收违法所得" }, { "未按规定履行门前三包责任", "警告" } };
        int serial = 1;
        java.util.Set<String> used = new java.util.HashSet<>();
        for (OrgDirectory.Unit u : List.of(jb, wj, qs)) {
            used.clear();
            List<ReviewCaseFile> list = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // 李强 (the demo learner) handles every 江滨 file with a colleague
                PersonSummary o1 = u == jb ? liqiang : first(u, PersonCategory.OFFICER, i);
                PersonSummary o2 = first(u, PersonCategory.OFFICER, i + 1);
                ReviewCaseFile f = file(annual, u, String.format("%s综执罚决字〔2026〕第%03d号", u.name().substring(0, 2), serial++),
                        matters[i][0], matters[i][1], LocalDate.of(2026, 2 + i * 2, 10 + i), o1, o2);
                // the town's own delegated matter from the catalogue, as the form requires
                MatterDirectory.Entry cm = catalogueMatter(u, CATALOGUE[i], used);
                if (cm != null) {
                    f.matter = cm.name();
                    f.matterCode = cm.code();
                }
                list.add(f);
            }
            files.put(u, list);
        }
        // the real draw with a recorded seed (repeatable on the campaign page), then the scores
        sampleAndScore(annual, 20260301L);
        annual.status = ReviewCampaign.Status.FINISHED;
        annual.finishedAt = Now.instant();
        annual.finishedBy = "admin";
        TargetedTraining.Result r = training.assign(annual, "system");

        // an overdue supervision recommendation to 江滨街道
        Recommendation rec = new Recommendation();
        rec.campaignId = annual.id;
        rec.unitId = jb.id();
        rec.number = ReviewText.records().rec_number("2026", 1) + "-" + annual.id;
        rec.body = "年度评查发现江滨街道案卷存在询问笔录未经核对签名、未复核当事人申辩、决定书说理不充分等问题。"
                + "建议：一、组织执法队员学习调查取证和告知程序规范；二、对 2026 年已办结案卷开展自查，补正可补正的瑕疵；"
                + "三、建立案卷法制审核前的自查清单。请于期限内书面反馈整改情况并附相关材料。";
        rec.deadline = LocalDate.of(2026, 11, 15);
        rec.issuedBy = "admin";
        rec.persist();
        for (ReviewFinding x : ReviewFinding.<ReviewFinding> list("caseFileId IN (SELECT f.id FROM ReviewCaseFile f WHERE "
                + "f.campaignId = ?1 AND f.unitId = ?2)", annual.id, jb.id())) {
            em.createNativeQuery("INSERT INTO review_recommendation_finding (recommendation_id, finding_id) VALUES (?1, ?2)")
                    .setParameter(1, rec.id).setParameter(2, x.id).executeUpdate();
        }

        // a special campaign under review, waiting for the demo reviewer
        ReviewCampaign special = campaign("2026 年市容秩序领域专项评查", ReviewCampaign.Kind.SPECIAL, city, standard, 1,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30), List.of(jb, wj), List.of(qsReviewer));
        file(special, jb, "江滨综执罚决字〔2026〕第118号", "占道经营", "罚款", LocalDate.of(2026, 8, 3),
                first(jb, PersonCategory.OFFICER, 2), first(jb, PersonCategory.OFFICER, 3));
        file(special, wj, "望江综执罚决字〔2026〕第093号", "擅自设置户外广告设施", "罚款",
                LocalDate.of(2026, 9, 12), first(wj, PersonCategory.OFFICER, 2), first(wj, PersonCategory.OFFICER, 3));
        em.flush();
        for (Sampling.Pick p : campaigns.draw(special, 20260901L)) {
            ReviewCaseFile f = ReviewCaseFile.findById(p.fileId());
            f.sampleOrder = p.order();
            f.reviewerPersonId = p.reviewerPersonId();
            f.status = ReviewCaseFile.Status.SAMPLED;
        }
        special.sampleSeed = 20260901L;
        special.sampledAt = Now.instant();
        special.sampledBy = "admin";
        special.status = ReviewCampaign.Status.REVIEWING;

        if (Account.findByUsername("reviewer").isEmpty()) {
            Account a = accounts.create("reviewer", qsReviewer.name() + "（青山镇法制审核员）", config.demo().password(), Roles.LEARNER,
                    qs.id(), null, false);
            a.personId = qsReviewer.id();
        }
        audit.recordAs("system", "review.demo_loaded", "review_campaign", annual.id, AuditLog.detail("plans", r.plans(),
                "assignments", r.assignments()));
        LOG.infof("demo review loaded: 2 campaigns, %d findings, %d targeted assignment(s) in %d plan(s), 1 overdue "
                + "recommendation", ReviewFinding.count(), r.assignments(), r.plans());
    }

    private PersonSummary first(OrgDirectory.Unit u, PersonCategory category, int index) {
        List<PersonSummary> list = people.ofCategoryIn(u.id(), category);
        return list.isEmpty() ? null : list.get(index % list.size());
    }

    private ReviewCampaign campaign(String name, ReviewCampaign.Kind kind, OrgDirectory.Unit owner, ReviewStandard standard,
            int sample, LocalDate from, LocalDate to, List<OrgDirectory.Unit> units, List<PersonSummary> reviewers) {
        ReviewCampaign c = new ReviewCampaign();
        c.name = name;
        c.kind = kind;
        c.year = 2026;
        c.owningUnitId = owner.id();
        c.periodStart = from;
        c.periodEnd = to;
        c.standardId = standard.id;
        c.sampleSize = sample;
        c.createdBy = "admin";
        c.persist();
        for (OrgDirectory.Unit u : units) {
            em.createNativeQuery("INSERT INTO review_campaign_unit (campaign_id, unit_id) VALUES (?1, ?2)")
                    .setParameter(1, c.id).setParameter(2, u.id()).executeUpdate();
        }
        for (PersonSummary p : reviewers) {
            em.createNativeQuery("INSERT INTO review_reviewer (campaign_id, person_id) VALUES (?1, ?2)")
                    .setParameter(1, c.id).setParameter(2, p.id()).executeUpdate();
        }
        return c;
    }

    /** The catalogue's names of the demo files' matters (the same conduct as the text above). */
    private static final String[] CATALOGUE = { "对在城市道路两侧和公共场地摆摊设点、占道经营的处罚", "对擅自设置户外广告设施的处罚",
            "对擅自倾倒、堆放、丢弃、遗撒建筑垃圾等固体废物的处罚", "对超出门窗和外墙从事店外经营的处罚" };

    /** The named matter when the town holds it, else another matter the town holds; null without a catalogue. */
    private MatterDirectory.Entry catalogueMatter(OrgDirectory.Unit town, String name, java.util.Set<String> used) {
        List<MatterDirectory.Entry> held = matterDirectory.all().stream().filter(e -> e.heldBy(town.id())).toList();
        MatterDirectory.Entry pick = held.stream().filter(e -> e.name().equals(name) && !used.contains(e.code())).findFirst()
                .orElseGet(() -> held.stream().filter(e -> !used.contains(e.code())).findFirst().orElse(null));
        if (pick != null) {
            used.add(pick.code());
        }
        return pick;
    }

    @Inject
    MatterDirectory matterDirectory;

    private ReviewCaseFile file(ReviewCampaign c, OrgDirectory.Unit u, String caseNo, String matter, String type,
            LocalDate date, PersonSummary... officers) {
        ReviewCaseFile f = new ReviewCaseFile();
        f.campaignId = c.id;
        f.unitId = u.id();
        f.caseNo = caseNo;
        f.matter = matter;
        f.decisionType = type;
        f.decisionDate = date;
        f.createdBy = "admin";
        f.persist();
        for (PersonSummary p : officers) {
            if (p != null) {
                em.createNativeQuery("INSERT INTO review_case_officer (case_file_id, person_id) VALUES (?1, ?2) "
                        + "ON CONFLICT DO NOTHING").setParameter(1, f.id).setParameter(2, p.id()).executeUpdate();
            }
        }
        return f;
    }

    @Inject
    CampaignService campaigns;

    private void sampleAndScore(ReviewCampaign c, long seed) {
        em.flush();
        List<Sampling.Pick> picks = campaigns.draw(c, seed);
        ReviewStandard s = ReviewStandard.findById(c.standardId);
        Map<String, StandardDeduction> deductions = new HashMap<>();
        Map<Long, StandardItem> itemOf = new HashMap<>();
        for (StandardItem it : s.items()) {
            for (StandardDeduction d : it.deductions()) {
                deductions.put(d.code, d);
                itemOf.put(d.id, it);
            }
        }
        int order = 1;
        for (Sampling.Pick p : picks) {
            ReviewCaseFile f = ReviewCaseFile.findById(p.fileId());
            f.sampleOrder = p.order();
            f.reviewerPersonId = p.reviewerPersonId();
            for (Map.Entry<String, String> e : FINDINGS.get((order - 1) % FINDINGS.size()).entrySet()) {
                StandardDeduction d = deductions.get(e.getKey());
                StandardItem it = itemOf.get(d.id);
                ReviewFinding x = new ReviewFinding();
                x.caseFileId = f.id;
                x.itemId = it.id;
                x.deductionId = d.id;
                x.points = d.points;
                x.knowledgePoint = it.knowledgePoint;
                x.text = e.getValue();
                x.createdBy = "reviewer";
                x.persist();
            }
            for (StandardItem it : s.items()) {
                em.createNativeQuery("INSERT INTO review_item_check (case_file_id, item_id, checked_by, checked_at) VALUES "
                        + "(?1, ?2, 'reviewer', now())").setParameter(1, f.id).setParameter(2, it.id).executeUpdate();
            }
            em.flush();
            ScoringService.retotal(f, c);
            f.status = ReviewCaseFile.Status.SCORED;
            f.scoredAt = Now.instant();
            order++;
        }
        c.sampleSeed = seed;
        c.sampledAt = Now.instant();
        c.sampledBy = "admin";
    }
}
