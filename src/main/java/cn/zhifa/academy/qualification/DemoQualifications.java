package cn.zhifa.academy.qualification;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.provider.ProviderDirectory;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo qualifications in 示范市 so the pages show every state: valid ones, ones expiring within
 * 30 / 60 / 90 days (the demo learner's among them), a suspended, an expired and a cancelled
 * one, and most of one provider's staff qualified. Loaded once, after the demo people.
 */
@Singleton
public class DemoQualifications {

    /** The demo's texts ({@code demo/qualifications.properties}, UTF-8). */
    private static final java.util.Properties TEXTS = load();

    private static java.util.Properties load() {
        try (java.io.InputStream in = DemoQualifications.class.getClassLoader()
                .getResourceAsStream("demo/qualifications.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory directory;

    @Inject
    AcademyConfig config;

    @Inject
    ProviderDirectory providers;

    @Inject
    QualificationService service;

    @Inject
    QualificationJobs jobs;

    @Transactional
    void load(@Observes @Priority(50) StartupEvent event) {
        if (!config.demo().enabled() || orgDirectory.unitByCode("SFS").isEmpty()) {
            return;
        }
        QualificationType zf = QualificationType.byCode("ZFZG").orElseThrow();
        // other demo data may already have earned qualifications automatically (e.g. auxiliary
        // staff passing their exam): only the demo's own enforcement qualifications mark "loaded"
        if (Qualification.count("typeId", zf.id) > 0) {
            return;
        }
        LocalDate today = jobs.today();
        List<PersonSummary> officers = directory.ofCategory(PersonCategory.OFFICER);
        Long learnerPerson = Account.findByUsername("learner").map(a -> a.personId).orElse(null);
        int[] expiresInDays = { 25, 55, 85, 400, 900, 1500, -10, 700, 1200 };
        String[] domains = { "ZHZF", "SCJG", "STHJ", "ZHZF", "JTYS", "YJGL", "ZHZF", "WHSC", "NYNC" };
        int i = 0;
        for (PersonSummary p : officers) {
            if (i >= expiresInDays.length) {
                break;
            }
            if (learnerPerson != null && i == 0 && p.id() != learnerPerson) {
                p = directory.find(learnerPerson).orElseThrow(); // the demo learner's qualification expires within 30 days
            } else if (learnerPerson != null && i > 0 && p.id() == learnerPerson) {
                continue;
            }
            Qualification q = service.issue(zf, p, domains[i], TEXTS.getProperty("basis.officer"),
                    Qualification.IssueMode.MANUAL, today, "system");
            LocalDate expires = today.plusDays(expiresInDays[i]);
            q.expiresOn = expires;
            q.issuedOn = expires.minusYears(5).plusDays(1);
            q.stateSince = q.issuedOn;
            QualificationEvent.update("issuedOn = ?1, expiresOn = ?2, effectiveOn = ?1 WHERE qualificationId = ?3",
                    q.issuedOn, q.expiresOn, q.id);
            if (i == 4) {
                service.suspend(q.id, TEXTS.getProperty("reason.suspend"), today, "system");
            }
            if (i == 7) {
                service.cancel(q.id, TEXTS.getProperty("reason.cancel"), today, "system");
            }
            i++;
        }
        QualificationType fz = QualificationType.byCode("FZSH").orElseThrow();
        directory.ofCategory(PersonCategory.LEGAL_REVIEWER).stream().limit(2)
                .forEach(p -> service.issue(fz, p, "TY", TEXTS.getProperty("basis.reviewer"), Qualification.IssueMode.MANUAL, today,
                        "system"));
        QualificationType ds = QualificationType.byCode("DSFRY").orElseThrow();
        providers.all().stream().sorted(Comparator.comparingLong(ProviderDirectory.ProviderSummary::id)).skip(1)
                .findFirst().ifPresent(pr -> directory.ofProvider(pr.id()).stream().limit(5)
                        .forEach(p -> service.issue(ds, p, "TY", TEXTS.getProperty("basis.provider_staff"),
                                Qualification.IssueMode.MANUAL, today, "system")));
        service.expire(today);
        service.openRenewals(today);
        service.remind(today);
    }
}
