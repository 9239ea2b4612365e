package cn.zhifa.academy.curriculum;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

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

/** A case lesson embeds the published typical case; the case page lists the lesson. */
@QuarkusTest
class CaseLessonTest {

    @Inject
    TestAccounts accounts;

    @Inject
    CourseImporter importer;

    @Test
    void aCaseLessonEmbedsThePublishedCaseAndTheCaseShowsTheLesson() throws IOException {
        String code = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path root = CourseFolders.tempRoot();
        Path dir = Files.createDirectories(root.resolve(code));
        Files.writeString(dir.resolve("course.yaml"), "code: " + code + "\ntitle: 案例微课 " + code + "\ncategory: 市场监管\n"
                + "grades: [在岗]\nlevels: [镇街]\nhours: 0.5\nlessons: [01-case.md]\n");
        Files.writeString(dir.resolve("01-case.md"), "---\ntitle: 读案例：过期食品首违不罚\ntype: case\nduration: 5\n"
                + "required: true\ncase: SJ-2025-001\n---\n想一想：为什么可以不罚？\n");
        importer.importFolder(root, "tester");

        long personId = QuarkusTransaction.requiringNew().call(() -> Person.<Person> find("unitId = ?1 AND id NOT IN (SELECT a.personId FROM Account a WHERE a.personId IS NOT NULL) "
                + "ORDER BY id DESC",
                OrgUnit.findByCode("SFS-QS-QS").orElseThrow().id).firstResult().id);
        Account a = accounts.create("case-learner", Roles.LEARNER, "SFS-QS-QS", null, personId);
        Api learner = Api.as(a.username, PASSWORD);
        long lesson = learner.post().when().post("/api/v1/learning/courses/" + code + "/open").then().statusCode(200)
                .extract().jsonPath().getLong("lessons[0].lessonId");
        JsonPath view = learner.get().when().get("/api/v1/learning/lessons/" + lesson).then().statusCode(200).extract()
                .jsonPath();
        assertThat(view.getString("embeddedCase.code")).isEqualTo("SJ-2025-001");
        assertThat(view.getList("embeddedCase.sections.heading")).contains("基本案情", "典型意义");
        learner.get().when().get("/learn/lessons/" + lesson).then().statusCode(200)
                .body(containsString("id=\"embedded-case\""), containsString("基本案情"));

        learner.get().when().get("/cases/SJ-2025-001").then().statusCode(200)
                .body(containsString("案例微课 " + code), containsString("/learn/lessons/" + lesson));
    }
}
