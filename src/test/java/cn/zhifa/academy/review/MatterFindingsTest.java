package cn.zhifa.academy.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.matters.ReviewFindingsPort;
import cn.zhifa.academy.organization.OrgUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 14 item 5: the readiness view's findings column reads the case-file review's standing findings. */
@QuarkusTest
class MatterFindingsTest {

    @Inject
    ReviewFindingsPort port;

    @Inject
    EntityManager em;

    @Test
    void standingFindingsOnScoredFilesOfTheMatterInTheTownAreCounted() {
        assertThat(port).as("the review module's implementation, not the empty default")
                .isInstanceOf(MatterFindings.class);
        long jb = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-LJ-JB").orElseThrow().id);
        long qs = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode("SFS-QS-QS").orElseThrow().id);
        String code = "MF-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            long campaign = ((Number) em.createNativeQuery("SELECT min(id) FROM review_campaign").getSingleResult()).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> deductions = em.createNativeQuery(
                    "SELECT d.id, d.item_id FROM review_standard_deduction d ORDER BY d.id LIMIT 3").getResultList();
            long inTown = file(campaign, jb, code, "SCORED");
            finding(inTown, deductions.get(0), "UPHELD");
            finding(inTown, deductions.get(1), "OPEN");
            finding(inTown, deductions.get(2), "WITHDRAWN");
            // a file of the same matter elsewhere, and an unscored one in the town: not counted
            finding(file(campaign, qs, code, "SCORED"), deductions.get(0), "OPEN");
            file(campaign, jb, code, "SAMPLED");
        });
        assertThat(port.findings(jb, code, "某事项")).isEqualTo(OptionalLong.of(2));
        // matched by the matter's name as well as its code
        assertThat(port.findings(jb, "OTHER-CODE", code)).isEqualTo(OptionalLong.of(2));
        // nothing reviewed is "no data", not zero findings
        assertThat(port.findings(jb, "NO-SUCH-" + code, "无此事项")).isEqualTo(OptionalLong.empty());
    }

    private long file(long campaign, long unit, String matter, String status) {
        return ((Number) em.createNativeQuery("INSERT INTO review_case_file (campaign_id, unit_id, case_no, matter, "
                + "decision_type, decision_date, status, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
                + "'罚款', DATE '2026-03-01', ?5, 'test', now(), now()) RETURNING id").setParameter(1, campaign)
                .setParameter(2, unit).setParameter(3, "TEST-" + System.nanoTime()).setParameter(4, matter)
                .setParameter(5, status).getSingleResult()).longValue();
    }

    private void finding(long file, Object[] deduction, String status) {
        em.createNativeQuery("INSERT INTO review_finding (case_file_id, item_id, deduction_id, points, knowledge_point, "
                + "text, status, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, 2, 'KP-LIAN', '测试问题', ?4, "
                + "'test', now(), now())").setParameter(1, file).setParameter(2, ((Number) deduction[1]).longValue())
                .setParameter(3, ((Number) deduction[0]).longValue()).setParameter(4, status).executeUpdate();
    }
}
