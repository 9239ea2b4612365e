package cn.zhifa.academy.caselibrary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaOwnerRule;

/**
 * A case's attachment follows the case's publication state: every signed-in user once a
 * published version carries it; drafts, versions in review and withdrawn ones only for
 * authors and administrators (the roles that may open the authoring pages).
 */
@ApplicationScoped
public class CaseMediaRule implements MediaOwnerRule {

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @Override
    public MediaOwner kind() {
        return MediaOwner.CASE_ATTACHMENT;
    }

    @Override
    public boolean mayRead(MediaRef m) {
        if (user.isAuthorOrAdmin()) {
            return true;
        }
        return !em.createNativeQuery("""
                SELECT 1 FROM case_attachment a JOIN case_version v ON v.id = a.version_id
                 WHERE a.media_id = ?1 AND v.status = 'PUBLISHED' LIMIT 1""").setParameter(1, m.id()).getResultList()
                .isEmpty();
    }
}
