package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.runtime.StartupEvent;

/**
 * The demo city's training plan: every officer and legal reviewer of 示范市 takes the common
 * courses this year (60 学时). Created once, after the demo people and the courses exist.
 */
@Singleton
public class DemoPlans {

    @Inject
    AcademyConfig config;

    @Inject
    OrgDirectory org;

    @Inject
    PlanSync sync;

    @Transactional
    void load(@Observes @Priority(40) StartupEvent event) {
        if (!config.demo().enabled() || TrainingPlan.count() > 0 || Course.count() == 0) {
            return;
        }
        OrgDirectory.Unit city = org.unitByCode("SFS").orElse(null);
        if (city == null) {
            return;
        }
        TrainingPlan p = new TrainingPlan();
        int year = Now.today().getYear();
        p.year = year;
        p.title = CurriculumText.records().record_demo_plan_title(year);
        p.owningUnitId = city.id();
        p.categories = "OFFICER,LEGAL_REVIEWER";
        p.requiredHours = BigDecimal.valueOf(60);
        p.dueDate = LocalDate.of(year, 12, 31);
        p.createdBy = "system";
        for (String code : List.of("TY-SXZD", "TY-CFCX", "TY-CLJZ", "TY-RXZF", "TY-SLZF")) {
            Course.byCode(code).ifPresent(p.courses::add);
        }
        p.persist();
        sync.sync(p);
    }
}
