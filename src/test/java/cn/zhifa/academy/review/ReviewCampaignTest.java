package cn.zhifa.academy.review;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** 案卷评查: sampling, weighted scoring and bands, contests, scope. */
@QuarkusTest
class ReviewCampaignTest {

    @Inject
    TestAccounts accounts;

    Api admin(String unit) {
        Account a = accounts.create("review", Roles.ADMIN, unit);
        return Api.as(a.username, PASSWORD);
    }

    Api reviewer(Person p, String unit) {
        Account a = accounts.create("reviewer", Roles.LEARNER, unit, null, p.id);
        return Api.as(a.username, PASSWORD);
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void samplingIsRepeatableAndNobodyReviewsTheirOwnUnit() {
        Api city = admin("SFS");
        Person rJb = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.LEGAL_REVIEWER);
        Person rQs = ReviewFixtures.person("SFS-QS-QS", PersonCategory.LEGAL_REVIEWER);
        Person oJb = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        Person oQs = ReviewFixtures.person("SFS-QS-QS", PersonCategory.OFFICER);
        String t = tag();
        List<Long> sampledIds = new ArrayList<>();
        List<List<String>> draws = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            long c = ReviewFixtures.create(city, ReviewFixtures.campaign("抽样测试 " + t + round, "SFS",
                    List.of("SFS-LJ-JB", "SFS-QS-QS"), List.of(rJb.employeeNo, rQs.employeeNo), 3));
            ReviewFixtures.files(city, c, "SFS-LJ-JB", "JB" + t, 6, List.of(oJb.employeeNo));
            ReviewFixtures.files(city, c, "SFS-QS-QS", "QS" + t, 5, List.of(oQs.employeeNo));
            JsonPath j = city.post().contentType("application/json").body(Map.of("seed", 20260412L)).when()
                    .post("/api/v1/review/campaigns/" + c + "/sample").then().statusCode(200)
                    .body("status", equalTo("REVIEWING")).body("sampleSeed", equalTo(20260412)).extract().jsonPath();
            List<Map<String, Object>> files = j.getList("files");
            List<String> drawn = new ArrayList<>();
            int jb = 0;
            int qs = 0;
            for (Map<String, Object> f : files) {
                if (f.get("sampleOrder") == null) {
                    continue;
                }
                String no = (String) f.get("caseNo");
                drawn.add(f.get("sampleOrder") + ":" + no + ":" + f.get("reviewer"));
                sampledIds.add(((Number) f.get("id")).longValue());
                // nobody reviews their own unit: JB files go to the QS reviewer and vice versa
                if (no.startsWith("JB")) {
                    jb++;
                    assertThat(f.get("reviewer")).isEqualTo(rQs.name);
                } else {
                    qs++;
                    assertThat(f.get("reviewer")).isEqualTo(rJb.name);
                }
            }
            assertThat(jb).isEqualTo(3);
            assertThat(qs).isEqualTo(3);
            city.get().when().get("/api/v1/review/campaigns/" + c + "/sample/verify").then().statusCode(200)
                    .body("repeatable", equalTo(true));
            // a second draw is refused
            city.post().contentType("application/json").body(Map.of("seed", 1)).when()
                    .post("/api/v1/review/campaigns/" + c + "/sample").then().statusCode(409);
            draws.add(drawn);
        }
        // the same files and the same seed give the same sample, in the same order, to the same reviewers
        assertThat(draws.get(1)).isEqualTo(draws.get(0));
        // a different seed gives a (recorded) different draw over 6 files choose 3
        assertThat(Sampling.draw(List.of(new Sampling.File(1, 1, "A"), new Sampling.File(2, 1, "B"),
                new Sampling.File(3, 1, "C"), new Sampling.File(4, 1, "D")), Map.of(1L, "/1/2/"),
                List.of(new Sampling.Reviewer(9, "/1/3/")), 2, 7L)).isEqualTo(Sampling.draw(List.of(
                        new Sampling.File(4, 1, "D"), new Sampling.File(3, 1, "C"), new Sampling.File(2, 1, "B"),
                        new Sampling.File(1, 1, "A")), Map.of(1L, "/1/2/"), List.of(new Sampling.Reviewer(9, "/1/3/")), 2, 7L));
    }

    @Test
    void aUnitWithOnlyItsOwnReviewersCannotBeSampled() {
        Api city = admin("SFS");
        Person rJb = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.LEGAL_REVIEWER);
        Person oJb = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        long c = ReviewFixtures.create(city, ReviewFixtures.campaign("自评测试 " + tag(), "SFS", List.of("SFS-LJ-JB"),
                List.of(rJb.employeeNo), 1));
        ReviewFixtures.files(city, c, "SFS-LJ-JB", "OWN" + tag(), 2, List.of(oJb.employeeNo));
        city.post().contentType("application/json").body(Map.of()).when().post("/api/v1/review/campaigns/" + c + "/sample")
                .then().statusCode(422);
        // an officer is not a reviewer
        Map<String, Object> body = ReviewFixtures.campaign("非法制审核 " + tag(), "SFS", List.of("SFS-LJ-JB"),
                List.of(oJb.employeeNo), 1);
        city.post().contentType("application/json").body(body).when().post("/api/v1/review/campaigns").then()
                .statusCode(400).body("errors[0].field", equalTo("reviewers"));
    }

    /** A sampled campaign of one 江滨 file reviewed by a 青山 reviewer; returns campaign, file and the reviewer's Api. */
    record Scenario(long campaign, long file, Api reviewer, Api city, Person officer1, Person officer2, Person bystander) {
    }

    Scenario scenario() {
        Api city = admin("SFS");
        Person rQs = ReviewFixtures.person("SFS-QS-QS", PersonCategory.LEGAL_REVIEWER);
        Person o1 = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        Person o2 = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        Person other = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        long c = ReviewFixtures.create(city, ReviewFixtures.campaign("评分测试 " + tag(), "SFS", List.of("SFS-LJ-JB"),
                List.of(rQs.employeeNo), 1));
        long file = ReviewFixtures.files(city, c, "SFS-LJ-JB", "SC" + tag(), 1, List.of(o1.employeeNo, o2.employeeNo)).get(0);
        city.post().contentType("application/json").body(Map.of("seed", 5)).when()
                .post("/api/v1/review/campaigns/" + c + "/sample").then().statusCode(200);
        return new Scenario(c, file, reviewer(rQs, "SFS-QS-QS"), city, o1, o2, other);
    }

    /** Item id and deduction ids by code, from the file view. */
    static Map<String, Long> ids(JsonPath file) {
        Map<String, Long> out = new HashMap<>();
        List<Map<String, Object>> items = file.getList("items");
        for (Map<String, Object> it : items) {
            out.put((String) it.get("code"), ((Number) it.get("id")).longValue());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ds = (List<Map<String, Object>>) it.get("deductions");
            for (Map<String, Object> d : ds) {
                out.put((String) d.get("code"), ((Number) d.get("id")).longValue());
            }
        }
        return out;
    }

    static JsonPath save(Api reviewer, long file, long item, Map<Long, String> applied, int status) {
        return reviewer.post().contentType("application/json").body(Map.of("applied", applied)).when()
                .put("/api/v1/review/files/" + file + "/items/" + item).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void weightedScoringGivesTheTotalAndBandAndOnlyTheReviewerScores() {
        Scenario s = scenario();
        JsonPath view = s.reviewer().get().when().get("/api/v1/review/files/" + s.file()).then().statusCode(200)
                .body("scorable", equalTo(true)).extract().jsonPath();
        Map<String, Long> id = ids(view);
        List<Map<String, Object>> items = view.getList("items");
        BigDecimal weights = items.stream().map(i -> new BigDecimal(String.valueOf(i.get("weight"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(weights).isEqualByComparingTo("100");
        // a deduction needs its finding text
        save(s.reviewer(), s.file(), id.get("QZ"), Map.of(id.get("QZ-1"), " "), 400);
        // the city administrator is not the reviewer
        s.city().post().contentType("application/json").body(Map.of("applied", Map.of())).when()
                .put("/api/v1/review/files/" + s.file() + "/items/" + id.get("QZ")).then().statusCode(403);
        for (Map<String, Object> it : items) {
            String code = (String) it.get("code");
            Map<Long, String> applied = new HashMap<>();
            switch (code) {
                case "QZ" -> applied.put(id.get("QZ-1"), "询问笔录与现场照片不能证明经营时间");
                case "CL" -> applied.put(id.get("CL-2"), "决定书未说明按裁量基准第几档处罚");
                case "SS" -> {
                    applied.put(id.get("SS-1"), "违法所得认定依据不清");
                    applied.put(id.get("SS-2"), "营业执照复印件缺失");
                }
                default -> {
                }
            }
            JsonPath after = save(s.reviewer(), s.file(), ((Number) it.get("id")).longValue(), applied, 200);
            if (!"GD".equals(code) && items.indexOf(it) == 0) {
                // not every item is scored yet: submitting is refused
                s.reviewer().post().when().post("/api/v1/review/files/" + s.file() + "/submit").then().statusCode(409);
            }
            assertThat(after.getInt("checkedItems")).isEqualTo(items.indexOf(it) + 1);
        }
        // 100 − 10 (QZ-1) − 4 (CL-2) − 10 (SS: 10 + 3 deducted, an item never below 0) = 76 → 合格 (60–80)
        s.reviewer().post().when().post("/api/v1/review/files/" + s.file() + "/submit").then().statusCode(200)
                .body("total", equalTo(76.0f)).body("band", equalTo("合格")).body("status", equalTo("SCORED"))
                .body("findings.size()", equalTo(4));
        // taking a deduction back after submitting is refused
        save(s.reviewer(), s.file(), id.get("QZ"), Map.of(), 409);
        // results per unit and per officer: the file's total, banded
        s.city().get().when().get("/api/v1/review/campaigns/" + s.campaign()).then().statusCode(200)
                .body("results.units[0].average", equalTo(76.0f)).body("results.units[0].band", equalTo("合格"))
                .body("results.officers.size()", equalTo(2)).body("results.officers[0].band", equalTo("合格"));
    }

    /** Scores the scenario's file with two findings (QZ-1 and WS-2) and submits it: 100 − 10 − 3 = 87 良好. */
    static Map<String, Long> scoreTwoFindings(Scenario s) {
        JsonPath view = s.reviewer().get().when().get("/api/v1/review/files/" + s.file()).then().statusCode(200).extract()
                .jsonPath();
        Map<String, Long> id = ids(view);
        for (Map<String, Object> it : view.<Map<String, Object>> getList("items")) {
            String code = (String) it.get("code");
            Map<Long, String> applied = new HashMap<>();
            if (code.equals("QZ")) {
                applied.put(id.get("QZ-1"), "证据不足以证明违法事实");
            } else if (code.equals("WS")) {
                applied.put(id.get("WS-2"), "决定书未回应当事人申辩意见");
            }
            save(s.reviewer(), s.file(), ((Number) it.get("id")).longValue(), applied, 200);
        }
        s.reviewer().post().when().post("/api/v1/review/files/" + s.file() + "/submit").then().statusCode(200)
                .body("total", equalTo(87.0f)).body("band", equalTo("良好"));
        return id;
    }

    @Test
    void aFindingIsContestedOnceAndTheOwnerDecides() {
        Scenario s = scenario();
        scoreTwoFindings(s);
        Api district = admin("SFS-LJ");
        JsonPath f = district.get().when().get("/api/v1/review/files/" + s.file()).then().statusCode(200).extract().jsonPath();
        long qz = f.getLong("findings.find { it.item == '调查取证' }.id");
        assertThat(f.getBoolean("findings.find { it.item == '调查取证' }.contestable")).isTrue();
        // the organising unit cannot contest its own finding
        s.city().post().contentType("application/json").body(Map.of("reason", "x")).when()
                .post("/api/v1/review/findings/" + qz + "/contest").then().statusCode(403);
        district.post().contentType("application/json").body(Map.of("reason", "")).when()
                .post("/api/v1/review/findings/" + qz + "/contest").then().statusCode(400);
        district.post().contentType("application/json").body(Map.of("reason", "卷内有营业记录可证明经营时间，见第 12 页")).when()
                .post("/api/v1/review/findings/" + qz + "/contest").then().statusCode(200)
                .body("status", equalTo("CONTESTED"));
        // once only
        district.post().contentType("application/json").body(Map.of("reason", "再次异议")).when()
                .post("/api/v1/review/findings/" + qz + "/contest").then().statusCode(409);
        // the unit side cannot decide; the campaign cannot finish with a contest open
        district.post().contentType("application/json").body(Map.of("uphold", false, "note", "x")).when()
                .post("/api/v1/review/findings/" + qz + "/decision").then().statusCode(403);
        s.city().post().when().post("/api/v1/review/campaigns/" + s.campaign() + "/finish").then().statusCode(409);
        s.city().post().contentType("application/json").body(Map.of("uphold", false, "note", "经核实第 12 页营业记录足以证明")).when()
                .post("/api/v1/review/findings/" + qz + "/decision").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        // the withdrawn finding no longer costs points: 87 + 10 = 97 → 优秀; it cannot be contested again
        s.city().get().when().get("/api/v1/review/files/" + s.file()).then().body("total", equalTo(97.0f))
                .body("band", equalTo("优秀"));
        district.post().contentType("application/json").body(Map.of("reason", "再次")).when()
                .post("/api/v1/review/findings/" + qz + "/contest").then().statusCode(409);
        long audits = QuarkusTransaction.requiringNew().call(() -> cn.zhifa.academy.platform.audit.AuditEvent.count(
                "entityType = 'review_finding' AND entityId = ?1", String.valueOf(qz)));
        assertThat(audits).isEqualTo(2);
    }

    @Test
    void aDistrictAdministratorSeesOnlyTheirSubtree() {
        Api city = admin("SFS");
        Person rJb = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.LEGAL_REVIEWER);
        Person rQs = ReviewFixtures.person("SFS-QS-QS", PersonCategory.LEGAL_REVIEWER);
        Person oJb = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        Person oQs = ReviewFixtures.person("SFS-QS-QS", PersonCategory.OFFICER);
        long c = ReviewFixtures.create(city, ReviewFixtures.campaign("范围测试 " + tag(), "SFS",
                List.of("SFS-LJ-JB", "SFS-QS-QS"), List.of(rJb.employeeNo, rQs.employeeNo), 1));
        long jbFile = ReviewFixtures.files(city, c, "SFS-LJ-JB", "SJ" + tag(), 1, List.of(oJb.employeeNo)).get(0);
        long qsFile = ReviewFixtures.files(city, c, "SFS-QS-QS", "SQ" + tag(), 1, List.of(oQs.employeeNo)).get(0);
        Api linjiang = admin("SFS-LJ");
        linjiang.get().when().get("/api/v1/review/campaigns/" + c).then().statusCode(200).body("files.size()", equalTo(1))
                .body("files[0].id", equalTo((int) jbFile)).body("sampleSeed", equalTo(null));
        linjiang.get().when().get("/api/v1/review/files/" + jbFile).then().statusCode(200);
        linjiang.get().when().get("/api/v1/review/files/" + qsFile).then().statusCode(404);
        // the district cannot manage the city's campaign
        linjiang.post().contentType("application/json").body(Map.of()).when()
                .post("/api/v1/review/campaigns/" + c + "/sample").then().statusCode(403);
        // a campaign of another district is not there at all
        Api qingshan = admin("SFS-QS");
        long other = ReviewFixtures.create(qingshan, ReviewFixtures.campaign("青山专项 " + tag(), "SFS-QS",
                List.of("SFS-QS-QS"), List.of(ReviewFixtures.person("SFS-QS", PersonCategory.LEGAL_REVIEWER).employeeNo), 1));
        linjiang.get().when().get("/api/v1/review/campaigns/" + other).then().statusCode(404);
        assertThat(linjiang.get().when().get("/api/v1/review/campaigns").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)).contains(c).doesNotContain(other);
        // and a district cannot create a campaign for the city or review units outside its own tree
        qingshan.post().contentType("application/json").body(ReviewFixtures.campaign("越权 " + tag(), "SFS",
                List.of("SFS-LJ-JB"), List.of(rQs.employeeNo), 1)).when().post("/api/v1/review/campaigns").then()
                .statusCode(400);
        // a learner is no reviewer of a file not assigned to them
        Person stranger = ReviewFixtures.person("SFS-LJ-JB", PersonCategory.OFFICER);
        reviewer(stranger, "SFS-LJ-JB").get().when().get("/api/v1/review/files/" + jbFile).then().statusCode(404);
        long unit = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-LJ-JB").orElseThrow().id);
        assertThat(unit).isPositive();
    }
}
