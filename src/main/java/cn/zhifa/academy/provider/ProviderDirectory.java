package cn.zhifa.academy.provider;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.security.OrgScope;

/**
 * Providers (第三方机构) as other features read them, as values: other features call this instead
 * of reading {@link Provider} themselves (PackageGraphTest: no other feature's entity). Who may see
 * which provider stays with {@link ProviderService}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProviderDirectory {

    /** One provider: what other features need to show or route it. */
    public record ProviderSummary(long id, String creditCode, String name, Long commissioningUnitId,
            ProviderStatus status) {
    }

    public Optional<ProviderSummary> find(long id) {
        return Provider.<Provider> findByIdOptional(id).map(ProviderDirectory::summary);
    }

    public boolean exists(long id) {
        return Provider.findById(id) != null;
    }

    /** Summaries by id; unknown ids are absent. */
    public Map<Long, ProviderSummary> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Provider.<Provider> list("id IN ?1", ids.stream().distinct().toList()).stream()
                .map(ProviderDirectory::summary).collect(Collectors.toMap(ProviderSummary::id, Function.identity()));
    }

    /** Every provider, in the order the table is read. */
    public List<ProviderSummary> all() {
        return Provider.<Provider> listAll().stream().map(ProviderDirectory::summary).toList();
    }

    /**
     * Providers by name whose commissioning unit meets a scope condition written on
     * {@code commissioningUnitId} (e.g. {@code OrgScope.Subtree.onUnit("commissioningUnitId", ":p")}).
     */
    public List<ProviderSummary> commissionedWhere(OrgScope.Condition onCommissioningUnit) {
        return Provider.<Provider> list(onCommissioningUnit.text() + " ORDER BY name", onCommissioningUnit.params())
                .stream().map(ProviderDirectory::summary).toList();
    }

    static ProviderSummary summary(Provider p) {
        return new ProviderSummary(p.id, p.creditCode, p.name, p.commissioningUnitId, p.status);
    }
}
