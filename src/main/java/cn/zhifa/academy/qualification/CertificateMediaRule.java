package cn.zhifa.academy.qualification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.people.PeopleScope;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaOwnerRule;

/**
 * A stored certificate (owner: qualification): its holder and whoever may see the holder
 * (administrators in scope). Certificates are rendered on demand today; the rule is here so a
 * stored copy can never be served without it.
 */
@ApplicationScoped
public class CertificateMediaRule implements MediaOwnerRule {

    @Inject
    PeopleDirectory directory;

    @Inject
    PeopleScope people;

    @Override
    public MediaOwner kind() {
        return MediaOwner.CERTIFICATE;
    }

    @Override
    public boolean mayRead(MediaRef m) {
        Qualification q = m.ownerId() == null ? null : Qualification.findById(m.ownerId());
        PersonSummary p = q == null ? null : directory.find(q.personId).orElse(null);
        return p != null && people.canSee(p);
    }
}
