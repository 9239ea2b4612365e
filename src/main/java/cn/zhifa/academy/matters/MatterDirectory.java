package cn.zhifa.academy.matters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.organization.OrgDirectory;

/**
 * The catalogue as other features read it (the case-file review picks a case file's matter
 * from it): code, name, domain and the towns that hold each matter. Read-only, no scope: the
 * catalogue is the city's and public to every administrator.
 */
@ApplicationScoped
@Transactional
public class MatterDirectory {

    /** One catalogue entry. */
    public record Entry(String code, String name, String domainName, boolean highFrequency, Set<Long> townIds) {

        public boolean heldBy(long townId) {
            return townIds.contains(townId);
        }
    }

    @jakarta.inject.Inject
    OrgDirectory orgDirectory;

    public List<Entry> all() {
        Map<Long, String> domains = orgDirectory.allDomains().stream()
                .collect(Collectors.toMap(d -> d.id(), d -> d.name()));
        return DelegatedMatter.ordered().stream().map(m -> entry(m, domains)).toList();
    }

    public Optional<Entry> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Map<Long, String> domains = orgDirectory.allDomains().stream()
                .collect(Collectors.toMap(d -> d.id(), d -> d.name()));
        return DelegatedMatter.byCode(code.trim()).map(m -> entry(m, domains));
    }

    private static Entry entry(DelegatedMatter m, Map<Long, String> domains) {
        return new Entry(m.code, m.name, domains.getOrDefault(m.domainId, ""), m.highFrequency, Set.copyOf(m.townIds));
    }
}
