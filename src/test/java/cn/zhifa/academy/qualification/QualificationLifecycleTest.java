package cn.zhifa.academy.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.notification.Notification;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.records.ExamPurpose;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue on rule met, 暂扣 and restore, 注销, expiry by date, renewal window and renewal; history and audit. */
@QuarkusTest
class QualificationLifecycleTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    QualFixtures fx;

    @Inject
    QualificationJobs jobs;

    @Inject
    TestAccounts accounts;

    @Test
    void passingBothExamsWithEnoughHoursIssuesTheDomainQualificationAutomatically() {
        LocalDate today = jobs.today();
        long id = fx.person("周建国", PersonCategory.OFFICER, "SFS-LJ-JB");
        fx.hours(id, today.getYear(), 45);
        fx.passEnforcementExams(id, "SCJG", Instant.now());

        List<Qualification> qs = fx.of(id);
        assertThat(qs).singleElement().satisfies(q -> {
            assertThat(q.state).isEqualTo(QualificationState.VALID);
            assertThat(q.domainCode).isEqualTo("SCJG");
            assertThat(q.issueMode).isEqualTo(Qualification.IssueMode.AUTO);
            assertThat(q.issuedOn).isEqualTo(today);
            assertThat(q.expiresOn).isEqualTo(today.plusYears(5).minusDays(1));
            assertThat(CertificateNumbers.normalise(q.number)).contains(q.number);
            assertThat(q.number).startsWith("ZF");
            assertThat(q.basis).contains("QS-" + id).contains("学时");
        });
        long qid = qs.get(0).id;
        assertThat(fx.history(qid)).containsExactly(QualificationEvent.Action.ISSUED);
        assertThat(fx.auditActions(qid)).containsExactly("qualification.issued");

        // a second identical result changes nothing
        fx.passEnforcementExams(id, "SCJG", Instant.now());
        assertThat(fx.of(id)).hasSize(1);
    }

    @Test
    void withoutTheHoursNothingIsIssuedUntilTheHoursArriveAndTheSweepRuns() {
        LocalDate today = jobs.today();
        long id = fx.person("孙晓东", PersonCategory.OFFICER, "SFS-LJ-JB");
        fx.hours(id, today.getYear(), 12);
        fx.passEnforcementExams(id, "ZHZF", Instant.now());
        assertThat(fx.of(id)).isEmpty();

        // a failed special exam in another domain does not count either
        fx.exam(id, "QS-X-" + id, ExamPurpose.QUALIFICATION_SPECIAL, "STHJ", 40, false, Instant.now());
        fx.hours(id, today.getYear(), 30);
        assertThat(fx.of(id)).isEmpty(); // hours alone fire no event

        jobs.run(today);
        assertThat(fx.of(id)).singleElement().satisfies(q -> assertThat(q.domainCode).isEqualTo("ZHZF"));
    }

    @Test
    void suspendRestoreAndCancelAreRecordedAuditedAndNeedAReason() {
        LocalDate today = jobs.today();
        long id = fx.person("钱海燕", PersonCategory.OFFICER, "SFS-LJ-JB");
        fx.hours(id, today.getYear(), 60);
        fx.passEnforcementExams(id, "ZHZF", Instant.now());
        long qid = fx.of(id).get(0).id;
        Account admin = accounts.create("qadmin", Roles.ADMIN, "SFS-LJ");
        Api api = Api.as(admin.username, TestAccounts.PASSWORD);

        api.post().contentType(ContentType.JSON).body("{\"reason\":\" \"}").when()
                .post("/api/v1/qualifications/" + qid + "/suspend").then().statusCode(400);
        api.post().contentType(ContentType.JSON).body("{\"reason\":\"涉嫌违法执法，调查期间暂扣\"}").when()
                .post("/api/v1/qualifications/" + qid + "/suspend").then().statusCode(200);
        Qualification q = fx.reload(qid);
        assertThat(q.state).isEqualTo(QualificationState.SUSPENDED);
        assertThat(q.stateReason).contains("调查期间");
        // suspending twice is a conflict
        api.post().contentType(ContentType.JSON).body("{\"reason\":\"再次\"}").when()
                .post("/api/v1/qualifications/" + qid + "/suspend").then().statusCode(409);

        api.post().contentType(ContentType.JSON).body("{\"reason\":\"调查结束，恢复\"}").when()
                .post("/api/v1/qualifications/" + qid + "/restore").then().statusCode(200);
        assertThat(fx.reload(qid).state).isEqualTo(QualificationState.VALID);

        // the page asks before cancelling (irreversible) and offers the annual check while the qualification lives
        org.jsoup.nodes.Document valid = org.jsoup.Jsoup.parse(api.get().when().get("/qualifications/" + qid).then()
                .statusCode(200).extract().asString());
        assertThat(valid.select("form[action$=/cancel]").attr("data-confirm")).contains("不能恢复");
        assertThat(valid.select("#qual-annual")).hasSize(1);
        api.post().contentType(ContentType.JSON).body("{\"reason\":\"调离执法岗位\"}").when()
                .post("/api/v1/qualifications/" + qid + "/cancel").then().statusCode(200);
        org.jsoup.nodes.Document cancelled = org.jsoup.Jsoup.parse(api.get().when().get("/qualifications/" + qid).then()
                .statusCode(200).extract().asString());
        assertThat(cancelled.select("#qual-annual")).isEmpty();
        assertThat(cancelled.select("#qual-annual-closed").text()).contains("不再登记年审");
        assertThat(fx.reload(qid).state).isEqualTo(QualificationState.CANCELLED);
        api.post().contentType(ContentType.JSON).body("{\"reason\":\"恢复\"}").when()
                .post("/api/v1/qualifications/" + qid + "/restore").then().statusCode(409);

        assertThat(fx.history(qid)).containsExactly(QualificationEvent.Action.ISSUED,
                QualificationEvent.Action.SUSPENDED, QualificationEvent.Action.RESTORED,
                QualificationEvent.Action.CANCELLED);
        assertThat(fx.auditActions(qid)).containsExactly("qualification.issued", "qualification.suspended",
                "qualification.restored", "qualification.cancelled");
        String actor = QuarkusTransaction.requiringNew().call(() -> QualificationEvent.<QualificationEvent> list(
                "qualificationId = ?1 AND action = ?2", qid, QualificationEvent.Action.SUSPENDED).get(0).actor);
        assertThat(actor).isEqualTo(admin.username);
        // a cancelled qualification is not revived by passing again
        fx.passEnforcementExams(id, "ZHZF", Instant.now());
        assertThat(fx.reload(qid).state).isEqualTo(QualificationState.CANCELLED);
    }

    @Inject
    cn.zhifa.academy.curriculum.PlanSync planSync;

    @Test
    void expiryByDateRenewalWindowRemindersAndRenewalKeepEveryCycle() {
        LocalDate today = jobs.today();
        long id = fx.person("吴志强", PersonCategory.OFFICER, "SFS-QS-QS");
        Account learner = accounts.create("qlearner", Roles.LEARNER, "SFS-QS-QS", null, id);
        Account admin = accounts.create("qadmin-qs", Roles.ADMIN, "SFS-QS");
        fx.hours(id, today.getYear(), 60);
        fx.passEnforcementExams(id, "YJGL", Instant.now());
        Qualification q = fx.of(id).get(0);
        long qid = q.id;
        LocalDate expires = q.expiresOn;

        // the day the renewal window opens (six months before expiry)
        LocalDate window = expires.minusMonths(6);
        fx.requested.clear();
        QualificationJobs.Result before = jobs.run(window.minusDays(1));
        assertThat(fx.reload(qid).renewalOpen()).isFalse();
        QualificationJobs.Result r = jobs.run(window);
        assertThat(r.ran()).isTrue();
        assertThat(fx.reload(qid).renewalOpen()).isTrue();
        assertThat(fx.requested).anySatisfy(e -> {
            assertThat(e.examCode()).isEqualTo("RENEW-ZFZG");
            assertThat(e.personId()).isEqualTo(id);
            assertThat(e.reason()).contains(q.number);
        });
        // the renewal training: a pinned assignment in the year's named-list renewal plan
        cn.zhifa.academy.curriculum.PlanAssignment pa = QuarkusTransaction.requiringNew().call(() ->
                cn.zhifa.academy.curriculum.PlanAssignment.<cn.zhifa.academy.curriculum.PlanAssignment> find(
                        "personId = ?1 AND planId IN (SELECT p.id FROM TrainingPlan p WHERE p.namedOnly = true)", id)
                        .singleResult());
        assertThat(pa.status).isEqualTo(cn.zhifa.academy.curriculum.PlanAssignment.Status.OPEN);
        assertThat(pa.pinnedReason).contains(q.number);
        List<String> renewalCourses = QuarkusTransaction.requiringNew().call(() ->
                cn.zhifa.academy.curriculum.TrainingPlan.<cn.zhifa.academy.curriculum.TrainingPlan> findById(pa.planId)
                        .courses.stream().map(c -> c.code).toList());
        assertThat(renewalCourses).containsExactlyInAnyOrder("TY-CFCX", "TY-SXZD");
        // the nightly audience sync leaves it open
        QuarkusTransaction.requiringNew().run(() -> planSync.syncAll());
        assertThat(QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.curriculum.PlanAssignment
                .<cn.zhifa.academy.curriculum.PlanAssignment> findById(pa.id).status))
                .isEqualTo(cn.zhifa.academy.curriculum.PlanAssignment.Status.OPEN);
        // running again does not ask twice
        int asked = fx.requested.size();
        jobs.run(window);
        assertThat(fx.requested).hasSize(asked);
        assertThat(unread(learner.id, "notif_renewal")).isEqualTo(1);
        assertThat(unreadAbout(admin.id, "notif_renewal", qid)).isEqualTo(1);

        // 30 days before expiry: one reminder each, however often the job runs
        jobs.run(expires.minusDays(30));
        jobs.run(expires.minusDays(29));
        assertThat(unread(learner.id, "notif_expiring")).isEqualTo(1);
        assertThat(unreadAbout(admin.id, "notif_expiring", qid)).isEqualTo(1);

        // the renewal exam passed inside the window, with the hours of that year: renewed, same number
        LocalDate renewDay = expires.minusMonths(2);
        fx.hours(id, renewDay.getYear(), 60);
        // the renewal courses assigned when the window opened are completed
        QuarkusTransaction.requiringNew().run(() -> {
            for (String code : List.of("TY-CFCX", "TY-SXZD")) {
                cn.zhifa.academy.curriculum.Course c = cn.zhifa.academy.curriculum.Course.byCode(code).orElseThrow();
                cn.zhifa.academy.curriculum.Enrollment e = new cn.zhifa.academy.curriculum.Enrollment();
                e.personId = id;
                e.courseId = c.id;
                e.courseVersionId = c.publishedVersionId;
                e.completedAt = renewDay.minusDays(10).atStartOfDay(ZONE).toInstant();
                e.persist();
            }
        });
        fx.exam(id, "RENEW-ZFZG", ExamPurpose.QUALIFICATION_SPECIAL, "YJGL", 88, true,
                renewDay.minusDays(3).atStartOfDay(ZONE).toInstant());
        assertThat(jobs.evaluate(id, renewDay)).isEqualTo(1);
        Qualification renewed = fx.reload(qid);
        assertThat(renewed.cycle).isEqualTo(2);
        assertThat(renewed.number).isEqualTo(q.number);
        assertThat(renewed.expiresOn).isEqualTo(expires.plusYears(5));
        assertThat(renewed.state).isEqualTo(QualificationState.VALID);

        // expiry by date: the day after the last valid day of the new cycle
        QualificationJobs.Result exp = jobs.run(renewed.expiresOn.plusDays(1));
        assertThat(exp.expired()).isGreaterThanOrEqualTo(1);
        assertThat(fx.reload(qid).state).isEqualTo(QualificationState.EXPIRED);
        assertThat(unread(learner.id, "notif_expired")).isEqualTo(1);

        List<QualificationEvent> events = QuarkusTransaction.requiringNew().call(() -> QualificationEvent.of(qid));
        assertThat(events).extracting(e -> e.action).containsSubsequence(QualificationEvent.Action.ISSUED,
                QualificationEvent.Action.RENEWAL_OPENED, QualificationEvent.Action.RENEWED,
                QualificationEvent.Action.EXPIRED);
        // the first cycle's dates stay in the history
        assertThat(events.get(0).cycle).isEqualTo(1);
        assertThat(events.get(0).expiresOn).isEqualTo(expires);
        assertThat(fx.auditActions(qid)).containsSubsequence("qualification.issued", "qualification.renewal_opened",
                "qualification.renewed", "qualification.expired");
        assertThat(before.ran()).isTrue();
    }

    /** The administrator's unread notifications about this qualification (the demo has others in the scope). */
    private static long unreadAbout(long accountId, String key, long qualificationId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.count(
                "accountId = ?1 AND msgKey = ?2 AND readAt IS NULL AND dedupKey LIKE ?3", accountId, key,
                "q" + qualificationId + ":%"));
    }

    private static long unread(long accountId, String key) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.count(
                "accountId = ?1 AND msgKey = ?2 AND readAt IS NULL", accountId, key));
    }
}
