package cn.zhifa.academy.exam.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaOwnerRule;
import cn.zhifa.academy.storage.MediaService;

/**
 * An image in a question stem is shown only to those who may see the question: its authors
 * (trainers, administrators) and a candidate whose running attempt contains a question version
 * that shows it. After the attempt is submitted the image is no longer served to the candidate.
 */
@ApplicationScoped
public class QuestionMediaRule implements MediaOwnerRule {

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @Override
    public MediaOwner kind() {
        return MediaOwner.QUESTION_IMAGE;
    }

    @Override
    public boolean mayRead(MediaRef m) {
        if (user.isAuthorOrAdmin()) {
            return true;
        }
        Long person = user.getPersonId();
        if (person == null) {
            return false;
        }
        return !em.createNativeQuery("""
                SELECT 1 FROM exam_attempt a JOIN attempt_item i ON i.attempt_id = a.id
                  JOIN question_version v ON v.id = i.question_version_id
                 WHERE a.person_id = ?1 AND a.status = 'IN_PROGRESS' AND strpos(v.stem_md, ?2) > 0 LIMIT 1""")
                .setParameter(1, person).setParameter(2, MediaService.contentPath(m)).getResultList().isEmpty();
    }
}
