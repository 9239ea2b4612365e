package cn.zhifa.academy.exam.admin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAudience;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.GradeBands;
import cn.zhifa.academy.exam.ReviewPolicy;
import cn.zhifa.academy.exam.bank.Question;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.paper.Blueprint;
import cn.zhifa.academy.exam.paper.BlueprintSection;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.config.AcademyConfig;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.records.ExamPurpose;
import io.quarkus.runtime.StartupEvent;

/**
 * The demo city's exams, created once after the question bank is imported: a 100-point mock
 * qualification exam (通用法律知识) and a 10-question practice quiz, both open to the city's
 * officers and legal reviewers, so 我的考试 has something to show.
 */
@Singleton
public class DemoExams {

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    AcademyConfig config;

    @Inject
    ExamService exams;

    @Transactional
    void load(@Observes @Priority(50) StartupEvent event) {
        if (!config.demo().enabled() || Exam.count() > 0 || Question.count() == 0) {
            return;
        }
        OrgDirectory.Unit city = orgDirectory.unitByCode("SFS").orElse(null);
        if (city == null) {
            return;
        }
        // the names are data of the demo city: demo/exams.properties
        java.util.Properties words = words();
        Blueprint full = blueprint(city, words.getProperty("blueprint.full"), new BigDecimal("60"),
                section(1, QuestionType.SINGLE, 20, "2", null), section(2, QuestionType.MULTIPLE, 10, "3", null),
                section(3, QuestionType.TRUE_FALSE, 10, "2", null), section(4, QuestionType.CASE_ANALYSIS, 1, "10", null));
        String law = words.getProperty("blueprint.quiz.law");
        Blueprint quiz = blueprint(city, words.getProperty("blueprint.quiz"), new BigDecimal("6"),
                section(1, QuestionType.SINGLE, 6, "1", law), section(2, QuestionType.TRUE_FALSE, 4, "1", law));
        Instant now = Now.instant();
        exam(city, full, "DEMO-ZG-TY", words.getProperty("exam.full"), ExamPurpose.QUALIFICATION_GENERAL, 90, 3,
                ReviewPolicy.AFTER_CLOSE, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
        exam(city, quiz, "DEMO-CF-LX", words.getProperty("exam.quiz"), ExamPurpose.COURSE_QUIZ, 15, 5, ReviewPolicy.AFTER_SUBMIT,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
    }

    private static java.util.Properties words() {
        return cn.zhifa.academy.platform.text.ResourceFiles.properties("demo/exams.properties");
    }

    private static BlueprintSection section(int position, QuestionType type, int count, String points, String law) {
        BlueprintSection s = new BlueprintSection();
        s.position = position;
        s.type = type;
        s.questionCount = count;
        s.points = new BigDecimal(points);
        s.laws = law == null ? "" : law;
        return s;
    }

    private static Blueprint blueprint(OrgDirectory.Unit owner, String name, BigDecimal pass, BlueprintSection... sections) {
        Blueprint b = new Blueprint();
        b.name = name;
        b.ownerUnitId = owner.id();
        b.passMark = pass;
        b.createdBy = "system";
        for (BlueprintSection s : sections) {
            s.blueprint = b;
            b.sections.add(s);
        }
        b.persist();
        return b;
    }

    private void exam(OrgDirectory.Unit owner, Blueprint b, String code, String title, ExamPurpose purpose, int minutes,
            int attempts, ReviewPolicy review, Instant opens, Instant closes) {
        Exam e = new Exam();
        e.code = code;
        e.title = title;
        e.purpose = purpose;
        e.domainCode = "TY";
        e.blueprintId = b.id;
        e.ownerUnitId = owner.id();
        e.opensAt = opens;
        e.closesAt = closes;
        e.durationMinutes = minutes;
        e.maxAttempts = attempts;
        e.reviewPolicy = review;
        e.bands = GradeBands.DEFAULT;
        e.anonymousGrading = ExamService.anonymousByDefault(purpose, null);
        e.createdBy = "system";
        e.persist();
        for (String category : List.of("OFFICER", "LEGAL_REVIEWER")) {
            new ExamAudience(e.id, ExamAudience.Kind.CATEGORY, category, null).persist();
        }
        new ExamAudience(e.id, ExamAudience.Kind.UNIT, String.valueOf(owner.id()), null).persist();
        exams.publish(e);
    }
}
