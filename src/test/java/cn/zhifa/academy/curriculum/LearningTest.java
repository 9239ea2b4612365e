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
import cn.zhifa.academy.support.StatementProbe;
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

    @Inject
    cn.zhifa.academy.platform.security.IdentityCache identities;

    String code;
    String username;
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
        username = a.username;
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

    /**
     * Issue 16: a steady heartbeat sends no JDBC statement at all for the whole request —
     * identity, lesson, progress and hours total included: its one UPDATE goes out from the event
     * loop on the event-loop pool (Heartbeats#beatAsync, batched with concurrent beats) — and a
     * refused seek still changes nothing.
     */
    @Test
    void aSteadyHeartbeatIsOneEventLoopStatementForTheWholeRequest() {
        long video = lessons.get(1);
        beat(video, 0, 53.3).then().statusCode(200); // first beat: creates the progress row
        beat(video, 10, 53.3).then().statusCode(200); // the lesson is cached on this node now
        double fast = heartbeats("fast");
        String probe = StatementProbe.start();
        JsonPath p = StatementProbe.on(learner.post(), probe).contentType("application/json")
                .body(Map.of("position", 20, "duration", 53.3)).when()
                .post("/api/v1/learning/lessons/" + video + "/heartbeat").then().statusCode(200).extract().jsonPath();
        assertThat(p.getDouble("furthestSeconds")).isEqualTo(20.0);
        assertThat(p.getDouble("positionSeconds")).isEqualTo(20.0);
        assertThat(p.getBoolean("lessonCompleted")).isFalse();
        assertThat(new BigDecimal(p.getString("hoursThisYear"))).isEqualByComparingTo(hours());
        assertThat(StatementProbe.statements(probe)).as("JDBC statements of one steady heartbeat").isEmpty();
        assertThat(heartbeats("fast") - fast).as("the beat took the one-statement path").isEqualTo(1.0);

        // the probe sees the identity's reads: with the account dropped from the cache, the same
        // beat reads the account row once (on a worker thread), and still sends its UPDATE from the event loop
        var request = learner.post(); // (fetches a CSRF token first)
        identities.invalidate(username);
        String cold = StatementProbe.start();
        StatementProbe.on(request, cold).contentType("application/json")
                .body(Map.of("position", 25, "duration", 53.3)).when()
                .post("/api/v1/learning/lessons/" + video + "/heartbeat").then().statusCode(200);
        assertThat(StatementProbe.statements(cold)).hasSize(1).first().asString().contains("FROM account");
        assertThat(heartbeats("fast") - fast).isEqualTo(2.0);

        // seeking ahead: refused (full path), the stored progress unchanged
        String refused = StatementProbe.start();
        StatementProbe.on(learner.post(), refused).contentType("application/json")
                .body(Map.of("position", 52, "duration", 53.3)).when()
                .post("/api/v1/learning/lessons/" + video + "/heartbeat").then().statusCode(409);
        assertThat(StatementProbe.statements(refused)).as("the refusal took the full path").hasSizeGreaterThan(1);
        LessonProgress stored = QuarkusTransaction.requiringNew().call(() -> LessonProgress.<LessonProgress> find(
                "enrollmentId = (SELECT e.id FROM Enrollment e WHERE e.personId = ?1 AND e.courseId = ?2) AND lessonKey = ?3",
                personId, Course.byCode(code).orElseThrow().id, "02-video").firstResult());
        assertThat(stored.furthestSeconds).isEqualByComparingTo("25.0");
        assertThat(stored.positionSeconds).isEqualByComparingTo("25.0");
    }

    /**
     * Issue 16: 我的学习 reads three statements whatever the number of plans and courses (once
     * the published versions are cached on the node), and still shows plans by due date, courses
     * in prerequisite order, the lock of a course whose prerequisite is not done, the reason of a
     * named assignment, other enrolled courses and the hours.
     */
    @Test
    void myLearningIsThreeStatementsWhateverThePlansAndCourses() throws IOException {
        String after = code + "-B";
        String other = code + "-C";
        Path root = CourseFolders.tempRoot();
        CourseFolders.course(root, code, "学习测试");
        Path b = CourseFolders.course(root, after, "进阶");
        java.nio.file.Files.writeString(b.resolve("course.yaml"), java.nio.file.Files.readString(b.resolve("course.yaml"))
                .replace("hours: 1.5", "hours: 2\nprerequisites: [" + code + "]"));
        CourseFolders.course(root, other, "其他");
        importer.importFolder(root, "tester");
        learner.post().when().post("/api/v1/learning/courses/" + other + "/open").then().statusCode(200);

        long first = plan("先学计划", 20, 1, null, code, after);
        String probe = StatementProbe.start();
        JsonPath me = me(probe);
        List<String> statements = StatementProbe.statements(probe);
        assertThat(me.getList("plans.title", String.class)).startsWith("先学计划"); // then the demo's plans
        if (statements.size() == 4) {
            // the first sight of a published version on this node reads it (and its lessons) once
            assertThat(statements.get(3)).startsWith("SELECT v.id").contains("FROM course_version v");
            probe = StatementProbe.start();
            me(probe);
            statements = StatementProbe.statements(probe);
        }
        assertThat(statements).as("one more plan, two courses").hasSize(3);

        long second = plan("后学计划", 10, 2, "评查整改", after);
        probe = StatementProbe.start();
        me = me(probe);
        statements = StatementProbe.statements(probe);
        assertThat(statements).as("one plan more: the same three").hasSize(3)
                .allSatisfy(sql -> assertThat(sql).doesNotStartWith("UPDATE").doesNotStartWith("INSERT")
                        .doesNotContain("FROM course_version"));
        assertThat(statements.get(1)).startsWith("WITH RECURSIVE");
        assertThat(me.getList("plans.planId", Long.class)).as("by due date").startsWith(first, second);
        assertThat(me.getList("plans[0].courses.code", String.class)).as("prerequisite first").containsExactly(code, after);
        assertThat(me.getList("plans[0].courses[0].missing")).as("started: not locked").isEmpty();
        assertThat(me.getInt("plans[0].courses[0].requiredTotal")).isEqualTo(3);
        assertThat(me.getList("plans[0].courses[1].missing.code", String.class)).containsExactly(code);
        assertThat(me.getList("plans[0].courses[1].missing.title", String.class)).containsExactly("测试课程 " + code);
        assertThat(me.getString("plans[1].reason")).isEqualTo("评查整改");
        assertThat(me.getString("plans[0].reason")).isNull();
        assertThat(me.getList("otherCourses.code", String.class)).containsExactly(other);
        assertThat(me.getDouble("target")).as("the larger of the plan and the configured target").isGreaterThanOrEqualTo(20.0);

        // the whole page (the learner is an officer of 石门街道, which holds high-frequency matters
        // with knowledge points): the generic-plan setting first, 我的学习's three, the bell's count,
        // the 高频事项 path's two (person, town, matters and named courses; the courses of all its
        // knowledge points) and the COMMIT, whatever the number of matters and knowledge points; the
        // enrolments read once
        assertThat(knowledgePointsOfTheTown()).as("the town's matters carry knowledge points").isPositive();
        learner.get().when().get("/learn").then().statusCode(200); // versions of the path's courses seen
        String page = StatementProbe.start();
        learner.get().header(StatementProbe.HEADER, page).when().get("/learn").then().statusCode(200)
                .body(containsString("plan-reason"), containsString("matter-path"));
        List<String> all = StatementProbe.statements(page);
        assertThat(all).as("the page's statements").hasSize(8)
                .noneMatch(sql -> sql.toLowerCase().contains(".account ") || sql.contains("FROM account"));
        assertThat(all.get(0)).as("PostgreSQL plans the page's prepared statements once per connection")
                .isEqualTo("SET LOCAL plan_cache_mode = force_generic_plan");
        assertThat(all.stream().filter(sql -> sql.contains("FROM enrollment"))).as("enrolments read once").hasSize(1);
        assertThat(all.stream().filter(sql -> sql.contains("knowledge_tag"))).as("knowledge points read at once").hasSize(1);

        // progress shows: the article read, then the lock goes once the first course is completed
        learner.post().when().post("/api/v1/learning/lessons/" + lessons.get(0) + "/read").then().statusCode(200);
        me = me(null);
        assertThat(me.getInt("plans[0].courses[0].requiredDone")).isEqualTo(1);
        assertThat(me.getBoolean("plans[0].courses[0].lessons[0].completed")).isTrue();
    }

    /** Distinct knowledge points of 石门街道's high-frequency matters (the path reads the courses of each once). */
    private int knowledgePointsOfTheTown() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> lists = Course.getEntityManager().createNativeQuery("SELECT m.knowledge_points "
                    + "FROM delegated_matter m JOIN delegated_matter_town t ON t.matter_id = m.id "
                    + "JOIN org_unit u ON u.id = t.unit_id WHERE u.code = 'SFS-QS-SM' AND m.high_frequency").getResultList();
            return (int) lists.stream().flatMap(l -> java.util.Arrays.stream(l.split(","))).map(String::trim)
                    .filter(kp -> !kp.isEmpty()).distinct().count();
        });
    }

    private JsonPath me(String probe) {
        var request = learner.get();
        if (probe != null) {
            StatementProbe.on(request, probe);
        }
        return request.when().get("/api/v1/learning/me").then().statusCode(200).extract().jsonPath();
    }

    /** An active plan of this year assigned to the learner by name, with the courses given. */
    private long plan(String title, int hours, int dueMonth, String reason, String... codes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingPlan p = new TrainingPlan();
            p.year = java.time.LocalDate.now().getYear();
            p.title = title;
            p.owningUnitId = OrgUnit.findByCode("SFS-QS-SM").orElseThrow().id;
            p.requiredHours = BigDecimal.valueOf(hours);
            p.dueDate = java.time.LocalDate.of(p.year, dueMonth, 28);
            p.namedOnly = true;
            p.createdBy = "tester";
            for (String c : codes) {
                p.courses.add(Course.byCode(c).orElseThrow());
            }
            p.persist();
            PlanAssignment a = new PlanAssignment();
            a.planId = p.id;
            a.personId = personId;
            a.pinnedReason = reason == null ? null : reason;
            a.persist();
            return p.id;
        });
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
