package cn.zhifa.academy.qualification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.OrgScope;

/**
 * Read side of qualifications for pages, the API and other features (the provider credit
 * evaluation uses {@link #qualifiedShare(long)}). Callers check scope first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QualificationQueries {

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    PeopleDirectory directory;

    @Inject
    EntityManager em;

    @Inject
    QualificationConfig config;

    /** A qualification as pages and the API show it. */
    public record View(long id, String number, String typeCode, String typeName, String typeNameEn, String domainCode,
            String domainName, long personId, String personName, String unitName, QualificationState state,
            String stateReason, LocalDate stateSince, LocalDate issuedOn, LocalDate expiresOn, int cycle,
            String issueMode, String basis, boolean renewalOpen, LocalDate renewalOpenedOn, String renewalCourses,
            String renewalExamCode, String issuingBody, long daysLeft) {

        public boolean valid() {
            return state == QualificationState.VALID;
        }

        public boolean expiringSoon() {
            return valid() && daysLeft <= 90;
        }
    }

    /** A history line. */
    public record EventView(int cycle, String action, QualificationState fromState, QualificationState toState,
            String reason, LocalDate effectiveOn, LocalDate issuedOn, LocalDate expiresOn, String actor) {

        public String actionKey() {
            return "action_" + action;
        }
    }

    /** Share of a provider's active staff holding a valid qualification (0–1), with the counts. */
    public record Share(long staff, long qualified) {
        public BigDecimal ratio() {
            return staff == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(qualified).divide(BigDecimal.valueOf(staff), 4, RoundingMode.HALF_UP);
        }

        public int percent() {
            return staff == 0 ? 0 : (int) Math.round(qualified * 100.0 / staff);
        }
    }

    public Optional<View> view(long id, LocalDate today) {
        return Qualification.<Qualification> findByIdOptional(id).map(q -> views(List.of(q), today).get(0));
    }

    public List<View> ofPerson(long personId, LocalDate today) {
        return views(Qualification.ofPerson(personId), today);
    }

    public List<EventView> history(long qualificationId) {
        return QualificationEvent.of(qualificationId).stream().map(e -> new EventView(e.cycle, e.action.name(),
                e.fromState, e.toState, e.reason, e.effectiveOn, e.issuedOn, e.expiresOn, e.actor)).toList();
    }

    /**
     * Qualifications of people inside a unit-path prefix (null = all), optionally only valid ones
     * expiring within {@code days}, or in one state; newest expiry first is least useful, so
     * soonest expiry first.
     */
    public List<View> list(String pathPrefix, QualificationState state, Integer expiringWithinDays, int limit,
            LocalDate today) {
        StringBuilder q = new StringBuilder("SELECT q FROM Qualification q, Person p, OrgUnit u WHERE p.id = q.personId "
                + "AND u.id = p.unitId");
        Map<String, Object> params = new HashMap<>();
        if (pathPrefix != null) {
            q.append(" AND ").append(OrgScope.pathWithin("u.path", ":path"));
            params.put("path", OrgScope.subtreePattern(pathPrefix));
        }
        if (expiringWithinDays != null) {
            q.append(" AND q.state = :valid AND q.expiresOn >= :today AND q.expiresOn <= :until");
            params.put("valid", QualificationState.VALID);
            params.put("today", today);
            params.put("until", today.plusDays(expiringWithinDays));
        } else if (state != null) {
            q.append(" AND q.state = :state");
            params.put("state", state);
        }
        q.append(" ORDER BY q.expiresOn, q.id");
        var query = em.createQuery(q.toString(), Qualification.class).setMaxResults(limit);
        params.forEach(query::setParameter);
        return views(query.getResultList(), today);
    }

    /** The provider's active staff and how many hold at least one valid qualification. */
    public Share qualifiedShare(long providerId) {
        long staff = directory.activeOfProvider(providerId).stream()
                .filter(p -> p.category() == PersonCategory.PROVIDER_STAFF).count();
        long qualified = em.createQuery("SELECT COUNT(DISTINCT p.id) FROM Person p, Qualification q WHERE q.personId = p.id "
                + "AND p.providerId = :pr AND p.status = :active AND q.state = :valid", Long.class)
                .setParameter("pr", providerId).setParameter("active", EmploymentStatus.ACTIVE)
                .setParameter("valid", QualificationState.VALID).getSingleResult();
        return new Share(staff, qualified);
    }

    public List<View> views(List<Qualification> qs, LocalDate today) {
        Map<Long, QualificationType> types = new HashMap<>();
        QualificationType.<QualificationType> listAll().forEach(t -> types.put(t.id, t));
        Map<String, String> domains = new HashMap<>();
        orgDirectory.allDomains().forEach(d -> domains.put(d.code(), d.name()));
        return qs.stream().map(q -> {
            QualificationType t = types.get(q.typeId);
            PersonSummary p = directory.find(q.personId).orElseThrow();
            String unit = orgDirectory.unit(p.unitId()).map(OrgDirectory.Unit::name).orElse("");
            return new View(q.id, q.number, t.code, t.name, t.nameEn, q.domainCode,
                    domains.getOrDefault(q.domainCode, q.domainCode), p.id(), p.name(), unit, q.state,
                    q.stateReason, q.stateSince, q.issuedOn, q.expiresOn, q.cycle, q.issueMode.name(), q.basis,
                    q.renewalOpen(), q.renewalOpenedOn, t.renewalCourses, t.renewalExamCode, t.issuingBody,
                    ChronoUnit.DAYS.between(today, q.expiresOn));
        }).toList();
    }

    /** Masks a name for the public page: the first character, then one * per remaining character. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
