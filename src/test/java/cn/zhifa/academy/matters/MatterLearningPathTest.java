package cn.zhifa.academy.matters;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.ScopeData;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** 我的学习 shows a town officer the published courses of the high-frequency matters of their own town. */
@QuarkusTest
class MatterLearningPathTest {

    private static final Pattern PATH = Pattern.compile("<section class=\"card plan\" id=\"matter-path\">(.*?)</section>",
            Pattern.DOTALL);
    private static final Pattern COURSE = Pattern.compile("class=\"course-row\" data-code=\"([^\"]+)\"");

    @Inject
    TestAccounts accounts;

    @Inject
    EntityManager em;

    @Inject
    cn.zhifa.academy.knowledge.KnowledgePoints knowledge;

    Api cityAdmin;

    @BeforeEach
    void setUp() {
        cityAdmin = Api.as(accounts.create("mpath", Roles.ADMIN, "SFS").username, PASSWORD);
    }

    void matter(boolean high, String town, String courses) {
        String code = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> form = Map.of("code", code, "name", "学习路径测试事项" + code, "domain", "综合行政执法",
                "legalBasis", "依据以地方目录为准", "highFrequency", high, "townCodes", List.of(town), "effectiveOn",
                "2025-01-01", "courses", courses);
        cityAdmin.post().contentType("application/json").body(form).when().post("/api/v1/matters").then().statusCode(201);
    }

    Api learnerIn(String town) {
        Person p = ScopeData.person(town, "路径");
        Account a = accounts.create("mpathl", Roles.LEARNER, town, null, p.id);
        return Api.as(a.username, PASSWORD);
    }

    /** Published courses directly linked to the high-frequency matters of the town, by SQL of the test's own. */
    @SuppressWarnings("unchecked")
    Set<String> expected(String town) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> out = new HashSet<>();
            List<Object[]> lists = em.createNativeQuery("SELECT m.course_codes, m.knowledge_points FROM delegated_matter m "
                    + "JOIN delegated_matter_town t ON t.matter_id = m.id JOIN org_unit u ON u.id = t.unit_id "
                    + "WHERE u.code = ?1 AND m.high_frequency").setParameter(1, town).getResultList();
            for (Object[] l : lists) {
                for (String kp : ((String) l[1]).split(",")) { // courses reached through the tags
                    if (!kp.isBlank()) {
                        for (Long id : knowledge.courseIdsFor(kp.trim())) {
                            em.createNativeQuery("SELECT code FROM course WHERE id = ?1 AND status = 'PUBLISHED'")
                                    .setParameter(1, id).getResultList().forEach(c -> out.add((String) c));
                        }
                    }
                }
                for (String c : ((String) l[0]).split(",")) {
                    if (!c.isBlank() && ((Number) em.createNativeQuery("SELECT count(*) FROM course WHERE code = ?1 "
                            + "AND status = 'PUBLISHED'").setParameter(1, c.trim()).getSingleResult()).intValue() > 0) {
                        out.add(c.trim());
                    }
                }
            }
            return out;
        });
    }

    static Set<String> shown(String page) {
        Matcher m = PATH.matcher(page);
        if (!m.find()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        Matcher c = COURSE.matcher(m.group(1));
        while (c.find()) {
            out.add(c.group(1));
        }
        return out;
    }

    @Test
    void theOfficerSeesTheCoursesOfTheirTownsHighFrequencyMattersOnly() {
        matter(true, "SFS-QS-SM", "TY-SXZD");
        matter(false, "SFS-QS-SM", "TY-XXXJ");
        Api sm = learnerIn("SFS-QS-SM");
        String page = sm.get().when().get("/learn").then().statusCode(200).extract().asString();
        Set<String> shown = shown(page);
        assertThat(shown).contains("TY-SXZD").isEqualTo(expected("SFS-QS-SM"));
        if (!expected("SFS-QS-SM").contains("TY-XXXJ")) {
            assertThat(shown).doesNotContain("TY-XXXJ");
        }
        assertThat(page).contains("matter-path-progress");

        // an officer of another town does not see 石门街道's matter
        Api qs = learnerIn("SFS-QS-QS");
        Set<String> other = shown(qs.get().when().get("/learn").then().statusCode(200).extract().asString());
        assertThat(other).isEqualTo(expected("SFS-QS-QS"));
        if (!expected("SFS-QS-QS").contains("TY-SXZD")) {
            assertThat(other).doesNotContain("TY-SXZD");
        }
    }

    @Test
    void aPersonOutsideTheTownsHasNoPath() {
        Person p = ScopeData.person("SFS-LJ", "区级");
        Api district = Api.as(accounts.create("mpathx", Roles.LEARNER, "SFS-LJ", null, p.id).username, PASSWORD);
        String page = district.get().when().get("/learn").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("id=\"matter-path\"");
    }
}
