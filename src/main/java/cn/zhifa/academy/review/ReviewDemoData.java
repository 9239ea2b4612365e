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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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

    /** The demo's campaigns, files, findings and texts: {@code demo/review.yaml}. */
    private static final JsonNode DEMO = read("demo/review.yaml");

    /** Findings per file in draw order: deduction code and the finding text. */
    private static final List<Map<String, String>> FINDINGS = findings();

    private static JsonNode read(String file) {
        return cn.zhifa.academy.platform.text.ResourceFiles.yaml(file);
    }

    private static List<Map<String, String>> findings() {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode file : DEMO.path("findings")) {
            Map<String, String> byDeduction = new java.util.LinkedHashMap<>();
            file.fields().forEachRemaining(e -> byDeduction.put(e.getKey(), e.getValue().asText()));
            out.add(byDeduction);
        }
        return List.copyOf(out);
    }

    private static String text(String path) {
        return DEMO.at(path).asText();
    }

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
        ReviewCampaign annual = campaign(text("/annual/name"), ReviewCampaign.Kind.ANNUAL, city, standard, 2,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), List.of(jb, wj, qs), List.of(qsReviewer, yxReviewer));
        Map<OrgDirectory.Unit, List<ReviewCaseFile>> files = new HashMap<>();
        JsonNode matters = DEMO.at("/annual/files");
        int serial = 1;
        java.util.Set<String> used = new java.util.HashSet<>();
        for (OrgDirectory.Unit u : List.of(jb, wj, qs)) {
            used.clear();
            List<ReviewCaseFile> list = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // 李强 (the demo learner) handles every 江滨 file with a colleague
                PersonSummary o1 = u == jb ? liqiang : first(u, PersonCategory.OFFICER, i);
                PersonSummary o2 = first(u, PersonCategory.OFFICER, i + 1);
                String caseNo = text("/annual/caseNo").replace("{town}", u.name().substring(0, 2))
                        .replace("{serial}", String.format("%03d", serial++));
                ReviewCaseFile f = file(annual, u, caseNo, matters.get(i).path("matter").asText(),
                        matters.get(i).path("decision").asText(), LocalDate.of(2026, 2 + i * 2, 10 + i), o1, o2);
                // the town's own delegated matter from the catalogue, as the form requires
                MatterDirectory.Entry cm = catalogueMatter(u, DEMO.at("/annual/catalogue").get(i).asText(), used);
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
        rec.body = text("/recommendation");
        rec.deadline = LocalDate.of(2026, 11, 15);
        rec.issuedBy = "admin";
        rec.persist();
        for (ReviewFinding x : ReviewFinding.<ReviewFinding> list("caseFileId IN (SELECT f.id FROM ReviewCaseFile f WHERE "
                + "f.campaignId = ?1 AND f.unitId = ?2)", annual.id, jb.id())) {
            em.createNativeQuery("INSERT INTO review_recommendation_finding (recommendation_id, finding_id) VALUES (?1, ?2)")
                    .setParameter(1, rec.id).setParameter(2, x.id).executeUpdate();
        }

        // a special campaign under review, waiting for the demo reviewer
        ReviewCampaign special = campaign(text("/special/name"), ReviewCampaign.Kind.SPECIAL, city, standard, 1,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30), List.of(jb, wj), List.of(qsReviewer));
        JsonNode specialFiles = DEMO.at("/special/files");
        file(special, jb, specialFiles.get(0).path("caseNo").asText(), specialFiles.get(0).path("matter").asText(),
                specialFiles.get(0).path("decision").asText(), LocalDate.of(2026, 8, 3),
                first(jb, PersonCategory.OFFICER, 2), first(jb, PersonCategory.OFFICER, 3));
        file(special, wj, specialFiles.get(1).path("caseNo").asText(), specialFiles.get(1).path("matter").asText(),
                specialFiles.get(1).path("decision").asText(), LocalDate.of(2026, 9, 12),
                first(wj, PersonCategory.OFFICER, 2), first(wj, PersonCategory.OFFICER, 3));
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
            Account a = accounts.create("reviewer", qsReviewer.name() + text("/reviewerSuffix"), config.demo().password(), Roles.LEARNER,
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
