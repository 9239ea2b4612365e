package cn.zhifa.academy.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The coverage report (API and page): its figures agree with the tags stored for each knowledge
 * point, gaps follow academy.knowledge.min-questions, and only trainers and administrators see it.
 */
@QuarkusTest
class KnowledgeCoverageTest {

    @Inject
    KnowledgePoints points;

    @Inject
    KnowledgeConfig config;

    @Test
    void theReportAgreesWithTheStoredTags() {
        Api trainer = Api.as("trainer", "Demo@2026");
        JsonPath all = trainer.get().when().get("/api/v1/knowledge-points/coverage").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = all.getList("rows");
        assertThat(rows).hasSize(points.all().size());
        assertThat(all.getInt("minQuestions")).isEqualTo(config.minQuestions());
        int gaps = 0;
        for (Map<String, Object> r : rows) {
            String code = (String) r.get("code");
            int lessons = points.lessonIdsFor(code).size();
            int cases = points.caseIdsFor(code).size();
            int questions = points.questionIdsFor(code).size();
            assertThat(r.get("lessons")).as(code).isEqualTo(lessons);
            assertThat(r.get("cases")).as(code).isEqualTo(cases);
            assertThat(r.get("questions")).as(code).isEqualTo(questions);
            assertThat(r.get("noLesson")).as(code).isEqualTo(lessons == 0);
            assertThat(r.get("noCase")).as(code).isEqualTo(cases == 0);
            assertThat(r.get("fewQuestions")).as(code).isEqualTo(questions < config.minQuestions());
            if (lessons == 0 || cases == 0 || questions < config.minQuestions()) {
                gaps++;
            }
        }
        assertThat(all.getInt("gaps")).isEqualTo(gaps);
        // the repository's content is tagged: most points are taught and tested
        assertThat(rows.stream().filter(r -> (int) r.get("lessons") > 0).count()).isGreaterThan(rows.size() / 2);

        List<Map<String, Object>> gapRows = trainer.get().when().get("/api/v1/knowledge-points/coverage?gaps=true").then()
                .statusCode(200).extract().jsonPath().getList("rows");
        assertThat(gapRows).hasSize(gaps);

        trainer.get().when().get("/api/v1/knowledge-points/KP-XINGXING").then().statusCode(200)
                .body("point.name", org.hamcrest.Matchers.equalTo("行刑衔接"));
        trainer.get().when().get("/api/v1/knowledge-points/KP-NOPE").then().statusCode(404);
    }

    @Test
    void thePageListsThePointsForTrainersAndAdminsOnly() {
        Api.as("trainer", "Demo@2026").get().when().get("/knowledge/coverage").then().statusCode(200)
                .body(containsString("id=\"coverage-table\""), containsString("id=\"kp-KP-LIAN\""), containsString("立案"));
        Api.as("admin", "Demo@2026").get().when().get("/knowledge/coverage?gaps=true").then().statusCode(200)
                .body(containsString("id=\"coverage-summary\""));
        Api.as("learner", "Demo@2026").get().when().get("/api/v1/knowledge-points/coverage").then().statusCode(403);
    }
}
