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

    /** Counter of heartbeats by path: "fast" (one statement) or "full" (first beat, refusal, completion). */
    public static final String HEARTBEATS = "academy.learning.heartbeats";

    /** Whether the account is linked to a person, so it can take courses. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isLearner() {
        return user.getPersonId() != null;
    }

    /** The learner's person id; 403 for accounts that are not linked to a person. */
    public long learner() {
        return learnerOf(user);
    }

    /** {@link #learner()} without this bean's transaction (static: not intercepted), for the hot paths. */
    static long learnerOf(CurrentUser user) {
        Long id = user.getPersonId();
        if (id == null) {
            throw new ForbiddenException("learning.no_person");
        }
        return id;
    }

    /** 400 for a position or duration a player cannot report. */
    static void checkPosition(double position, Double duration) {
        if (!(position >= 0) || duration != null && !(duration > 0)) {
            throw InvalidException.of("learning.position_invalid").titled("Invalid position");
        }
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

    @Inject
    LearningStatements statements;

    @Inject
    PublishedVersions published;

    /**
     * 我的学习 in three queries whatever the number of plans and courses (issue 16): the
     * learner's enrolments with their progress rows, the open plans with the course graph
     * (courses, published versions, prerequisites — transitively, for the order and the locks),
     * and the year's ledger (whose sum is the hours total). Versions and their lessons are frozen
     * once published and come from {@link PublishedVersions} (one more query for those a node
     * has not seen yet). Plain JDBC: no entity is loaded, so the page can trigger no lazy load.
     */
    @Inject
    LearnerRows rows;

    @Transactional(Transactional.TxType.SUPPORTS)
    public MyLearning myLearning() {
        long person = learner();
        int year = Now.today().getYear();
        Map<Long, LearningStatements.EnrollmentRow> enrollments = enrolmentRows(person);
        LearningStatements.Plans graph = statements.plans(person, enrollments.keySet());
        List<LearningStatements.LedgerRow> entries = statements.ledger(person, year);
        Map<Long, LearningStatements.CourseNode> nodes = graph.courses();
        Set<Long> versionIds = new java.util.HashSet<>();
        for (LearningStatements.CourseNode c : nodes.values()) {
            if (c.publishedVersionId() != null) {
                versionIds.add(c.publishedVersionId());
            }
        }
        enrollments.values().forEach(e -> versionIds.add(e.versionId()));
        Map<Long, PublishedVersions.VersionInfo> versions = published.get(versionIds);

        List<LearningStatements.PlanRow> plans = new ArrayList<>(graph.plans());
        plans.sort(java.util.Comparator.comparing(LearningStatements.PlanRow::dueDate,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparingLong(LearningStatements.PlanRow::id));
        Map<Long, Integer> depths = new HashMap<>();
        Map<Long, CourseState> states = new HashMap<>();
        List<PlanState> planStates = new ArrayList<>();
        BigDecimal target = BigDecimal.valueOf(config.annualHoursTarget());
        for (LearningStatements.PlanRow p : plans) {
            List<LearningStatements.CourseNode> ordered = new ArrayList<>();
            for (long id : p.courseIds()) {
                LearningStatements.CourseNode c = nodes.get(id);
                if (c != null) {
                    ordered.add(c);
                }
            }
            ordered.sort(java.util.Comparator.<LearningStatements.CourseNode> comparingInt(
                    c -> depth(c, nodes, depths, new java.util.HashSet<>()))
                    .thenComparing(LearningStatements.CourseNode::code));
            List<CourseState> cs = new ArrayList<>();
            for (LearningStatements.CourseNode c : ordered) {
                CourseState st = states.computeIfAbsent(c.id(), id -> state(c, enrollments, nodes, versions));
                if (st != null) {
                    cs.add(st);
                }
            }
            planStates.add(new PlanState(p.id(), p.title(), p.year(), p.dueDate(), p.requiredHours(), cs, p.reason()));
            if (p.year() == year && p.requiredHours().compareTo(target) > 0) {
                target = p.requiredHours();
            }
        }
        List<CourseState> others = new ArrayList<>();
        for (LearningStatements.EnrollmentRow e : enrollments.values()) {
            LearningStatements.CourseNode c = nodes.get(e.courseId());
            if (c != null && !states.containsKey(e.courseId())) {
                CourseState st = state(c, enrollments, nodes, versions);
                if (st != null) {
                    others.add(st);
                }
            }
        }
        List<HoursLine> ledger = entries.stream()
                .map(h -> new HoursLine(h.description(), h.hours(), h.source(), h.recordedAt())).toList();
        BigDecimal hours = entries.stream().map(LearningStatements.LedgerRow::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MyLearning(year, hours, target, planStates, others, ledger);
    }

    /** The learner's enrolments with progress: once per request (see {@link LearnerRows}), or read now without one. */
    private Map<Long, LearningStatements.EnrollmentRow> enrolmentRows(long person) {
        return io.quarkus.arc.Arc.container().requestContext().isActive() ? rows.read(person)
                : statements.enrollments(person);
    }

    /** How far the learner is in a course: {@link CourseState#percent()} and whether it is completed. */
    public record CourseProgress(int percent, boolean completed) {
    }

    /**
     * The learner's progress in the given courses (course id → its published version id), as
     * 我的学习 and the catalogue count it: the enrolments are read once per request (none more
     * when 我的学习 has read them), versions come from {@link PublishedVersions}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, CourseProgress> progress(Map<Long, Long> publishedVersionByCourse) {
        Map<Long, LearningStatements.EnrollmentRow> enrollments = enrolmentRows(learner());
        Set<Long> versionIds = new java.util.HashSet<>();
        publishedVersionByCourse.forEach((course, version) -> {
            LearningStatements.EnrollmentRow e = enrollments.get(course);
            versionIds.add(e != null ? e.versionId() : version);
        });
        Map<Long, PublishedVersions.VersionInfo> versions = published.get(versionIds);
        Map<Long, CourseProgress> out = new HashMap<>();
        publishedVersionByCourse.forEach((course, version) -> {
            LearningStatements.EnrollmentRow e = enrollments.get(course);
            PublishedVersions.VersionInfo v = versions.get(e != null ? e.versionId() : version);
            int done = 0;
            int total = 0;
            if (v != null) {
                for (PublishedVersions.LessonInfo l : v.lessons()) {
                    if (l.required()) {
                        total++;
                        LearningStatements.ProgressRow p = e == null ? null : e.progress().get(l.key());
                        done += p != null && p.completed() ? 1 : 0;
                    }
                }
            }
            out.put(course, new CourseProgress(total == 0 ? 100 : done * 100 / total, e != null && e.completed()));
        });
        return out;
    }

    /** Prerequisite depth in the course graph of {@link LearningStatements#plans} (which holds every prerequisite). */
    private static int depth(LearningStatements.CourseNode c, Map<Long, LearningStatements.CourseNode> nodes,
            Map<Long, Integer> memo, Set<Long> path) {
        Integer known = memo.get(c.id());
        if (known != null) {
            return known;
        }
        if (!path.add(c.id())) {
            return 0; // a cycle (the importer refuses them)
        }
        int d = 0;
        for (long pre : c.prerequisites()) {
            LearningStatements.CourseNode n = nodes.get(pre);
            if (n != null) {
                d = Math.max(d, depth(n, nodes, memo, path) + 1);
            }
        }
        path.remove(c.id());
        memo.put(c.id(), d);
        return d;
    }

    /**
     * A course's state from the rows of {@link #myLearning}: the enrolled version, else the
     * published one (null when there is neither); not started, it is locked while prerequisites
     * remain to be completed.
     */
    private static CourseState state(LearningStatements.CourseNode c, Map<Long, LearningStatements.EnrollmentRow> enrollments,
            Map<Long, LearningStatements.CourseNode> nodes, Map<Long, PublishedVersions.VersionInfo> versions) {
        LearningStatements.EnrollmentRow e = enrollments.get(c.id());
        Long versionId = e != null ? Long.valueOf(e.versionId()) : c.publishedVersionId();
        PublishedVersions.VersionInfo v = versionId == null ? null : versions.get(versionId);
        if (v == null) {
            return null;
        }
        Map<String, LearningStatements.ProgressRow> progress = e == null ? Map.of() : e.progress();
        List<LessonState> ls = new ArrayList<>(v.lessons().size());
        int done = 0;
        int total = 0;
        for (PublishedVersions.LessonInfo l : v.lessons()) {
            LearningStatements.ProgressRow p = progress.get(l.key());
            boolean completed = p != null && p.completed();
            if (l.required()) {
                total++;
                if (completed) {
                    done++;
                }
            }
            ls.add(new LessonState(l.id(), l.key(), l.position(), l.title(), l.type(), l.durationMinutes(), l.required(),
                    completed, p == null ? 0 : p.furthest(), p == null ? 0 : p.position(), p == null ? null : p.checkScore()));
        }
        List<Missing> missing = List.of();
        if (e == null && c.prerequisites().length > 0) {
            List<Missing> out = new ArrayList<>();
            for (long preId : c.prerequisites()) {
                LearningStatements.EnrollmentRow pe = enrollments.get(preId);
                LearningStatements.CourseNode pre = nodes.get(preId);
                if ((pe == null || !pe.completed()) && pre != null) {
                    PublishedVersions.VersionInfo pv = pre.publishedVersionId() == null ? null
                            : versions.get(pre.publishedVersionId());
                    out.add(new Missing(pre.code(), pv == null ? pre.code() : pv.title()));
                }
            }
            out.sort(java.util.Comparator.comparing(Missing::code));
            missing = out;
        }
        return new CourseState(c.code(), v.title(), v.summary(), v.creditHours(), v.number(), e != null && e.completed(),
                done, total, ls, missing);
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
     * unless {@code academy.learning.allow-seek-ahead}. The API calls {@link Heartbeats}, whose
     * steady beat is one statement outside any transaction; this is the full path.
     */
    public Progress heartbeat(long lessonId, double position, Double duration) {
        return slowHeartbeat(lessonId, position, duration);
    }

    /** The full heartbeat: creates the progress row, refuses seeking ahead, completes lessons and courses. */
    public Progress slowHeartbeat(long lessonId, double position, Double duration) {
        Context ctx = context(lessonId, true);
        if (ctx.lesson().type != LessonType.VIDEO) {
            throw InvalidException.of("learning.not_video").titled("Not a video");
        }
        checkPosition(position, duration);
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
