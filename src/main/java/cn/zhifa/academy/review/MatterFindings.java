package cn.zhifa.academy.review;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.matters.ReviewFindingsPort;
import cn.zhifa.academy.platform.security.OrgScope;

/**
 * The readiness view's "review findings" column (issue 14 item 5): findings that stand (not
 * withdrawn) on the scored case files of a matter handled by a town or the units below it. A
 * file counts for a matter when it carries the matter's catalogue code (chosen from the catalogue);
 * files entered before the code was kept count when their text is the matter's code or name. Empty when no scored file of the matter exists there (nothing reviewed is not zero
 * findings).
 */
@ApplicationScoped
public class MatterFindings implements ReviewFindingsPort {

    @Inject
    EntityManager em;

    @Override
    public OptionalLong findings(long townId, String matterCode, String matterName) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(DISTINCT cf.id), "
                + "count(f.id) FILTER (WHERE f.status <> 'WITHDRAWN') FROM review_case_file cf "
                + "JOIN org_unit u ON u.id = cf.unit_id LEFT JOIN review_finding f ON f.case_file_id = cf.id "
                + "WHERE cf.status = 'SCORED' AND (cf.matter_code = ?2 OR cf.matter_code IS NULL AND (cf.matter = ?2 OR cf.matter = ?3)) AND "
                + OrgScope.pathWithin("u.path", "(SELECT t.path FROM org_unit t WHERE t.id = ?1) || '%'"))
                .setParameter(1, townId).setParameter(2, matterCode).setParameter(3, matterName).getSingleResult();
        long files = ((Number) r[0]).longValue();
        return files == 0 ? OptionalLong.empty() : OptionalLong.of(((Number) r[1]).longValue());
    }
}
