package cn.zhifa.academy.curriculum;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.EnforcementDomain;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Trainers write, preview, reorder and publish courses in the browser. */
@QuarkusTest
class AuthoringTest {

    @Inject
    TestAccounts accounts;

    @Test
    void aTrainerWritesPreviewsReordersAndPublishesACourse() {
        Account t = accounts.create("author", Roles.TRAINER, "SFS");
        Api trainer = Api.as(t.username, PASSWORD);
        String code = "W-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long domain = QuarkusTransaction.requiringNew().call(() -> EnforcementDomain.byName("通用").orElseThrow().id);
        trainer.post().redirects().follow(false).formParam("code", code).formParam("title", "网页编写的课程")
                .formParam("domainId", domain).formParam("hours", "1").when().post("/authoring/courses").then()
                .statusCode(303);

        String evil = "## 要点\n<script>alert('x')</script>\n<img src=x onerror=alert(1)>\n执法人员不得少于两人。";
        trainer.post().formParam("title", "第一课").formParam("type", "ARTICLE").formParam("durationMinutes", 5)
                .formParam("required", true).formParam("bodyMd", evil).formParam("action", "preview").when()
                .post("/authoring/courses/" + code + "/lessons").then().statusCode(200)
                .body(containsString("<h2>要点</h2>"), not(containsString("<script>")), not(containsString("<img")));

        trainer.post().redirects().follow(false).formParam("title", "第一课").formParam("type", "ARTICLE")
                .formParam("durationMinutes", 5).formParam("required", true).formParam("bodyMd", evil)
                .formParam("action", "save").when().post("/authoring/courses/" + code + "/lessons").then().statusCode(303);
        trainer.post().redirects().follow(false).formParam("title", "第二课 小测").formParam("type", "CHECK")
                .formParam("durationMinutes", 3).formParam("required", true)
                .formParam("checkYaml", "- type: judge\n  stem: 罚金属于行政处罚。\n  answer: false\n  explanation: 罚金是刑罚。\n")
                .formParam("passScore", 100).formParam("action", "save").when()
                .post("/authoring/courses/" + code + "/lessons").then().statusCode(303);
        // a malformed check is refused with the reason, nothing saved
        trainer.post().formParam("title", "坏小测").formParam("type", "CHECK").formParam("durationMinutes", 3)
                .formParam("checkYaml", "- type: single\n  stem: 缺选项\n  answer: Z\n").formParam("action", "save").when()
                .post("/authoring/courses/" + code + "/lessons").then().statusCode(400).body(containsString("不一致"));

        List<Lesson> lessons = lessons(code);
        assertThat(lessons).extracting(l -> l.title).containsExactly("第一课", "第二课 小测");
        trainer.post().redirects().follow(false).formParam("direction", "up").when()
                .post("/authoring/courses/" + code + "/lessons/" + lessons.get(1).id + "/move").then().statusCode(303);
        assertThat(lessons(code)).extracting(l -> l.title).containsExactly("第二课 小测", "第一课");

        trainer.post().when().post("/authoring/courses/" + code + "/publish").then().statusCode(200)
                .body(containsString("已发布第 1 版"));
        Course c = QuarkusTransaction.requiringNew().call(() -> Course.byCode(code).orElseThrow());
        assertThat(c.status).isEqualTo(Course.Status.PUBLISHED);

        // editing a published course starts a new draft; learners keep seeing version 1 until it is published
        trainer.post().redirects().follow(false).formParam("title", "网页编写的课程（修订）").formParam("summary", "")
                .formParam("domainId", domain).formParam("grades", "SERVING").formParam("levels", "TOWN")
                .formParam("hours", "2").when().post("/authoring/courses/" + code).then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            Course now = Course.byCode(code).orElseThrow();
            assertThat(now.publishedVersionId).isEqualTo(c.publishedVersionId);
            assertThat(CourseVersion.latest(now.id).orElseThrow().number).isEqualTo(2);
        });
    }

    @Test
    void theImportButtonImportsTheCourseFolder() {
        Account t = accounts.create("importer", Roles.TRAINER, "SFS");
        Api.as(t.username, PASSWORD).post().when().post("/authoring/courses/import").then().statusCode(200)
                .body(containsString("导入完成"), containsString("无变化"));
    }

    @Test
    void learnersCannotAuthor() {
        Account l = accounts.create("not-author", Roles.LEARNER, null);
        Api.as(l.username, PASSWORD).get().when().get("/authoring/courses").then().statusCode(403);
    }

    private static List<Lesson> lessons(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Lesson.ofVersion(
                CourseVersion.latest(Course.byCode(code).orElseThrow().id).orElseThrow().id));
    }
}
