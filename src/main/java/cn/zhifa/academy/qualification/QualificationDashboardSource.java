package cn.zhifa.academy.qualification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.evaluation.StaffQualificationRate;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;

/**
 * Qualifications as the dashboard and the provider credit evaluation read them: valid
 * qualifications expiring within a window, per organisation subtree; a provider's qualified share.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QualificationDashboardSource implements ExpiringQualifications, StaffQualificationRate {

    @Inject
    EntityManager em;

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationRules rules;

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public long count(String pathPrefix, int fromDays, int toDays) {
        LocalDate today = Now.today();
        return ((Number) em.createNativeQuery("SELECT count(*) FROM qualification q JOIN person p ON p.id = q.person_id "
                + "JOIN org_unit u ON u.id = p.unit_id WHERE q.state = 'VALID' AND q.expires_on > ?1 AND q.expires_on <= ?2 "
                + "AND " + OrgScope.pathWithin("u.path", "?3")).setParameter(1, today.plusDays(fromDays))
                .setParameter(2, today.plusDays(toDays)).setParameter(3, OrgScope.subtreePattern(pathPrefix))
                .getSingleResult()).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object[]> people(String pathPrefix, int fromDays, int toDays, int limit) {
        LocalDate today = Now.today();
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, t.name, q.expires_on, q.id AS qid FROM qualification q "
                + "JOIN qualification_type t ON t.id = q.type_id JOIN person p ON p.id = q.person_id "
                + "JOIN org_unit u ON u.id = p.unit_id WHERE q.state = 'VALID' AND q.expires_on > ?1 AND q.expires_on <= ?2 "
                + "AND " + OrgScope.pathWithin("u.path", "?3") + " ORDER BY q.expires_on, p.id LIMIT ?4")
                .setParameter(1, today.plusDays(fromDays)).setParameter(2, today.plusDays(toDays))
                .setParameter(3, OrgScope.subtreePattern(pathPrefix)).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(r -> new Object[] { ((Number) r[0]).longValue(), (String) r[1], String.valueOf(r[2]),
                ((Number) r[3]).longValue() }).toList();
    }

    @Override
    public Optional<BigDecimal> share(long providerId) {
        QualificationQueries.Share s = queries.qualifiedShare(providerId);
        if (s.staff() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(s.qualified()).divide(BigDecimal.valueOf(s.staff()), 4, RoundingMode.HALF_UP));
    }
}
