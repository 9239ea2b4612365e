package cn.zhifa.academy.review;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.paper.Papers;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.WeakPoints;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The blueprint section that draws "from this candidate's weak knowledge points": findings on
 * files a candidate handled make weak points; a weak-point section takes the candidate's weak
 * questions first and falls back to the general pool.
 */
@QuarkusTest
class WeakPointSectionTest {

    @Inject
    TestAccounts accounts;

    @Inject
    Papers papers;

    @Inject
    WeakPoints weakPoints;

    @Test
    void reviewFindingsAreTheHandlingOfficersWeakPoints() {
        ReviewCampaignTest t = new ReviewCampaignTest();
        t.accounts = accounts;
        ReviewCampaignTest.Scenario s = t.scenario();
        ReviewCampaignTest.scoreTwoFindings(s);
        Set<String> officer = QuarkusTransaction.requiringNew().call(() -> weakPoints.of(s.officer2().id));
        assertThat(officer).contains("KP-DIAOCHA", "KP-WENSHU");
        assertThat(QuarkusTransaction.requiringNew().call(() -> weakPoints.of(s.bystander().id))).isEmpty();
        // a withdrawn finding is no weak point any more
        Api district = Api.as(accounts.create("weak", Roles.ADMIN, "SFS-LJ").username, PASSWORD);
        long qz = district.get().when().get("/api/v1/review/files/" + s.file()).then().extract().jsonPath()
                .getLong("findings.find { it.knowledgePoint == 'KP-DIAOCHA' }.id");
        district.post().contentType("application/json").body(Map.of("reason", "有营业记录")).when()
                .post("/api/v1/review/findings/" + qz + "/contest").then().statusCode(200);
        s.city().post().contentType("application/json").body(Map.of("uphold", false, "note", "采纳")).when()
                .post("/api/v1/review/findings/" + qz + "/decision").then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> weakPoints.of(s.officer2().id)))
                .doesNotContain("KP-DIAOCHA").contains("KP-WENSHU");
    }

    @Test
    void aWeakPointSectionDrawsTheWeakQuestionsFirstAndFallsBackToThePool() {
        @SuppressWarnings("unchecked")
        List<Long> pool = QuarkusTransaction.requiringNew().call(() -> ((List<Number>) Account.getEntityManager()
                .createNativeQuery("SELECT v.id FROM question q JOIN question_version v ON v.id = q.current_version_id "
                        + "WHERE q.status = 'ACTIVE' AND v.type = 'TRUE_FALSE' AND v.tags NOT LIKE '%互斥组:%' ORDER BY v.id LIMIT 12")
                .getResultList()).stream().map(Number::longValue).toList());
        assertThat(pool).hasSizeGreaterThanOrEqualTo(8);
        Papers.Spec spec = new Papers.Spec(0, true, false, List.of(new Papers.SectionSpec(1, QuestionType.TRUE_FALSE, 3,
                BigDecimal.ONE, null, pool, true)));
        Set<Long> weak = Set.of(pool.get(2), pool.get(5));
        Set<Long> seenOthers = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            long sd = seed;
            List<Long> drawn = QuarkusTransaction.requiringNew().call(() -> papers.draw(spec, new Random(sd), weak)).stream()
                    .map(Papers.Drawn::versionId).toList();
            assertThat(drawn).hasSize(3).containsAll(weak);
            seenOthers.addAll(drawn.stream().filter(v -> !weak.contains(v)).toList());
        }
        // the third question is filled from the rest of the pool, at random
        assertThat(seenOthers.size()).isGreaterThan(1);
        // nobody weak: the general pool
        List<Long> general = QuarkusTransaction.requiringNew().call(() -> papers.draw(spec, new Random(3), Set.of())).stream()
                .map(Papers.Drawn::versionId).toList();
        assertThat(general).hasSize(3).allMatch(pool::contains);
        // a normal section ignores weak points
        Papers.Spec plain = new Papers.Spec(0, true, false, List.of(new Papers.SectionSpec(1, QuestionType.TRUE_FALSE, 2,
                BigDecimal.ONE, null, pool, false)));
        boolean everMissed = false;
        for (int seed = 0; seed < 20 && !everMissed; seed++) {
            long sd = seed;
            List<Long> drawn = QuarkusTransaction.requiringNew().call(() -> papers.draw(plain, new Random(sd), weak)).stream()
                    .map(Papers.Drawn::versionId).toList();
            everMissed = !drawn.containsAll(weak);
        }
        assertThat(everMissed).isTrue();
    }

    @Test
    void aBlueprintSectionCanBeMarkedWeakPoints() {
        Api city = Api.as(accounts.create("bp", Roles.ADMIN, "SFS").username, PASSWORD);
        Map<String, Object> section = new HashMap<>();
        section.put("type", "判断");
        section.put("count", 3);
        section.put("points", 2);
        section.put("weakPoints", true);
        Map<String, Object> b = new HashMap<>();
        b.put("name", "薄弱知识点组卷");
        b.put("passMark", 3);
        b.put("sections", List.of(section));
        long id = city.post().contentType("application/json").body(b).when().post("/api/v1/blueprints").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        city.get().when().get("/api/v1/blueprints/" + id).then().statusCode(200).body("sections[0].weakPoints", equalTo(true));
    }
}
