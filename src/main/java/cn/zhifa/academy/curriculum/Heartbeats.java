package cn.zhifa.academy.curriculum;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;

/**
 * The video heartbeat (issue 16). A steady beat — the progress row exists, the learner is on the
 * lesson's version, the position is reachable and does not complete the lesson — is one UPDATE
 * outside any transaction ({@link LearningStatements#beat}): no Hibernate session, no JTA
 * transaction, no COMMIT round trip, no account read (the person comes from the session's
 * identity). Everything else — the first beat of a lesson, a refused seek, the beat that
 * completes the lesson or the course — takes {@link LearningService#slowHeartbeat} in a transaction.
 * Deliberately not {@code @Transactional}.
 */
@ApplicationScoped
public class Heartbeats {

    @Inject
    LearningService learning;

    @Inject
    CurrentUser user;

    @Inject
    LearningStatements statements;

    @Inject
    CurriculumConfig config;

    @Inject
    MeterRegistry metrics;

    private Counter fast;
    private Counter full;

    @PostConstruct
    void counters() {
        fast = metrics.counter(LearningService.HEARTBEATS, "path", "fast");
        full = metrics.counter(LearningService.HEARTBEATS, "path", "full");
    }

    public LearningService.Progress beat(long lessonId, double position, Double duration) {
        long person = LearningService.learnerOf(user);
        LearningStatements.LessonRef ref = statements.lessonRef(lessonId);
        if (ref != null && ref.type() == LessonType.VIDEO) {
            LearningService.checkPosition(position, duration);
            LearningService.Progress p = statements.beat(person, ref, position, duration, config.allowSeekAhead(),
                    config.heartbeatSeconds(), config.videoCompletionShare(), Now.today().getYear());
            if (p != null) {
                fast.increment();
                return p;
            }
        }
        full.increment();
        return learning.slowHeartbeat(lessonId, position, duration);
    }
}
