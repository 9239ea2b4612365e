package cn.zhifa.academy.curriculum;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Progress heartbeats, seeking, completion thresholds and the hours ledger. */
@QuarkusTest
class LearningTest {

    private static int nextPerson = 0;

    @Inject
    TestAccounts accounts;

    @Inject
    CourseImporter importer;

    String code;
    Api learner;
    long personId;
    List<Long> lessons;

    @BeforeEach
    void setUp() throws IOException {
        code = "L-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path root = CourseFolders.tempRoot();
        CourseFolders.course(root, code, "学习测试");
        importer.importFolder(root, "tester");
        int n = nextPerson++;
        personId = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find(
                "unitId = ?1 ORDER BY id", OrgUnit.findByCode("SFS-QS-SM").orElseThrow().id).page(n, 1).firstResult().id);
        Account a = accounts.create("learn", Roles.LEARNER, "SFS-QS-SM", null, personId);
        learner = Api.as(a.username, PASSWORD);
        lessons = learner.post().when().post("/api/v1/learning/courses/" + code + "/open").then().statusCode(200)
                .extract().jsonPath().getList("lessons.lessonId", Long.class);
    }

    Response beat(long lesson, double position, double duration) {
        return learner.post().contentType("application/json").body(Map.of("position", position, "duration", duration))
                .when().post("/api/v1/learning/lessons/" + lesson + "/heartbeat");
    }

    @Test
    void heartbeatsAdvanceTheFurthestPointAndSeekingAheadIsRefused() {
        long video = lessons.get(1);
        beat(video, 0, 53.3).then().statusCode(200);
        beat(video, 12, 53.3).then().statusCode(200);
        JsonPath p = beat(video, 24, 53.3).then().statusCode(200).extract().jsonPath();
        assertThat(p.getDouble("furthestSeconds")).isEqualTo(24.0);

        beat(video, 50, 53.3).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("不能跳过"));
        // going back is fine and does not lower the furthest point; the position is kept for resuming
        JsonPath back = beat(video, 6, 53.3).then().statusCode(200).extract().jsonPath();
        assertThat(back.getDouble("furthestSeconds")).isEqualTo(24.0);
        assertThat(back.getDouble("positionSeconds")).isEqualTo(6.0);
        JsonPath lesson = learner.get().when().get("/api/v1/learning/lessons/" + video).then().statusCode(200).extract()
                .jsonPath();
        assertThat(lesson.getDouble("positionSeconds")).as("resume where left").isEqualTo(6.0);
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    double heartbeats(String path) {
        var c = metrics.find(LearningService.HEARTBEATS).tag("path", path).counter();
        return c == null ? 0 : c.count();
    }

    /**
     * Issue 16: after the first beat, a heartbeat is one UPDATE (the fast path); the
     * furthest-point rule still refuses seeking ahead, and a refused beat changes nothing.
     */
    @Test
    void steadyHeartbeatsTakeTheOneStatementPathAndStillRefuseSkippingAhead() {
        long video = lessons.get(1);
        beat(video, 0, 53.3).then().statusCode(200); // first beat: creates the progress row (full path)
        double fast = heartbeats("fast");
        double full = heartbeats("full");
        beat(video, 10, 53.3).then().statusCode(200);
        JsonPath p = beat(video, 20, 53.3).then().statusCode(200).extract().jsonPath();
        assertThat(p.getDouble("furthestSeconds")).isEqualTo(20.0);
        assertThat(p.getBoolean("lessonCompleted")).isFalse();
        assertThat(heartbeats("fast") - fast).as("fast beats").isEqualTo(2.0);
        assertThat(heartbeats("full") - full).as("full beats").isZero();

        // skipping ahead: the statement matches no row, the full path refuses it with 409
        beat(video, 45, 53.3).then().statusCode(409).body("detail", containsString("不能跳过"));
        assertThat(heartbeats("full") - full).isEqualTo(1.0);
        JsonPath lesson = learner.get().when().get("/api/v1/learning/lessons/" + video).then().statusCode(200).extract()
                .jsonPath();
        assertThat(lesson.getDouble("furthestSeconds")).as("unchanged by the refused beat").isEqualTo(20.0);
        assertThat(lesson.getDouble("positionSeconds")).isEqualTo(20.0);
    }

    @Test
    void aVideoCompletesAtNinetyPercentWatched() {
        long video = lessons.get(1);
        for (double pos : new double[] { 0, 15, 30, 45 }) {
            assertThat(beat(video, pos, 53.3).then().statusCode(200).extract().jsonPath().getBoolean("lessonCompleted"))
                    .as("at " + pos).isFalse();
        }
        assertThat(beat(video, 48, 53.3).then().statusCode(200).extract().jsonPath().getBoolean("lessonCompleted"))
                .isTrue();
    }

    @Test
    void theCourseCompletesWhenEveryRequiredLessonIsDoneAndCreditsHoursOnce() {
        learner.post().when().post("/api/v1/learning/lessons/" + lessons.get(0) + "/read").then().statusCode(200);
        for (double pos : new double[] { 0, 15, 30, 45, 53.3 }) {
            beat(lessons.get(1), pos, 53.3).then().statusCode(200);
        }
        long check = lessons.get(2);
        // the check's keys are not sent before answering
        learner.get().when().get("/api/v1/learning/lessons/" + check).then().statusCode(200)
                .body(not(containsString("answer")), not(containsString("explanation")), containsString("不得少于几人"));
        JsonPath wrong = submit(check, Map.of(0, "A", 1, "A,B,C")).extract().jsonPath();
        assertThat(wrong.getBoolean("passed")).isFalse();
        assertThat(wrong.getBoolean("progress.courseCompleted")).isFalse();
        assertThat(hours()).isEqualByComparingTo("0");

        JsonPath right = submit(check, Map.of(0, "B", 1, "D,A,B")).extract().jsonPath();
        assertThat(right.getInt("score")).isEqualTo(100);
        assertThat(right.getBoolean("progress.courseCompleted")).isTrue();
        assertThat(right.getList("feedback.key", String.class)).containsExactly("B", "A,B,D");
        assertThat(hours()).isEqualByComparingTo("1.5");

        JsonPath me = learner.get().when().get("/api/v1/learning/me").then().statusCode(200).extract().jsonPath();
        assertThat(me.getDouble("hours")).isEqualTo(1.5);

        // doing the course again in the same year credits nothing more
        QuarkusTransaction.requiringNew().run(() -> Enrollment.delete("personId = ?1 AND courseId = ?2", personId,
                Course.byCode(code).orElseThrow().id));
        learner.post().when().post("/api/v1/learning/courses/" + code + "/open").then().statusCode(200);
        learner.post().when().post("/api/v1/learning/lessons/" + lessons.get(0) + "/read").then().statusCode(200);
        for (double pos : new double[] { 0, 15, 30, 45, 53.3 }) {
            beat(lessons.get(1), pos, 53.3).then().statusCode(200);
        }
        assertThat(submit(check, Map.of(0, "B", 1, "A,B,D")).extract().jsonPath().getBoolean("progress.courseCompleted"))
                .isTrue();
        assertThat(hours()).as("credited once per course per year").isEqualByComparingTo("1.5");
        assertThat(QuarkusTransaction.requiringNew().call(() -> HoursEntry.count("personId", personId))).isEqualTo(1);
    }

    @Test
    void readingLessonsCannotBeMarkedOnVideosOrChecks() {
        learner.post().when().post("/api/v1/learning/lessons/" + lessons.get(1) + "/read").then().statusCode(400);
        learner.post().when().post("/api/v1/learning/lessons/" + lessons.get(2) + "/read").then().statusCode(400);
    }

    @Test
    void prerequisitesMustBeDoneFirst() {
        learner.post().when().post("/api/v1/learning/courses/TY-RXZF/open").then().statusCode(409)
                .body("detail", containsString("先修课程"));
    }

    @Test
    void accountsWithoutAPersonCannotLearn() {
        Account a = accounts.create("nobody", Roles.LEARNER, null);
        Api api = Api.as(a.username, PASSWORD);
        api.post().when().post("/api/v1/learning/courses/" + code + "/open").then().statusCode(403);
    }

    private io.restassured.response.ValidatableResponse submit(long lesson, Map<Integer, String> answers) {
        return learner.post().contentType("application/json").body(Map.of("answers", answers)).when()
                .post("/api/v1/learning/lessons/" + lesson + "/check").then().statusCode(200);
    }

    private BigDecimal hours() {
        return QuarkusTransaction.requiringNew().call(() -> HoursEntry.total(personId, java.time.LocalDate.now().getYear()));
    }
}
