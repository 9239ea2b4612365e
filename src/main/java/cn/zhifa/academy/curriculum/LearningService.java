package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;

/**
 * Learning (学习): enrolment on first opening, progress heartbeats that only ever move the
 * furthest point forward as far as a learner can really have watched, completion rules, and
 * the hours ledger (学时台账) credited once per course per person per year.
 */
@ApplicationScoped
@Transactional
public class LearningService {

    /** @deprecated the zone is configurable (academy.time-zone): use {@link Now#zone()}. */
    @Deprecated
    static final java.time.ZoneId ZONE = Now.DEFAULT_ZONE_ID;

    @Inject
    CurrentUser user;

    @Inject
    CurriculumConfig config;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** Counter of heartbeats by path: "fast" (one statement) or "full" (first beat, refusal, completion). */
    public static final String HEARTBEATS = "academy.learning.heartbeats";

    /** Whether the account is linked to a person, so it can take courses. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isLearner() {
        return user.getPersonId() != null;
    }

    /** The learner's person id; 403 for accounts that are not linked to a person. */
    public long learner() {
        Long id = user.getPersonId();
        if (id == null) {
            throw new ForbiddenException("learning.no_person");
        }
        return id;
    }

    // ---- views -------------------------------------------------------------------------

    public record LessonState(long lessonId, String key, int position, String title, LessonType type,
            int durationMinutes, boolean required, boolean completed, double furthestSeconds, double positionSeconds,
            Integer checkScore) {
    }

    /** A prerequisite the learner has not completed yet: what to finish first, with a link. */
    public record Missing(String code, String title) {
    }

    /**
     * A course as the learner sees it. {@code missing} lists the prerequisites still to finish
     * when the learner has not started the course: then it is locked (shown with a lock and
     * "请先完成《…》", never as an error).
     */
    public record CourseState(String code, String title, String summary, BigDecimal creditHours, int version,
            boolean completed, int requiredDone, int requiredTotal, List<LessonState> lessons, List<Missing> missing) {
        public int percent() {
            return requiredTotal == 0 ? 100 : requiredDone * 100 / requiredTotal;
        }

        public boolean locked() {
            return !missing.isEmpty();
        }
    }

    /** {@code reason}: why the learner was assigned by name (renewal, 评查整改学习), else null. */
    public record PlanState(long planId, String title, int year, LocalDate dueDate, BigDecimal requiredHours,
            List<CourseState> courses, String reason) {
    }

