package cn.zhifa.academy.provider;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.security.ProviderNames;
import io.quarkus.security.ForbiddenException;

/**
 * Third-party institutions (第三方机构). A system administrator sees all; an administrator
 * those commissioned by a unit in their subtree; a provider manager only their own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProviderService implements ProviderNames {

    @Inject
    OrgScope orgScope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    OrgDirectory org;

    /** Wire and page shape of a provider. */
    public record ProviderView(long id, String creditCode, String name, List<String> serviceCategories,
            long commissioningUnitId, String commissioningUnit, LocalDate contractStart, LocalDate contractEnd,
            ProviderStatus status, String statusLabel, String contactName, String contactPhone, long staffCount) {
    }

    /** What a client sends to register or change a provider. */
    public record ProviderInput(@NotBlank String creditCode, @NotBlank @Size(max = 200) String name,
            List<String> serviceCategories, @NotNull Long commissioningUnitId, LocalDate contractStart,
            LocalDate contractEnd, @NotNull ProviderStatus status, @Size(max = 50) String contactName,
            @Size(max = 20) String contactPhone) {
    }

    public boolean canSee(Provider p) {
        if (user.isSysadmin()) {
            return true;
        }
        if (user.isAdmin()) {
            return orgScope.canActOnUnit(p.commissioningUnitId);
        }
        return orgScope.canActOnProvider(p.id);
    }

    public List<ProviderView> list() {
        List<Provider> all;
        OrgScope.UnitFilter f = orgScope.unitFilter();
        if (f instanceof OrgScope.All) {
            all = Provider.list("ORDER BY name");
        } else if (f instanceof OrgScope.Subtree s) {
            OrgScope.Condition c = s.onUnit("commissioningUnitId", ":scopePath");
            all = Provider.list(c.text() + " ORDER BY name", c.params());
        } else if (user.isProviderManager() && user.getProviderId() != null) {
            all = Provider.list("id", user.getProviderId());
        } else {
            all = List.of();
        }
        return views(all);
    }

    @Override
    public Optional<String> nameOf(long providerId) {
        return Provider.<Provider> findByIdOptional(providerId).map(p -> p.name);
    }

    public Optional<Provider> visible(long id) {
        return Provider.<Provider> findByIdOptional(id).filter(this::canSee);
    }

    /** The provider as a value, if it exists and the user may see it. */
    public Optional<ProviderDirectory.ProviderSummary> visibleSummary(long id) {
        return visible(id).map(ProviderDirectory::summary);
    }

    public Optional<ProviderView> view(long id) {
        return visible(id).map(p -> views(List.of(p)).get(0));
    }

    List<ProviderView> views(List<Provider> providers) {
        if (providers.isEmpty()) {
            return List.of();
        }
        List<Long> ids = providers.stream().map(p -> p.id).toList();
        Map<Long, String> units = org.unitNames(providers.stream().map(p -> p.commissioningUnitId).toList());
        Map<Long, Long> staff = Provider.getEntityManager()
                .createQuery("SELECT p.providerId, COUNT(p) FROM Person p WHERE p.providerId IN :ids GROUP BY p.providerId",
                        Object[].class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        return providers.stream().map(p -> new ProviderView(p.id, p.creditCode, p.name, p.categories(),
                p.commissioningUnitId, units.get(p.commissioningUnitId), p.contractStart, p.contractEnd, p.status,
                p.status.label(), p.contactName, p.contactPhone, staff.getOrDefault(p.id, 0L))).toList();
    }

    @Transactional
    public Provider create(ProviderInput in) {
        Provider p = new Provider();
        apply(p, in);
        if (Provider.byCreditCode(p.creditCode).isPresent()) {
            throw ConflictException.on("creditCode", "provider.credit_code_taken");
        }
        p.persist();
        audit.record("provider.created", "provider", p.id, AuditLog.detail("after", summary(p)));
        return p;
    }

    @Transactional
    public Provider update(long id, ProviderInput in) {
        Provider p = visible(id).orElseThrow(() -> new NotFoundException("provider.not_found", id));
        if (!user.isSysadmin() && !(user.isAdmin() && orgScope.canActOnUnit(p.commissioningUnitId))) {
            throw new ForbiddenException("only administrators of the commissioning unit may change a provider");
        }
        Map<String, Object> before = summary(p);
        String oldCode = p.creditCode;
        apply(p, in);
        if (!oldCode.equals(p.creditCode) && Provider.byCreditCode(p.creditCode).isPresent()) {
            throw new ConflictException("provider.credit_code_taken");
        }
        audit.record("provider.updated", "provider", p.id, AuditLog.detail("before", before, "after", summary(p)));
        return p;
    }

    private void apply(Provider p, ProviderInput in) {
        CreditCodes.check("creditCode", in.creditCode()).ifPresent(f -> {
            throw InvalidException.fields(List.of(f));
        });
        if (!org.unitExists(in.commissioningUnitId())) {
            throw InvalidException.field("commissioningUnitId", "provider.unit_unknown");
        }
        if (!(user.isSysadmin() || user.isAdmin() && orgScope.canActOnUnit(in.commissioningUnitId()))) {
            throw new ForbiddenException("commissioning unit outside your scope");
        }
        if (in.contractStart() != null && in.contractEnd() != null && in.contractEnd().isBefore(in.contractStart())) {
            throw InvalidException.field("contractEnd", "provider.contract_end_before_start");
        }
        p.creditCode = CreditCodes.normalise(in.creditCode());
        p.name = in.name().trim();
        p.serviceCategories = in.serviceCategories() == null ? ""
                : String.join(",", in.serviceCategories().stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        p.commissioningUnitId = in.commissioningUnitId();
        p.contractStart = in.contractStart();
        p.contractEnd = in.contractEnd();
        p.status = in.status();
        p.contactName = in.contactName();
        p.contactPhone = in.contactPhone();
    }

    private static Map<String, Object> summary(Provider p) {
        return Map.of("creditCode", p.creditCode, "name", p.name, "unit", p.commissioningUnitId, "status",
                p.status.name());
    }

}
