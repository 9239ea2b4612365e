package cn.zhifa.academy.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleScope;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaOwnerRule;

/** Who may read the curriculum's stored files (asked by {@link cn.zhifa.academy.storage.MediaAccess}). */
public final class CurriculumMediaRules {

    private CurriculumMediaRules() {
    }

    /**
     * A lesson's video, slides or subtitles: authors and administrators always; a learner when a
     * lesson using the file is in a course's published version (the catalogue lets every
     * learner take every published course) or in the version they are enrolled on. Provider
     * managers take no courses.
     */
    @ApplicationScoped
    public static class LessonMedia implements MediaOwnerRule {
        @Inject
        CurrentUser user;

        @Inject
        EntityManager em;

        @Override
        public MediaOwner kind() {
            return MediaOwner.LESSON_MEDIA;
        }

        @Override
        public boolean mayRead(MediaRef m) {
            if (user.isAuthorOrAdmin()) {
                return true;
            }
            Long person = user.getPersonId();
            if (person == null && !user.isLearner()) {
                return false; // provider managers do not take courses
            }
            return !em.createNativeQuery("""
                    SELECT 1 FROM lesson l JOIN course_version v ON v.id = l.course_version_id
                      JOIN course c ON c.id = v.course_id
                     WHERE (l.media_id = ?1 OR l.subtitles_media_id = ?1)
                       AND ((c.status = 'PUBLISHED' AND c.published_version_id = v.id)
                            OR EXISTS (SELECT 1 FROM enrollment e WHERE e.person_id = ?2 AND e.course_version_id = v.id))
                     LIMIT 1""").setParameter(1, m.id()).setParameter(2, person == null ? -1L : person).getResultList()
                    .isEmpty();
        }
    }

    /** Evidence of offline training: whoever may see the person it is about (people scope), and its uploader. */
    @ApplicationScoped
    public static class Evidence implements MediaOwnerRule {
        @Inject
        CurrentUser user;

        @Inject
        PeopleScope people;

        @Inject
        PeopleDirectory directory;

        @Override
        public MediaOwner kind() {
            return MediaOwner.EVIDENCE;
        }

        @Override
        public boolean mayRead(MediaRef m) {
            if (m.ownerId() == null) {
                return user.isSysadmin();
            }
            return directory.find(m.ownerId()).filter(people::canSee).isPresent();
        }
    }
}