    public record MyLearning(int year, BigDecimal hours, BigDecimal target, List<PlanState> plans,
            List<CourseState> otherCourses, List<HoursLine> ledger) {
        public int percent() {
            return target.signum() == 0 ? 100
                    : Math.min(100, hours.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.DOWN).intValue());
        }
    }

    public record HoursLine(String description, BigDecimal hours, String source, Instant recordedAt) {
    }

    /**
     * 我的学习 in a fixed number of queries whatever the number of plans and courses (issue 16):
     * the learner's plans with their courses, the enrolments, the prerequisites, the course
     * versions, their lessons, the learner's progress rows and the year's ledger — each one
     * query for all courses (the hours total is the ledger's sum).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MyLearning myLearning() {
        long person = learner();
        int year = Now.today().getYear();
        List<TrainingPlan> plans = TrainingPlan.list(
                "SELECT DISTINCT p FROM TrainingPlan p LEFT JOIN FETCH p.courses, PlanAssignment a WHERE a.planId = p.id "
                        + "AND a.personId = ?1 AND a.status = ?2 AND p.status = ?3",
                person, PlanAssignment.Status.OPEN, TrainingPlan.Status.ACTIVE);
        plans = new ArrayList<>(plans);
        plans.sort(java.util.Comparator.comparing((TrainingPlan p) -> p.dueDate,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        Map<Long, Enrollment> enrollments = enrollmentsOf(person);
        Map<Long, Course> courses = new HashMap<>();
        plans.forEach(p -> p.courses.forEach(c -> courses.put(c.id, c)));
        List<Long> otherIds = enrollments.keySet().stream().filter(id -> !courses.containsKey(id)).toList();
        if (!otherIds.isEmpty()) {
            Course.<Course> list("SELECT DISTINCT c FROM Course c LEFT JOIN FETCH c.prerequisites WHERE c.id IN ?1", otherIds)
                    .forEach(c -> courses.put(c.id, c));
        }
        Batch batch = new Batch();
        batch.preload(courses.values(), enrollments);
        Map<Long, CourseState> states = new HashMap<>();
        List<PlanState> planStates = new ArrayList<>();
        BigDecimal target = BigDecimal.valueOf(config.annualHoursTarget());
        for (TrainingPlan p : plans) {
            List<CourseState> cs = new ArrayList<>();
            for (Course c : prerequisiteOrder(p.courses)) {
                cs.add(states.computeIfAbsent(c.id, id -> state(c, enrollments.get(id), enrollments, batch)));
            }
            String reason = PlanAssignment.<PlanAssignment> find("planId = ?1 AND personId = ?2", p.id, person)
                    .firstResultOptional().map(a -> a.pinnedReason).orElse(null);
            planStates.add(new PlanState(p.id, p.title, p.year, p.dueDate, p.requiredHours, cs, reason));
            if (p.year == year && p.requiredHours.compareTo(target) > 0) {
                target = p.requiredHours;
            }
        }
        List<CourseState> others = new ArrayList<>();
        for (Enrollment e : enrollments.values()) {
            if (!states.containsKey(e.courseId)) {
                others.add(state(courses.get(e.courseId), e, enrollments, batch));
            }
        }
        List<HoursEntry> entries = HoursEntry.<HoursEntry> list("personId = ?1 AND year = ?2 ORDER BY recordedAt DESC",
                person, year);
        List<HoursLine> ledger = entries.stream()
                .map(h -> new HoursLine(h.description, h.hours, h.source.name(), h.recordedAt)).toList();
        BigDecimal hours = entries.stream().map(h -> h.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MyLearning(year, hours, target, planStates, others, ledger);
    }

    /**
     * Course versions, lessons and progress rows, loaded for many courses at once
     * ({@link #preload}) or one by one on demand (the single-course pages).
     */
    static final class Batch {
        final Map<Long, CourseVersion> versions = new HashMap<>();
        final Map<Long, List<Lesson>> lessons = new HashMap<>();
        final Map<Long, Map<String, LessonProgress>> progress = new HashMap<>();

        CourseVersion version(long id) {
            return versions.computeIfAbsent(id, x -> CourseVersion.<CourseVersion> findById(x));
        }

        List<Lesson> lessons(long versionId) {
            return lessons.computeIfAbsent(versionId, Lesson::ofVersion);
        }

        Map<String, LessonProgress> progress(long enrollmentId) {
            return progress.computeIfAbsent(enrollmentId, id -> LessonProgress.<LessonProgress> list("enrollmentId", id)
                    .stream().collect(Collectors.toMap(p -> p.lessonKey, p -> p)));
        }

        /** One query each for the versions (enrolled, published, prerequisites'), lessons and progress. */
        void preload(java.util.Collection<Course> courses, Map<Long, Enrollment> enrollments) {
            Set<Long> versionIds = new java.util.HashSet<>();
            for (Course c : courses) {
                Enrollment e = enrollments.get(c.id);
                Long v = e != null ? e.courseVersionId : c.publishedVersionId;
                if (v != null) {
                    versionIds.add(v);
                }
                for (Course pre : c.prerequisites) {
                    if (pre.publishedVersionId != null) {
                        versionIds.add(pre.publishedVersionId);
                    }
                }
            }
            if (!versionIds.isEmpty()) {
                CourseVersion.<CourseVersion> list("id IN ?1", versionIds).forEach(v -> versions.put(v.id, v));
                versionIds.forEach(id -> lessons.put(id, new ArrayList<>()));
                Lesson.<Lesson> list("courseVersionId IN ?1 ORDER BY courseVersionId, position", versionIds)
                        .forEach(l -> lessons.get(l.courseVersionId).add(l));
            }
            if (!enrollments.isEmpty()) {
                List<Long> ids = enrollments.values().stream().map(e -> e.id).toList();
                ids.forEach(id -> progress.put(id, new HashMap<>()));
                LessonProgress.<LessonProgress> list("enrollmentId IN ?1", ids)
                        .forEach(p -> progress.get(p.enrollmentId).put(p.lessonKey, p));
            }
        }
    }

    /** Published courses a learner may open, for the catalogue. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CourseState> catalogue() {
        long person = learner();
        Map<Long, Enrollment> enrollments = Enrollment.<Enrollment> list("personId", person).stream()
                .collect(Collectors.toMap(e -> e.courseId, e -> e));
        List<Course> courses = prerequisiteOrder(Course.<Course> list("status = ?1 ORDER BY code", Course.Status.PUBLISHED));
        Batch batch = new Batch();
        batch.preload(courses, enrollments);
        return courses.stream().map(c -> state(c, enrollments.get(c.id), enrollments, batch)).toList();
    }

    /**
     * The courses in the order they can be taken: by prerequisite depth (a course after all its
     * prerequisites, direct or not), then by code — stable between visits (plans hold their
     * courses as a set, whose order changes between loads).
     */
    static List<Course> prerequisiteOrder(java.util.Collection<Course> courses) {
        Map<Long, Integer> depth = new HashMap<>();
        List<Course> out = new ArrayList<>(courses);
        out.sort(java.util.Comparator.<Course> comparingInt(c -> depth(c, depth, new java.util.HashSet<>()))
                .thenComparing(c -> c.code));
        return out;
    }

    private static int depth(Course c, Map<Long, Integer> memo, Set<Long> path) {
        Integer known = memo.get(c.id);
        if (known != null) {
            return known;
        }
        if (!path.add(c.id)) {
            return 0; // a cycle (the importer refuses them)
        }
        int d = 0;
        for (Course pre : c.prerequisites) {
            d = Math.max(d, depth(pre, memo, path) + 1);
        }
        path.remove(c.id);
        memo.put(c.id, d);
        return d;
    }

    /** Prerequisites of a course the learner has not completed (by the learner's enrolments). */
    static List<Missing> missing(Course c, Map<Long, Enrollment> enrollments) {
        return missing(c, enrollments, new Batch());
    }

    static List<Missing> missing(Course c, Map<Long, Enrollment> enrollments, Batch batch) {
        List<Missing> out = new ArrayList<>();
        for (Course pre : c.prerequisites) {
            Enrollment pe = enrollments.get(pre.id);
            if (pe == null || pe.completedAt == null) {
                CourseVersion pv = pre.publishedVersionId == null ? null : batch.version(pre.publishedVersionId);
                out.add(new Missing(pre.code, pv == null ? pre.code : pv.title));
            }
        }
        out.sort(java.util.Comparator.comparing(Missing::code));
        return out;
    }

    private Map<Long, Enrollment> enrollmentsOf(long person) {
        return Enrollment.<Enrollment> list("personId", person).stream().collect(Collectors.toMap(x -> x.courseId, x -> x));
    }

    CourseState state(Course c, Enrollment e) {
        return state(c, e, Map.of());
    }

    /** A course's state; not started yet, it is locked while {@link #missing} prerequisites remain. */
    CourseState state(Course c, Enrollment e, Map<Long, Enrollment> enrollments) {
        return state(c, e, enrollments, new Batch());
    }

    CourseState state(Course c, Enrollment e, Map<Long, Enrollment> enrollments, Batch batch) {
        long versionId = e != null ? e.courseVersionId : c.publishedVersionId;
        CourseVersion v = batch.version(versionId);
        List<Lesson> lessons = batch.lessons(versionId);
        Map<String, LessonProgress> progress = e == null ? Map.of() : batch.progress(e.id);
        List<LessonState> ls = new ArrayList<>();
        int done = 0;
        int total = 0;
        for (Lesson l : lessons) {
            LessonProgress p = progress.get(l.lessonKey);
            boolean completed = p != null && p.completedAt != null;
            if (l.required) {
                total++;
                if (completed) {
                    done++;
                }
            }
            ls.add(new LessonState(l.id, l.lessonKey, l.position, l.title, l.type, l.durationMinutes, l.required,
                    completed, p == null ? 0 : p.furthestSeconds.doubleValue(),
                    p == null ? 0 : p.positionSeconds.doubleValue(), p == null ? null : p.checkScore));
        }
        return new CourseState(c.code, v.title, v.summary, v.creditHours, v.number, e != null && e.completedAt != null,
                done, total, ls, e == null ? missing(c, enrollments, batch) : List.of());
    }

    /**
     * The course page: opens (enrols) the course when its prerequisites are done; otherwise the
     * locked course with what to finish first, without enrolling and without an error.
     */
    public CourseState openOrLocked(String code) {
        long person = learner();
        Course c = published(code);
        if (Enrollment.of(person, c.id).isEmpty()) {
            CourseState preview = state(c, null, enrollmentsOf(person));
            if (preview.locked()) {
                return preview;
            }
        }
        return open(code);
    }

    /** The course code of a lesson when that course is still locked for the learner, for the pages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<String> lockedCourseOf(long lessonId) {
        long person = learner();
        Lesson l = Lesson.<Lesson> findByIdOptional(lessonId)
                .orElseThrow(() -> new NotFoundException("lesson.not_found", lessonId));
        Course c = Course.findById(CourseVersion.<CourseVersion> findById(l.courseVersionId).courseId);
        if (Enrollment.of(person, c.id).isPresent()) {
            return java.util.Optional.empty();
        }
        return missing(c, enrollmentsOf(person)).isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(c.code);
    }

    // ---- enrolment and lessons ---------------------------------------------------------

    /** Opens a course for the learner, enrolling them on the published version the first time. */
    public CourseState open(String code) {
        long person = learner();
        Course c = published(code);
        Enrollment e = Enrollment.of(person, c.id).orElse(null);
        if (e == null) {
            for (Course pre : c.prerequisites) {
                boolean done = Enrollment.of(person, pre.id).map(x -> x.completedAt != null).orElse(false);
                if (!done) {
                    throw new ConflictException("learning.prerequisite_missing",
                            CourseVersion.<CourseVersion> findById(pre.publishedVersionId).title).titled("Prerequisite missing");
                }
            }
            e = new Enrollment();
            e.personId = person;
            e.courseId = c.id;
            e.courseVersionId = c.publishedVersionId;
            e.persist();
        }
        return state(c, e);
    }

    /** A lesson of the learner's enrolled version, with the learner's progress row (locked). */
    public record Context(Lesson lesson, Enrollment enrollment, LessonProgress progress, Course course) {
    }

    public Context context(long lessonId, boolean lock) {
        long person = learner();
        Lesson l = Lesson.<Lesson> findByIdOptional(lessonId)
                .orElseThrow(() -> new NotFoundException("lesson.not_found", lessonId));
        CourseVersion v = CourseVersion.findById(l.courseVersionId);
        Course c = Course.findById(v.courseId);
        Enrollment e = Enrollment.of(person, c.id).orElse(null);
        if (e == null) {
            open(c.code);
            e = Enrollment.of(person, c.id).orElseThrow();
        }
        if (!e.courseVersionId.equals(l.courseVersionId)) {
            // the learner is on another version: use that version's lesson with the same key
            Lesson same = Lesson.<Lesson> find("courseVersionId = ?1 AND lessonKey = ?2", e.courseVersionId, l.lessonKey)
                    .firstResultOptional()
                    .orElseThrow(() -> new NotFoundException("learning.lesson_not_in_version"));
            l = same;
        }
        LessonProgress p = LessonProgress.<LessonProgress> find("enrollmentId = ?1 AND lessonKey = ?2", e.id, l.lessonKey)
                .withLock(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE).firstResultOptional().orElse(null);
        if (p == null) {
            p = new LessonProgress();
            p.enrollmentId = e.id;
            p.lessonKey = l.lessonKey;
            p.persist();
            em.flush();
        }
        return new Context(l, e, p, c);
    }

    /** Outcome of a heartbeat or completion. */
    public record Progress(double furthestSeconds, double positionSeconds, boolean lessonCompleted,
            boolean courseCompleted, BigDecimal hoursThisYear) {
    }

    /**
     * Records the player's position. The furthest point advances at most by what a learner can
     * have watched since the last heartbeat (plus tolerance), so seeking ahead is refused
     * unless {@code academy.learning.allow-seek-ahead}.
     */
    public Progress heartbeat(long lessonId, double position, Double duration) {
        LessonRef ref = lessonRef(lessonId);
        if (ref != null && ref.type() == LessonType.VIDEO) {
            if (!(position >= 0) || duration != null && !(duration > 0)) {
                throw InvalidException.of("learning.position_invalid").titled("Invalid position");
            }
            Progress fast = fastHeartbeat(ref, position, duration);
            if (fast != null) {
                metrics.counter(HEARTBEATS, "path", "fast").increment();
                return fast;
            }
        }
        metrics.counter(HEARTBEATS, "path", "full").increment();
        return slowHeartbeat(lessonId, position, duration);
    }

    /** What a heartbeat needs of a lesson; lessons of a version never change once learners can be enrolled on it. */
    record LessonRef(long courseVersionId, long courseId, String lessonKey, LessonType type) {
    }

    private static final java.util.concurrent.ConcurrentMap<Long, LessonRef> LESSONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The lesson → course cache of the heartbeat (issue 16); null for an unknown lesson. */
    LessonRef lessonRef(long lessonId) {
        LessonRef ref = LESSONS.get(lessonId);
        if (ref != null) {
            return ref;
        }
        List<Object[]> rows = em.createQuery("SELECT l.courseVersionId, v.courseId, l.lessonKey, l.type FROM Lesson l, "
                + "CourseVersion v WHERE v.id = l.courseVersionId AND l.id = ?1", Object[].class).setParameter(1, lessonId)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        ref = new LessonRef((Long) r[0], (Long) r[1], (String) r[2], (LessonType) r[3]);
        if (LESSONS.size() > 20_000) {
            LESSONS.clear(); // bounded: lessons are few, this only guards against a runaway
        }
        LESSONS.put(lessonId, ref);
        return ref;
    }

    /**
     * The common heartbeat in one statement (issue 16): the learner's progress row on the
     * enrolled version is updated with the furthest-point rule evaluated in SQL on the locked
     * row, and the year's hours come back with it. Returns null — and the full path decides —
     * when there is no row yet (first heartbeat, other version), when the position is beyond
     * what could have been watched (the full path refuses it with 409), or when this heartbeat
     * completes the lesson (the full path completes the lesson and perhaps the course).
     */
    Progress fastHeartbeat(LessonRef ref, double position, Double duration) {
        long person = learner();
        int hb = config.heartbeatSeconds();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE lesson_progress lp SET "
                + "position_seconds = round(CAST(?1 AS numeric), 1), "
                + "duration_seconds = CASE WHEN ?2 < 0 THEN lp.duration_seconds ELSE round(CAST(?2 AS numeric), 1) END, "
                + "furthest_seconds = GREATEST(lp.furthest_seconds, round(CAST(?1 AS numeric), 1)), "
                + "updated_at = clock_timestamp() "
                + "FROM enrollment e WHERE e.person_id = ?3 AND e.course_id = ?4 AND e.course_version_id = ?5 "
                + "AND lp.enrollment_id = e.id AND lp.lesson_key = ?6 "
                // the furthest-point rule: at most what could be watched since the last heartbeat
                + "AND (?7 OR ?1 <= CAST(lp.furthest_seconds AS float8) + LEAST(GREATEST(CAST(?8 AS float8), "
                + "EXTRACT(EPOCH FROM clock_timestamp() - lp.updated_at)), 3.0 * ?8) * 1.5 + 2) "
                // a heartbeat that completes the lesson takes the full path
                + "AND NOT (lp.completed_at IS NULL AND (CASE WHEN ?2 < 0 THEN lp.duration_seconds "
                + "ELSE round(CAST(?2 AS numeric), 1) END) IS NOT NULL AND GREATEST(lp.furthest_seconds, "
                + "round(CAST(?1 AS numeric), 1)) >= (CASE WHEN ?2 < 0 THEN lp.duration_seconds "
                + "ELSE round(CAST(?2 AS numeric), 1) END) * ?9) "
                + "RETURNING CAST(lp.furthest_seconds AS float8), CAST(lp.position_seconds AS float8), "
                + "lp.completed_at IS NOT NULL, (SELECT COALESCE(SUM(h.hours), 0) FROM hours_ledger h "
                + "WHERE h.person_id = ?3 AND h.year = ?10)")
                .setParameter(1, position).setParameter(2, duration == null ? -1.0 : duration)
                .setParameter(3, person).setParameter(4, ref.courseId()).setParameter(5, ref.courseVersionId())
                .setParameter(6, ref.lessonKey()).setParameter(7, config.allowSeekAhead()).setParameter(8, hb)
                .setParameter(9, config.videoCompletionShare()).setParameter(10, Now.today().getYear())
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Progress(((Number) r[0]).doubleValue(), ((Number) r[1]).doubleValue(), (Boolean) r[2], false,
                new BigDecimal(r[3].toString()));
    }

    /** The full heartbeat: creates the progress row, refuses seeking ahead, completes lessons and courses. */
    Progress slowHeartbeat(long lessonId, double position, Double duration) {
        Context ctx = context(lessonId, true);
        if (ctx.lesson().type != LessonType.VIDEO) {
            throw InvalidException.of("learning.not_video").titled("Not a video");
        }
        if (!(position >= 0) || duration != null && !(duration > 0)) {
            throw InvalidException.of("learning.position_invalid").titled("Invalid position");
        }
        LessonProgress p = ctx.progress();
        double furthest = p.furthestSeconds.doubleValue();
        double elapsed = p.updatedAt == null ? 0 : (Now.instant().toEpochMilli() - p.updatedAt.toEpochMilli()) / 1000.0;
        // at most what could be watched since the last heartbeat (capped, so a long pause is no
        // licence to jump), at up to 1.5× speed, plus two seconds of slack
        int hb = config.heartbeatSeconds();
        double reachable = furthest + Math.min(Math.max(hb, elapsed), 3.0 * hb) * 1.5 + 2;
        if (!config.allowSeekAhead() && position > reachable) {
            throw new ConflictException("learning.seek_ahead", Math.round(furthest)).titled("Seeking ahead");
        }
        if (duration != null) {
            p.durationSeconds = BigDecimal.valueOf(duration).setScale(1, RoundingMode.HALF_UP);
        }
        p.positionSeconds = BigDecimal.valueOf(position).setScale(1, RoundingMode.HALF_UP);
        if (position > furthest) {
            p.furthestSeconds = p.positionSeconds;
        }
        p.updatedAt = Now.instant();
        boolean lessonDone = false;
        if (p.completedAt == null && p.durationSeconds != null
                && p.furthestSeconds.doubleValue() >= p.durationSeconds.doubleValue() * config.videoCompletionShare()) {
            p.completedAt = Now.instant();
            lessonDone = true;
        }
        boolean courseDone = lessonDone && completeCourseIfDone(ctx);
        return new Progress(p.furthestSeconds.doubleValue(), p.positionSeconds.doubleValue(), p.completedAt != null,
                courseDone, HoursEntry.total(ctx.enrollment().personId, Now.today().getYear()));
    }

    /** Marks a reading lesson (article, slides, case) as read. */
    public Progress markRead(long lessonId) {
        Context ctx = context(lessonId, true);
        if (ctx.lesson().type == LessonType.VIDEO || ctx.lesson().type == LessonType.CHECK) {
            throw InvalidException.of("learning.not_reading").titled("Not a reading lesson");
        }
        LessonProgress p = ctx.progress();
        boolean courseDone = false;
        if (p.completedAt == null) {
            p.completedAt = Now.instant();
            p.updatedAt = p.completedAt;
            courseDone = completeCourseIfDone(ctx);
        }
        return new Progress(0, 0, true, courseDone, HoursEntry.total(ctx.enrollment().personId, Now.today().getYear()));
    }

    /** Everything the lesson player needs — never a check's keys. */
    public record LessonView(long lessonId, String courseCode, String courseTitle, String title, LessonType type,
            int durationMinutes, boolean required, String bodyHtml, String mediaUrl, String subtitlesUrl,
            String caseCode, List<CheckQuestion.LearnerView> questions, Integer passScore, double positionSeconds,
            double furthestSeconds, boolean completed, Integer checkScore, boolean allowSeekAhead,
            int heartbeatSeconds, Long previousLessonId, Long nextLessonId,
            cn.zhifa.academy.caselibrary.CaseView embeddedCase) {
    }

    @Inject
    cn.zhifa.academy.caselibrary.CaseLibraryService cases;

    public LessonView lessonView(long lessonId) {
        Context ctx = context(lessonId, false);
        Lesson l = ctx.lesson();
        CourseVersion v = CourseVersion.findById(l.courseVersionId);
        List<Lesson> all = Lesson.ofVersion(l.courseVersionId);
        int i = 0;
        while (i < all.size() && !all.get(i).id.equals(l.id)) {
            i++;
        }
        LessonProgress p = ctx.progress();
        return new LessonView(l.id, ctx.course().code, v.title, l.title, l.type, l.durationMinutes, l.required,
                cn.zhifa.academy.content.Markdown.toSafeHtml(l.bodyMd), url(l.mediaId), url(l.subtitlesMediaId),
                l.caseCode, l.type == LessonType.CHECK ? checkQuestions(l) : List.of(), l.passScore,
                p.positionSeconds.doubleValue(), p.furthestSeconds.doubleValue(), p.completedAt != null, p.checkScore,
                config.allowSeekAhead(), config.heartbeatSeconds(), i > 0 ? all.get(i - 1).id : null,
                i + 1 < all.size() ? all.get(i + 1).id : null,
                l.type == LessonType.CASE && l.caseCode != null ? cases.findPublished(l.caseCode).orElse(null) : null);
    }

    @Inject
    cn.zhifa.academy.storage.MediaService media;

    private String url(Long mediaId) {
        if (mediaId == null) {
            return null;
        }
        try {
            return media.downloadUrl(media.find(mediaId).orElseThrow()).url();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("media " + mediaId + " unavailable", e);
        }
    }

    /** The check's questions without keys. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CheckQuestion.LearnerView> checkQuestions(Lesson l) {
        List<CheckQuestion> qs = questions(l);
        List<CheckQuestion.LearnerView> out = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            out.add(qs.get(i).forLearner(i));
        }
        return out;
    }

    /** Result of a check: the score and, now that it is answered, the keys and explanations. */
    public record CheckResult(int score, int passScore, boolean passed, List<CheckFeedback> feedback, Progress progress) {
        /** The feedback of question {@code index} (0-based), for the review beside each question. */
        public CheckFeedback feedbackFor(int index) {
            return feedback.stream().filter(f -> f.index() == index).findFirst()
                    .orElse(new CheckFeedback(index, null, "", false, ""));
        }
    }

    /**
     * One answered question: the learner's own answer, the key and the explanation (issue 13 item
     * 10: shown like the exam review, option by option).
     */
    public record CheckFeedback(int index, String given, String key, boolean correct, String explanation) {
        /** Whether the learner chose this option letter. */
        public boolean chose(String letter) {
            return given != null && java.util.Arrays.asList(CheckQuestion.normalise(given).split(",")).contains(letter);
        }

        /** Whether the option letter is (part of) the key. */
        public boolean isKey(String letter) {
            return key != null && java.util.Arrays.asList(CheckQuestion.normalise(key).split(",")).contains(letter);
        }

        public boolean answered() {
            return given != null && !given.isBlank();
        }

        /** Letters as typed on paper: "A,C" → "AC". */
        public String givenLetters() {
            return given == null ? "" : CheckQuestion.normalise(given).replace(",", "");
        }

        public String keyLetters() {
            return key == null ? "" : CheckQuestion.normalise(key).replace(",", "");
        }
    }

    public CheckResult submitCheck(long lessonId, Map<Integer, String> answers) {
        Context ctx = context(lessonId, true);
        if (ctx.lesson().type != LessonType.CHECK) {
            throw InvalidException.of("learning.not_check").titled("Not a check");
        }
        List<CheckQuestion> qs = questions(ctx.lesson());
        int correct = 0;
        List<CheckFeedback> feedback = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            String given = answers.get(i);
            boolean ok = qs.get(i).accepts(given);
            correct += ok ? 1 : 0;
            feedback.add(new CheckFeedback(i, given, qs.get(i).answer(), ok, qs.get(i).explanation()));
        }
        int score = qs.isEmpty() ? 100 : correct * 100 / qs.size();
        int pass = ctx.lesson().passScore == null ? 60 : ctx.lesson().passScore;
        LessonProgress p = ctx.progress();
        p.checkScore = p.checkScore == null ? score : Math.max(p.checkScore, score);
        p.updatedAt = Now.instant();
        boolean courseDone = false;
        if (score >= pass && p.completedAt == null) {
            p.completedAt = Now.instant();
            courseDone = completeCourseIfDone(ctx);
        }
        audit.record("lesson.check_submitted", "lesson", ctx.lesson().id,
                AuditLog.detail("person", ctx.enrollment().personId, "score", score, "passed", score >= pass));
        return new CheckResult(score, pass, score >= pass, feedback, new Progress(0, 0, p.completedAt != null, courseDone,
                HoursEntry.total(ctx.enrollment().personId, Now.today().getYear())));
    }

    List<CheckQuestion> questions(Lesson l) {
        try {
            return l.checkJson == null ? List.of() : json.readValue(l.checkJson, new TypeReference<List<CheckQuestion>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bad check JSON in lesson " + l.id, e);
        }
    }

    /**
     * Completes the course when every required lesson of the enrolled version is done, and
     * credits its hours once per person, course and year (a unique index makes it exactly once
     * even when two requests race).
     */
    boolean completeCourseIfDone(Context ctx) {
        Enrollment e = ctx.enrollment();
        if (e.completedAt != null) {
            return false;
        }
        em.flush();
        Set<String> required = Lesson.<Lesson> list("courseVersionId = ?1 AND required = true", e.courseVersionId).stream()
                .map(l -> l.lessonKey).collect(Collectors.toSet());
        Set<String> done = LessonProgress.<LessonProgress> list("enrollmentId = ?1 AND completedAt IS NOT NULL", e.id)
                .stream().map(p -> p.lessonKey).collect(Collectors.toSet());
        if (!done.containsAll(required)) {
            return false;
        }
        e.completedAt = Now.instant();
        CourseVersion v = CourseVersion.findById(e.courseVersionId);
        int year = Now.today().getYear();
        int credited = em.createNativeQuery("INSERT INTO hours_ledger (person_id, year, hours, source, course_id, "
                + "description, recorded_by) VALUES (?1, ?2, ?3, 'COURSE', ?4, ?5, 'system') "
                + "ON CONFLICT (person_id, course_id, year) WHERE source = 'COURSE' DO NOTHING")
                .setParameter(1, e.personId).setParameter(2, year).setParameter(3, v.creditHours)
                .setParameter(4, e.courseId).setParameter(5, CurriculumText.records().record_course_completed(v.title)).executeUpdate();
        audit.record("course.completed", "enrollment", e.id, AuditLog.detail("person", e.personId, "course",
                ctx.course().code, "version", v.number, "hoursCredited", credited == 1 ? v.creditHours : 0));
        return true;
    }

    Course published(String code) {
        Course c = Course.byCode(code).orElseThrow(() -> new NotFoundException("course.not_found", code));
        if (c.publishedVersionId == null || c.status == Course.Status.ARCHIVED) {
            throw new NotFoundException("course.not_published", code);
        }
        return c;
    }
}
