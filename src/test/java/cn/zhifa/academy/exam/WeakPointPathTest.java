package cn.zhifa.academy.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import cn.zhifa.academy.exam.bank.QuestionVersion;

/**
 * Issue 14 item 4, the wrong-answer half of the weak-point path, end to end through the real
 * exam API: a candidate answers a question of a knowledge point wrongly in a graded exam; that
 * knowledge point becomes one of their weak points; in the next exam, a section marked
 * "优先抽取考生薄弱知识点" gives them questions of their weak points first (the review-finding
 * half is {@code review.WeakPointSectionTest}; findings → 评查整改学习 is {@code ReviewFollowUpTest}).
 */
@QuarkusTest
class WeakPointPathTest {

    static final String KP = "知识点:";

    @Inject
    ExamFixtures fixtures;

    @Inject
    WeakPoints weakPoints;

    /** The knowledge-point tag with the most active 判断 questions outside exclusion groups (at least 3). */
    static String richestPoint() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) QuestionVersion.getEntityManager().createNativeQuery("SELECT t, count(*) FROM question q "
                    + "JOIN question_version v ON v.id = q.current_version_id, unnest(string_to_array(v.tags, ',')) t "
                    + "WHERE q.status = 'ACTIVE' AND v.type = 'TRUE_FALSE' AND t LIKE '知识点:%' AND v.tags NOT LIKE '%互斥组:%' "
                    + "GROUP BY t ORDER BY count(*) DESC, t LIMIT 1").getSingleResult();
            assertThat(((Number) r[1]).intValue()).as("判断 questions of %s", r[0]).isGreaterThanOrEqualTo(3);
            return ((String) r[0]).trim();
        });
    }

    static Set<String> pointsOf(long versionId) {
        String tags = QuarkusTransaction.requiringNew().call(() -> QuestionVersion.<QuestionVersion> findById(versionId).tags);
        return Arrays.stream(tags.split(",")).map(String::trim).filter(t -> t.startsWith(KP))
                .map(t -> t.substring(KP.length())).collect(Collectors.toSet());
    }

    static List<Long> paper(long attemptId) {
        return QuarkusTransaction.requiringNew().call(() -> AttemptItem.<AttemptItem> list("attemptId = ?1 ORDER BY position",
                attemptId).stream().map(i -> i.questionVersionId).toList());
    }

    long publish(ExamFixtures.Candidate c, Map<String, Object> section, double passMark) {
        var manager = fixtures.manager();
        long blueprint = fixtures.blueprint(manager, List.of(section), passMark);
        Map<String, Object> body = ExamFixtures.exam(blueprint, List.of(c), "AFTER_SUBMIT", 30, 1);
        body.put("purpose", "ANNUAL");
        long id = manager.post().contentType("application/json").body(body).when().post("/api/v1/exams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        manager.post().when().post("/api/v1/exams/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void aWrongAnswerMakesAWeakPointAndTheNextPaperDrawsFromItFirst() {
        String tag = richestPoint();
        ExamFixtures.Candidate c = fixtures.candidates(1).get(0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> weakPoints.of(c.person().id))).as("a fresh officer").isEmpty();

        // exam 1: one 判断 question of the knowledge point, answered wrongly and graded
        Map<String, Object> one = ExamFixtures.section("判断", 1, 1);
        one.put("tags", tag);
        long first = publish(c, one, 1);
        long a1 = ExamDeliveryTest.start(c, first, "w").getLong("attemptId");
        List<String> right = ExamDeliveryTest.correct(a1, 1);
        List<String> wrong = right.equals(List.of("1")) ? List.of("0") : List.of("1");
        ExamDeliveryTest.save(c, a1, 1, 1, wrong, "w").then().statusCode(200);
        c.api().post().when().post("/api/v1/attempts/" + a1 + "/submit").then().statusCode(200);
        long missed = paper(a1).get(0);
        Set<String> missedPoints = pointsOf(missed);
        assertThat(missedPoints).contains(tag.substring(KP.length()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> AttemptItem.<AttemptItem> find("attemptId", a1).firstResult().score))
                .isEqualByComparingTo("0");

        // the wrong answer's knowledge points are now the candidate's weak points
        Set<String> weak = QuarkusTransaction.requiringNew().call(() -> weakPoints.of(c.person().id));
        assertThat(weak).containsAll(missedPoints);

        // exam 2: a weak-point section over the whole 判断 pool gives questions of those points first
        Map<String, Object> targeted = ExamFixtures.section("判断", 3, 1);
        targeted.put("weakPoints", true);
        long second = publish(c, targeted, 1);
        long a2 = ExamDeliveryTest.start(c, second, "w").getLong("attemptId");
        List<Long> drawn = paper(a2);
        assertThat(drawn).hasSize(3);
        for (long v : drawn) {
            assertThat(pointsOf(v)).as("question version %d tests a weak point", v).containsAnyElementsOf(weak);
        }
    }
}
