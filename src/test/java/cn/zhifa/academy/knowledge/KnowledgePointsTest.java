package cn.zhifa.academy.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The taxonomy bean as the other features use it: loaded at start from courses/knowledge-points.yaml. */
@QuarkusTest
class KnowledgePointsTest {

    @Inject
    KnowledgePoints points;

    @Test
    void theTaxonomyIsLoadedAtStart() {
        assertThat(points.version()).isPositive();
        assertThat(points.all()).extracting(KnowledgePoint::code).contains("KP-LIAN", "KP-TINGZHENG", "KP-ZHUTI",
                "KP-GUIDANG", "KP-XINGXING", "KP-FUQUAN");
        assertThat(points.all().get(0).code()).as("file order").isEqualTo("KP-ZHUTI");
        assertThat(points.find("KP-TINGZHENG")).get().satisfies(p -> {
            assertThat(p.name()).isEqualTo("听证");
            assertThat(p.kind()).isEqualTo(KnowledgePoint.STAGE);
            assertThat(p.parent()).isEqualTo("KP-CHENGXU");
            assertThat(p.articles()).contains("行政处罚法第63条");
        });
        assertThat(points.exists("KP-LIAN")).isTrue();
        assertThat(points.exists("KP-NOPE")).isFalse();
        assertThat(points.find("KP-NOPE")).isEmpty();
        assertThat(points.lessonIdsFor("KP-NOPE")).isEmpty();
        assertThat(points.caseIdsFor("KP-NOPE")).isEmpty();
    }
}
