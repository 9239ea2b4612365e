package cn.zhifa.academy.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.ExamDeliveryTestSupport;
import cn.zhifa.academy.exam.ExamFixtures;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** End to end: a legal reviewer passes a real 通用 qualification exam and holds 法制审核资格. */
@QuarkusTest
class ExamToQualificationTest {

    @Inject
    ExamFixtures exams;

    @Inject
    QualFixtures quals;

    @Test
    void passingTheExamThroughTheEngineIssuesTheQualification() {
        long personId = quals.person("沈清和", PersonCategory.LEGAL_REVIEWER, "SFS-LJ");
        quals.hours(personId, LocalDate.now().getYear(), 40);
        ExamFixtures.Candidate c = exams.candidate(personId);
        Api manager = exams.manager();
        long blueprint = exams.blueprint(manager, List.of(ExamFixtures.section("单选", 4, 5), ExamFixtures.section("判断", 2, 5)), 18);
        Map<String, Object> body = ExamFixtures.exam(blueprint, List.of(c), "AFTER_SUBMIT", 30, 1);
        long examId = manager.post().contentType("application/json").body(body).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        manager.post().when().post("/api/v1/exams/" + examId + "/publish").then().statusCode(200);
        assertThat(quals.of(personId)).isEmpty();

        long attempt = ExamDeliveryTestSupport.startAndAnswerAll(c, examId);
        c.api().post().when().post("/api/v1/attempts/" + attempt + "/submit").then().statusCode(200);

        List<Qualification> held = quals.of(personId);
        assertThat(held).singleElement().satisfies(q -> {
            assertThat(q.state).isEqualTo(QualificationState.VALID);
            String type = QuarkusTransaction.requiringNew().call(() -> QualificationType.<QualificationType> findById(q.typeId).code);
            assertThat(type).isEqualTo("FZSH");
        });
    }
}
