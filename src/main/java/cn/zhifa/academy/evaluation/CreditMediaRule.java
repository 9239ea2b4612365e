package cn.zhifa.academy.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.provider.ProviderService;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaOwnerRule;

/** Evidence of a credit event: whoever may see the provider (administrators in scope, the provider's manager). */
@ApplicationScoped
public class CreditMediaRule implements MediaOwnerRule {

    @Inject
    ProviderService providers;

    @Override
    public MediaOwner kind() {
        return MediaOwner.CREDIT_EVIDENCE;
    }

    @Override
    public boolean mayRead(MediaRef m) {
        return m.ownerId() != null && providers.visibleSummary(m.ownerId()).isPresent();
    }
}
