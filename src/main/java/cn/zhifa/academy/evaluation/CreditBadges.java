package cn.zhifa.academy.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * For templates ({@code inject:creditBadges}): whether a provider is on the blacklist today, so
 * that every page showing a provider (list, detail, staff) can mark it. Cached per request.
 */
@RequestScoped
@Named("creditBadges")
public class CreditBadges {

    private final Map<Long, CreditService.BlacklistView> cache = new HashMap<>();

    /** The blacklisting in force for the provider, or null. */
    public CreditService.BlacklistView blacklist(Long providerId) {
        if (providerId == null) {
            return null;
        }
        if (!cache.containsKey(providerId)) {
            cache.put(providerId, CreditService.inForce(List.of(providerId)).get(providerId));
        }
        return cache.get(providerId);
    }

    /** Open flags (连续不合格…) of a person, for the person page. */
    public List<EvalFlag> flags(Long personId) {
        return personId == null ? List.of() : EvalFlag.openOf(personId);
    }
}
