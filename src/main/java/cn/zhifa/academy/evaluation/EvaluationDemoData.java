package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.provider.ProviderDirectory;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.records.ExamResultRecorded;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo evaluations for 示范市 (after the registry demo): the default schemes, confirmed
 * assessments of auxiliary staff (one person with two consecutive 不合格, hence flagged),
 * credit evaluations of the three demo providers and one blacklisted provider.
 */
@Singleton
public class EvaluationDemoData {

    private static final Logger LOG = Logger.getLogger(EvaluationDemoData.class);

    /** The demo's texts: {@code demo/evaluation.properties}. */
    private static final java.util.Properties TEXT = texts("demo/evaluation.properties");

    static java.util.Properties texts(String file) {
        return cn.zhifa.academy.platform.text.ResourceFiles.properties(file);
    }

    @Inject
    AcademyConfig config;

    @Inject
    ProviderDirectory providerDirectory;

    @Inject
    OrgDirectory org;

    @Inject
    PeopleDirectory people;

    @Inject
    EvaluationService evaluations;

    @Inject
    Event<ExamResultRecorded> examResults;

    @Transactional
    void load(@Observes @Priority(30) StartupEvent event) {
        if (!config.demo().enabled() || EvalScheme.count() > 0) {
            return;
        }
        OrgDirectory.Unit city = org.unitByCode("SFS").orElse(null);
        OrgDirectory.Unit linjiang = org.unitByCode("SFS-LJ").orElse(null);
        if (city == null || linjiang == null) {
            return;
        }
        EvalScheme aux = scheme(DefaultSchemes.auxiliary(city.id()));
        EvalScheme cred = scheme(DefaultSchemes.provider(city.id()));

        List<PeopleDirectory.PersonSummary> staff = people.ofCategoryWithin(PersonCategory.AUXILIARY, linjiang.path());
        if (staff.size() >= 4) {
            exam(staff.get(0), 2024, 48);
            exam(staff.get(0), 2025, 52);
            assess(aux, staff.get(0), "2024", Map.of("GZSJ", 55, "JLZF", 60, "QZPJ", 50));
            assess(aux, staff.get(0), "2025", Map.of("GZSJ", 50, "JLZF", 55, "QZPJ", 60));
            exam(staff.get(1), 2025, 95);
            assess(aux, staff.get(1), "2025", Map.of("GZSJ", 96, "JLZF", 98, "QZPJ", 95));
            exam(staff.get(2), 2025, 78);
            assess(aux, staff.get(2), "2025", Map.of("GZSJ", 85, "JLZF", 90, "QZPJ", 80));
            exam(staff.get(3), 2025, 66);
            assess(aux, staff.get(3), "2025", Map.of("GZSJ", 72, "JLZF", 70, "QZPJ", 75));
        }

        List<ProviderDirectory.ProviderSummary> providers = providerDirectory.all().stream()
                .sorted(java.util.Comparator.comparingLong(ProviderDirectory.ProviderSummary::id)).toList();
        int[][] scores = { { 67, 9, 19 }, { 55, 8, 15 }, { 45, 6, 12 } };
        for (int i = 0; i < Math.min(3, providers.size()); i++) {
            ProviderDirectory.ProviderSummary p = providers.get(i);
            if (i == 1) {
                event(p, CreditEventKind.COMPLAINT, 4, LocalDate.of(2025, 5, 12), TEXT.getProperty("event.complaint"));
                event(p, CreditEventKind.REPAIR, 2, LocalDate.of(2025, 9, 1), TEXT.getProperty("event.repair"));
            }
            if (i == 2) {
                event(p, CreditEventKind.PROFITEERING, 10, LocalDate.of(2025, 6, 20), TEXT.getProperty("event.profiteering"));
                event(p, CreditEventKind.COMPLAINT, 5, LocalDate.of(2025, 8, 3), TEXT.getProperty("event.sampling"));
            }
            Evaluation e = open(cred, p.id(), null, p.commissioningUnitId(), "2025");
            enter(e, cred, Map.of("ZGBM", scores[i][0], "ZFXY", scores[i][1], "SHPJ", scores[i][2]));
            if (i == 2) {
                Blacklisting b = new Blacklisting();
                b.providerId = p.id();
                b.reason = TEXT.getProperty("blacklist.reason");
                b.startsOn = LocalDate.of(2026, 3, 1);
                b.endsOn = LocalDate.of(2028, 3, 1);
                b.createdBy = "system";
                b.persist();
            }
        }
        LOG.infof("demo evaluations loaded: %d evaluations, %d flags", Evaluation.count(), EvalFlag.count());
    }

