package cn.zhifa.academy.curriculum;

import java.util.Comparator;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.sql.BatchedStatement;
import cn.zhifa.academy.platform.sql.EventLoopPool;
import cn.zhifa.academy.platform.time.Now;

/**
 * The video heartbeat (issue 16). A steady beat — the progress row exists, the learner is on the
 * lesson's version, the position is reachable and does not complete the lesson — is one UPDATE
 * outside any transaction ({@link LearningStatements#beat}): no Hibernate session, no JTA
 * transaction, no COMMIT round trip, no account read (the person comes from the session's
 * identity). Everything else — the first beat of a lesson, a refused seek, the beat that
 * completes the lesson or the course — takes {@link LearningService#slowHeartbeat} in a transaction.
 * Deliberately not {@code @Transactional}. The endpoint uses {@link #beatAsync}: the steady UPDATE
 * is sent from the event loop and batched with concurrent beats (one commit for the batch).
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

    @Inject
    EventLoopPool pool;

    @Inject
    ManagedExecutor workers;

    @Inject
    ThreadContext threads;

    private Counter fast;
    private Counter full;
    private BatchedStatement steady;

    @PostConstruct
    void init() {
        fast = metrics.counter(LearningService.HEARTBEATS, "path", "fast");
        full = metrics.counter(LearningService.HEARTBEATS, "path", "full");
        // lock order within a batch: person (the argument after position and duration), course, lesson
        steady = new BatchedStatement(pool, LearningStatements.BEAT, Comparator.<Tuple> comparingLong(t -> t.getLong(2))
                .thenComparingLong(t -> t.getLong(3)).thenComparing(t -> t.getString(5)));
    }

    /**
     * {@link #beat} without blocking the event loop: when the lesson is in memory, the steady
     * beat's one UPDATE goes out on the {@link EventLoopPool}, batched with the beats arriving
     * meanwhile ({@link BatchedStatement}); anything else (no row: the first beat, a refused seek,
     * the completing beat; or a lesson not in memory; or an identity without a person) takes the
     * blocking path on a worker thread, with this request's context.
     */
    public Uni<LearningService.Progress> beatAsync(long lessonId, double position, Double duration) {
        // captured once, now, while the request's context is active: a fallback may run after the
        // UPDATE (false: the blocking beat, which decides itself; true: the full path at once)
        Function<Boolean, LearningService.Progress> fallback = threads.contextualFunction(fullPath -> {
            if (!fullPath) {
                return beat(lessonId, position, duration);
            }
            full.increment();
            return learning.slowHeartbeat(lessonId, position, duration);
        });
        return user.personIdAsync().chain(person -> {
            LearningStatements.LessonRef ref = person == null ? null : statements.cachedLessonRef(lessonId);
            if (ref == null || ref.type() != LessonType.VIDEO) {
                return Uni.createFrom().item(() -> fallback.apply(false)).runSubscriptionOn(workers);
            }
            LearningService.checkPosition(position, duration);
            Tuple args = Tuple.tuple().addDouble(position).addDouble(duration).addLong(person).addLong(ref.courseId())
                    .addLong(ref.courseVersionId()).addString(ref.lessonKey()).addBoolean(config.allowSeekAhead())
                    .addDouble((double) config.heartbeatSeconds()).addDouble(config.videoCompletionShare())
                    .addInteger(Now.today().getYear());
            return UniHelper.toUni(steady.execute(args)).chain(rows -> {
                RowIterator<Row> it = rows.iterator();
                if (!it.hasNext()) {
                    return Uni.createFrom().item(() -> fallback.apply(true)).runSubscriptionOn(workers);
                }
                Row r = it.next();
                fast.increment();
                return Uni.createFrom().item(new LearningService.Progress(r.getDouble(0), r.getDouble(1),
                        r.getBoolean(2), false, r.getBigDecimal(3)));
            });
        });
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
