package cn.zhifa.academy.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zhifa.academy.organization.OrgUnit;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** People, campaigns and case files for the review tests, built through the real API. */
final class ReviewFixtures {

    private ReviewFixtures() {
    }

    static Person person(String unitCode, PersonCategory category) {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.name = "评查测试" + tag.substring(0, 4);
            p.employeeNo = "RV" + tag;
            p.category = category;
            p.grade = Grade.SERVING;
            p.unitId = OrgUnit.findByCode(unitCode).orElseThrow().id;
            p.status = EmploymentStatus.ACTIVE;
            p.statusSince = LocalDate.of(2020, 1, 1);
            p.idHash = "review-test-" + UUID.randomUUID();
            p.idMasked = "330203**********" + tag.substring(0, 2);
            p.persist();
            return p;
        });
    }

    static long unit(String code) {
        return QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(code).orElseThrow().id);
    }

    /** The first catalogue matter (赋权事项) the unit holds; null when it holds none. */
    static String heldMatter(String unitCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> codes = OrgUnit.getEntityManager().createNativeQuery("SELECT m.code FROM delegated_matter m "
                    + "JOIN delegated_matter_town t ON t.matter_id = m.id JOIN org_unit u ON u.id = t.unit_id "
                    + "WHERE u.code = ?1 ORDER BY m.code LIMIT 1").setParameter(1, unitCode).getResultList();
            return codes.isEmpty() ? null : codes.get(0);
        });
    }

    static long standardId() {
        return QuarkusTransaction.requiringNew().call(() -> ReviewStandard.<ReviewStandard> find("status = ?1 ORDER BY id",
                ReviewStandard.Status.ACTIVE).firstResult().id);
    }

    static Map<String, Object> campaign(String name, String owner, List<String> units, List<String> reviewers, int sample) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", name);
        c.put("kind", "SPECIAL");
        c.put("year", 2026);
        c.put("owningUnitId", unit(owner));
        c.put("periodStart", "2026-01-01");
        c.put("periodEnd", "2026-06-30");
        c.put("standardId", standardId());
        c.put("sampleSize", sample);
        c.put("unitIds", units.stream().map(ReviewFixtures::unit).toList());
        c.put("reviewers", reviewers);
        return c;
    }

    static long create(Api admin, Map<String, Object> body) {
        return admin.post().contentType("application/json").body(body).when().post("/api/v1/review/campaigns").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Enters {@code n} case files of the unit, case numbers {@code prefix}-01…, handled by the officers. */
    static List<Long> files(Api admin, long campaign, String unitCode, String prefix, int n, List<String> officers) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Map<String, Object> f = new HashMap<>();
            f.put("unitId", unit(unitCode));
            f.put("caseNo", String.format("%s-%02d", prefix, i));
            String matterCode = heldMatter(unitCode);
            if (matterCode != null) {
                f.put("matterCode", matterCode); // a town's file names one of the town's catalogue matters
            } else {
                f.put("matter", "未经许可从事经营活动");
            }
            f.put("decisionType", "罚款");
            f.put("decisionDate", "2026-03-1" + (i % 10));
            f.put("officers", officers);
            ids.add(admin.post().contentType("application/json").body(f).when()
                    .post("/api/v1/review/campaigns/" + campaign + "/files").then().statusCode(201).extract().jsonPath()
                    .getLong("id"));
        }
        return ids;
    }
}