    private EvalScheme scheme(SchemeService.SchemeInput in) {
        SchemeService.validate(in);
        EvalScheme s = new EvalScheme();
        s.code = in.code();
        s.versionNo = 1;
        s.name = in.name();
        s.subjectKind = in.subjectKind();
        s.cycle = in.cycle();
        s.owningUnitId = in.owningUnitId();
        s.description = in.description();
        s.createdBy = "system";
        s.persist();
        int pos = 0;
        for (SchemeService.ItemInput i : in.items()) {
            SchemeItem it = new SchemeItem();
            it.schemeId = s.id;
            it.position = pos++;
            it.code = i.code();
            it.name = i.name();
            it.weight = i.weight();
            it.maxScore = i.maxScore();
            it.source = i.source();
            it.param = i.param();
            it.persist();
        }
        pos = 0;
        for (SchemeService.BandInput b : in.bands()) {
            GradeBand g = new GradeBand();
            g.schemeId = s.id;
            g.position = pos++;
            g.label = b.label();
            g.minScore = b.minScore();
            g.maxScore = b.maxScore();
            g.consequence = b.consequence();
            g.flagConsecutive = b.flagConsecutive();
            g.persist();
        }
        return s;
    }

    private void exam(PeopleDirectory.PersonSummary p, int year, int score) {
        examResults.fire(new ExamResultRecorded(p.id(), 9_000_000L + year, "FZRY-" + year, TEXT.getProperty("exam.title").replace("{year}", String.valueOf(year)),
                ExamPurpose.AUXILIARY, false, "TY", BigDecimal.valueOf(score), TEXT.getProperty(score >= 60 ? "exam.passed" : "exam.failed"), score >= 60, 1,
                LocalDate.of(year, 11, 15).atStartOfDay(Now.zone()).toInstant()));
    }

    private void assess(EvalScheme s, PeopleDirectory.PersonSummary p, String cycle, Map<String, Integer> manual) {
        Evaluation e = open(s, null, p.id(), p.unitId(), cycle);
        enter(e, s, manual);
    }

    private Evaluation open(EvalScheme s, Long providerId, Long personId, long unitId, String cycle) {
        Cycle.Period period = s.cycle.parse(cycle);
        Evaluation e = new Evaluation();
        e.schemeId = s.id;
        e.subjectKind = s.subjectKind;
        e.providerId = providerId;
        e.personId = personId;
        e.unitId = unitId;
        e.cycleLabel = period.label();
        e.periodStart = period.start();
        e.periodEnd = period.end();
        e.createdBy = "system";
        e.persist();
        for (SchemeItem it : s.items()) {
            EvaluationScore sc = new EvaluationScore();
            sc.evaluationId = e.id;
            sc.itemId = it.id;
            sc.persist();
        }
        return e;
    }

    private void enter(Evaluation e, EvalScheme s, Map<String, Integer> manual) {
        for (SchemeItem it : s.items()) {
            if (manual.containsKey(it.code)) {
                EvaluationScore sc = evaluations.score(e.id, it.id);
                sc.score = BigDecimal.valueOf(manual.get(it.code));
                sc.enteredBy = "system";
                sc.enteredAt = Now.instant();
            }
        }
        EvaluationScore.getEntityManager().flush();
        evaluations.recompute(e);
        e.status = Evaluation.Status.CONFIRMED;
        e.confirmedBy = "system";
        e.confirmedAt = Now.instant();
        if (e.personId != null) {
            evaluations.raiseFlagIfDue(e);
        }
    }

    private void event(ProviderDirectory.ProviderSummary p, CreditEventKind kind, int points, LocalDate on,
            String description) {
        CreditEvent c = new CreditEvent();
        c.providerId = p.id();
        c.kind = kind;
        c.points = BigDecimal.valueOf((long) points * kind.sign);
        c.occurredOn = on;
        c.description = description;
        c.recordedBy = "system";
        c.persist();
    }
}
