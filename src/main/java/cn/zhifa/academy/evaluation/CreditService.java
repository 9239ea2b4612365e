package cn.zhifa.academy.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.provider.ProviderDirectory;
import cn.zhifa.academy.provider.ProviderService;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A provider's credit (信用): events with evidence, the blacklist (黑名单) and the commissions
 * it blocks. Administrators of the commissioning unit record; provider managers read their own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CreditService {

    /** What the list of providers barred from new commissions is called (academy.providers.suspension-list-label). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "academy.providers.suspension-list-label")
    String suspensionListLabel;

    @Inject
    ProviderService providers;

    @Inject
    ProviderDirectory providerDirectory;

    @Inject
    OrgDirectory org;

    @Inject
    OrgScope orgScope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    MediaService media;

    public record EventInput(CreditEventKind kind, BigDecimal points, LocalDate occurredOn, String description) {
    }

    public record BlacklistInput(String reason, LocalDate startsOn, LocalDate endsOn, Integer months) {
    }

    public record CommissionInput(Long unitId, String services, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** An event; {@code evidenceMediaId} is the evidence file's public id (/api/v1/media/{id}). */
    public record EventView(long id, CreditEventKind kind, BigDecimal points, LocalDate occurredOn, String description,
            String evidenceMediaId, String recordedBy) {
        static EventView of(CreditEvent e, String evidencePublicId) {
            return new EventView(e.id, e.kind, e.points, e.occurredOn, e.description, evidencePublicId, e.recordedBy);
        }
    }

    /** The view of an event, its evidence named by public id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EventView view(CreditEvent e) {
        return EventView.of(e, e.evidenceMediaId == null ? null
                : media.publicId(e.evidenceMediaId).map(java.util.UUID::toString).orElse(null));
    }

    public record BlacklistView(long id, String reason, LocalDate startsOn, LocalDate endsOn, boolean inForce,
            String createdBy, String liftedBy, String liftReason) {
    }

    public record CommissionView(long id, String unit, String services, LocalDate periodStart, LocalDate periodEnd,
            String createdBy) {
    }

    /** Current standing: the latest confirmed evaluation and the blacklisting in force. */
    public record Standing(long providerId, String providerName, BigDecimal total, String band, String cycle,
            BlacklistView blacklist) {
        @com.fasterxml.jackson.annotation.JsonProperty("blacklisted")
        public boolean blacklisted() {
            return blacklist != null;
        }
    }

    public ProviderDirectory.ProviderSummary visible(long providerId) {
        return providers.visibleSummary(providerId)
                .orElseThrow(() -> new NotFoundException("provider.not_found", providerId));
    }

    public ProviderDirectory.ProviderSummary manageable(long providerId) {
        ProviderDirectory.ProviderSummary p = visible(providerId);
        if (!(user.isSysadmin() || user.isAdmin() && orgScope.canActOnUnit(p.commissioningUnitId()))) {
            throw new ForbiddenException("credit.forbidden_commissioning");
        }
        return p;
    }

    public boolean canManage(ProviderDirectory.ProviderSummary p) {
        return user.isSysadmin() || user.isAdmin() && orgScope.canActOnUnit(p.commissioningUnitId());
    }

    // ---- events ------------------------------------------------------------------------

    /** Records an event; the evidence file (optional) goes to the object store first. */
    @Transactional(Transactional.TxType.NEVER)
    public CreditEvent record(long providerId, EventInput in, Path evidence, String evidenceName, String evidenceType)
            throws IOException {
        QuarkusTransaction.requiringNew().run(() -> {
            manageable(providerId);
            check(providerId, in);
        });
        MediaRef m = evidence == null ? null : media.store(evidence, evidenceName, evidenceType,
                user.getUsername(), cn.zhifa.academy.storage.MediaOwner.CREDIT_EVIDENCE, providerId);
        return QuarkusTransaction.requiringNew().call(() -> {
            check(providerId, in);
            CreditEvent e = new CreditEvent();
            e.providerId = providerId;
            e.kind = in.kind();
            e.points = in.points().abs().multiply(BigDecimal.valueOf(in.kind().sign)).setScale(1, java.math.RoundingMode.HALF_UP);
            e.occurredOn = in.occurredOn();
            e.description = in.description().trim();
            e.evidenceMediaId = m == null ? null : m.id();
            e.recordedBy = user.getUsername();
            e.persist();
            audit.record("credit.event_recorded", "provider", providerId, AuditLog.detail("event", e.id, "kind",
                    e.kind.name(), "points", e.points, "occurredOn", e.occurredOn.toString(), "evidence", e.evidenceMediaId));
            return e;
        });
    }

    private void check(long providerId, EventInput in) {
        if (in.kind() == null) {
            throw InvalidException.field("kind", "credit.kind_required");
        }
        if (in.points() == null || in.points().signum() == 0 || in.points().abs().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw InvalidException.field("points", "credit.points_range");
        }
        if (in.occurredOn() == null || in.occurredOn().isAfter(Now.today())) {
            throw InvalidException.field("occurredOn", "credit.occurred_on_required");
        }
        if (in.description() == null || in.description().isBlank() || in.description().length() > 500) {
            throw InvalidException.field("description", "credit.description_required");
        }
        if (Evaluation.count("providerId = ?1 AND status = ?2 AND periodStart <= ?3 AND periodEnd > ?3", providerId,
                Evaluation.Status.CONFIRMED, in.occurredOn()) > 0) {
            throw ConflictException.on("occurredOn", "credit.cycle_locked");
        }
    }

    public List<EventView> events(long providerId) {
        visible(providerId);
        return CreditEvent.<CreditEvent> list("providerId = ?1 ORDER BY occurredOn DESC, id DESC", providerId).stream()
                .map(this::view)
                .toList();
    }

    // ---- blacklist ---------------------------------------------------------------------

    @Transactional
    public Blacklisting blacklist(long providerId, BlacklistInput in) {
        manageable(providerId);
        if (cn.zhifa.academy.platform.web.TextRules.blank(in.reason()) || in.reason().length() > 500) {
            throw InvalidException.field("reason", "credit.blacklist_reason_required", suspensionListLabel);
        }
        if (in.startsOn() == null) {
            throw InvalidException.field("startsOn", "credit.starts_on_required");
        }
        LocalDate end = in.endsOn();
        if (end == null && in.months() != null) {
            if (in.months() < 1 || in.months() > 120) {
                throw InvalidException.field("months", "credit.months_range");
            }
            end = in.startsOn().plusMonths(in.months());
        }
        if (end == null || !end.isAfter(in.startsOn())) {
            throw InvalidException.field("endsOn", "credit.ends_on_required");
        }
        Blacklisting b = new Blacklisting();
        b.providerId = providerId;
        b.reason = in.reason().trim();
        b.startsOn = in.startsOn();
        b.endsOn = end;
        b.createdBy = user.getUsername();
        b.persist();
        audit.record("credit.blacklisted", "provider", providerId,
                AuditLog.detail("blacklist", b.id, "from", b.startsOn.toString(), "until", b.endsOn.toString(), "reason", b.reason));
        return b;
    }

    @Transactional
    public void lift(long providerId, long blacklistId, String reason) {
        manageable(providerId);
        Blacklisting b = Blacklisting.<Blacklisting> find("id = ?1 AND providerId = ?2", blacklistId, providerId)
                .firstResultOptional().orElseThrow(() -> new NotFoundException("credit.blacklisting_not_found", blacklistId));
        if (cn.zhifa.academy.platform.web.TextRules.blank(reason)) {
            throw InvalidException.field("reason", "credit.lift_reason_required");
        }
        if (b.liftedAt != null) {
            throw ConflictException.on("id", "credit.lifted");
        }
        b.liftedAt = Now.instant();
        b.liftedBy = user.getUsername();
        b.liftReason = reason.trim();
        audit.record("credit.blacklist_lifted", "provider", providerId, AuditLog.detail("blacklist", b.id, "reason", b.liftReason));
    }

    public List<BlacklistView> blacklistings(long providerId) {
        visible(providerId);
        LocalDate today = Now.today();
        return Blacklisting.<Blacklisting> list("providerId = ?1 ORDER BY startsOn DESC", providerId).stream()
                .map(b -> view(b, today)).toList();
    }

    static BlacklistView view(Blacklisting b, LocalDate today) {
        return new BlacklistView(b.id, b.reason, b.startsOn, b.endsOn, b.inForceOn(today), b.createdBy, b.liftedBy,
                b.liftReason);
    }

    /** Blacklistings in force today, by provider (for badges on lists). */
    public static Map<Long, BlacklistView> inForce(List<Long> providerIds) {
        if (providerIds.isEmpty()) {
            return Map.of();
        }
        LocalDate today = Now.today();
        return Blacklisting.<Blacklisting> list(
                "providerId IN ?1 AND liftedAt IS NULL AND startsOn <= ?2 AND endsOn > ?2 ORDER BY endsOn DESC", providerIds, today)
                .stream().collect(Collectors.toMap(b -> b.providerId, b -> view(b, today), (a, b) -> a));
    }

    // ---- commissions -------------------------------------------------------------------

    /** A new commission; refused while the provider is blacklisted in any part of the period. */
    @Transactional
    public Commission commission(long providerId, CommissionInput in) {
        ProviderDirectory.ProviderSummary p = visible(providerId);
        Long unitId = in.unitId() == null ? p.commissioningUnitId() : in.unitId();
        if (!org.unitExists(unitId)) {
            throw InvalidException.field("unitId", "credit.unit_unknown");
        }
        if (!(user.isSysadmin() || user.isAdmin() && orgScope.canActOnUnit(unitId))) {
            throw new ForbiddenException("credit.unit_outside_scope");
        }
        if (in.services() == null || in.services().isBlank() || in.services().length() > 500) {
            throw InvalidException.field("services", "credit.services_required");
        }
        if (in.periodStart() == null || in.periodEnd() == null || in.periodEnd().isBefore(in.periodStart())) {
            throw InvalidException.field("periodEnd", "credit.period_required");
        }
        LocalDate today = Now.today();
        Optional<Blacklisting> block = Blacklisting.<Blacklisting> list("providerId = ?1 AND liftedAt IS NULL", providerId)
                .stream().filter(b -> b.inForceOn(today) || b.overlaps(in.periodStart(), in.periodEnd())).findFirst();
        if (block.isPresent()) {
            Blacklisting b = block.get();
            throw ConflictException.on("providerId", "credit.blacklisted", p.name(), suspensionListLabel, b.startsOn,
                    b.endsOn.minusDays(1));
        }
        Commission c = new Commission();
        c.providerId = providerId;
        c.unitId = unitId;
        c.services = in.services().trim();
        c.periodStart = in.periodStart();
        c.periodEnd = in.periodEnd();
        c.createdBy = user.getUsername();
        c.persist();
        audit.record("credit.commissioned", "provider", providerId, AuditLog.detail("commission", c.id, "unit", unitId,
                "services", c.services, "from", c.periodStart.toString(), "to", c.periodEnd.toString()));
        return c;
    }

    public List<CommissionView> commissions(long providerId) {
        visible(providerId);
        Map<Long, String> units = org.unitNames();
        return Commission.<Commission> list("providerId = ?1 ORDER BY periodStart DESC, id DESC", providerId).stream()
                .map(c -> new CommissionView(c.id, units.get(c.unitId), c.services, c.periodStart, c.periodEnd, c.createdBy))
                .toList();
    }

    // ---- standing ----------------------------------------------------------------------

    public Standing standing(long providerId) {
        ProviderDirectory.ProviderSummary p = providerDirectory.find(providerId).orElse(null);
        Evaluation latest = Evaluation.<Evaluation> find(
                "providerId = ?1 AND status = ?2 ORDER BY periodStart DESC, id DESC", providerId, Evaluation.Status.CONFIRMED)
                .firstResult();
        BlacklistView b = inForce(List.of(providerId)).get(providerId);
        return new Standing(providerId, p == null ? "" : p.name(), latest == null ? null : latest.total,
                latest == null ? null : latest.band, latest == null ? null : latest.cycleLabel, b);
    }
}
