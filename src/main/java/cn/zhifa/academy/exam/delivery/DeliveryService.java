package cn.zhifa.academy.exam.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.smallrye.mutiny.Uni;

import cn.zhifa.academy.exam.AttemptItem;
import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.exam.ExamMessages;
import cn.zhifa.academy.exam.ExamOverride;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.ExamText;
import cn.zhifa.academy.exam.Json;
import cn.zhifa.academy.exam.Terms;
import cn.zhifa.academy.exam.bank.QuestionCache;
import cn.zhifa.academy.exam.grading.Grading;
import cn.zhifa.academy.exam.paper.Papers;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.records.ExamRecords;

/**
 * The candidate's side of an exam: start (drawing their paper), the paper, answer saves with
 * sequence numbers, device takeover, submission and the result.
 */
@ApplicationScoped
public class DeliveryService {

    @Inject
    EntityManager em;

    @Inject
    ExamRecords examRecords;

    @Inject
    PeopleDirectory people;

    @Inject
    ExamService exams;

    @Inject
    Papers papers;

    @Inject
    QuestionCache questions;

    @Inject
    Grading grading;

    @Inject
    ExamConfig config;

    @Inject
    AuditLog audit;

    @Inject
    DeliveryStatements statements;

    @Inject
    AnswerWriter writer;

    @Inject
    org.eclipse.microprofile.context.ManagedExecutor workers;

    @Inject
    PaperPreparation preparation;

    @Inject
    PaperCache paperCache;

    @Inject
    StartWriter startWriter;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** The full path of a start that the batch could not take (rare: overrides, a second 开始, a refusal). */
    private final java.util.concurrent.ExecutorService fallback = java.util.concurrent.Executors.newFixedThreadPool(4,
            r -> {
                Thread t = new Thread(r, "exam-start-full-path");
                t.setDaemon(true);
                return t;
            });

    @jakarta.annotation.PreDestroy
    void stopFallback() {
        fallback.shutdownNow();
    }

    /** A started paper as sent: the attempt and the paper's JSON. */
    public record StartedPaper(long attemptId, byte[] json) {
    }

    /**
     * 开始, the exam day's way (issue 11): a paper this node holds prepared ({@link PaperCache}) is
     * started by the batch writer ({@link StartWriter}: one UPDATE for every start waiting, the
     * answer sent after its commit) and sent as the bytes rendered when it was drawn, with the
     * stamped start and deadline; no Hibernate, no per-start query of its own. Anything else
     * takes the full path of {@link #startWithPaper}. Completes exceptionally with the
     * domain error of a refusal ({@code platform.error}).
     */
    public java.util.concurrent.CompletableFuture<StartedPaper> start(long examId, long personId, String deviceId) {
        String device = device(deviceId);
        PaperCache.Prepared p = paperCache.get(examId, personId);
        java.util.concurrent.CompletableFuture<StartedPaper> out = new java.util.concurrent.CompletableFuture<>();
        if (p == null) {
            // never on the caller's thread, which may be an event loop (see holdsPrepared)
            fallback.execute(() -> fullPath(out, examId, personId, device, null));
            return out;
        }
        startWriter.start(p.attemptId(), personId, device).whenComplete((started, err) -> {
            if (err == null && started != null) {
                try {
                    paperCache.remove(p);
                    paperCache.markStarted(examId, personId);
                    statements.remember(p.attemptId(),
                            new DeliveryStatements.Layout(personId, examId, p.versions(), p.orders()));
                    out.complete(new StartedPaper(p.attemptId(), assemble(p, started)));
                } catch (RuntimeException e) {
                    out.completeExceptionally(e);
                }
                return;
            }
            fallback.execute(() -> fullPath(out, examId, personId, device, p));
        });
        return out;
    }

    /** Whether this node holds the person's prepared paper: 开始 then needs no thread of its own (memory only). */
    public boolean holdsPrepared(long examId, long personId) {
        return paperCache.get(examId, personId) != null;
    }

    /** 开始 on the full path, rendered as sent (blocking: on a worker thread). */
    public StartedPaper startRendered(long examId, long personId, String deviceId) {
        return render(startWithPaper(examId, personId, device(deviceId)));
    }

    private void fullPath(java.util.concurrent.CompletableFuture<StartedPaper> out, long examId, long personId,
            String device, PaperCache.Prepared prepared) {
        io.quarkus.arc.ManagedContext request = io.quarkus.arc.Arc.container().requestContext();
        request.activate();
        try {
            out.complete(render(startWithPaper(examId, personId, device)));
            if (prepared != null) {
                paperCache.remove(prepared); // started (or resumed) on the full path
            }
        } catch (Throwable t) {
            out.completeExceptionally(t);
        } finally {
            request.terminate();
        }
    }

    private StartedPaper render(DeliveryViews.Paper paper) {
        try {
            return new StartedPaper(paper.attemptId(), json.writeValueAsBytes(paper));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The paper of a prepared attempt just started: its header (stamped times) rendered now, its
     * items as rendered when the paper was drawn, spliced into the JSON Jackson would write.
     */
    byte[] assemble(PaperCache.Prepared p, StartWriter.Started s) {
        DeliveryViews.Paper head = new DeliveryViews.Paper(p.attemptId(), p.examId(), s.title(), p.number(),
                ExamAttempt.Status.IN_PROGRESS.name(), s.startedAt(), s.deadline(), Now.instant(), config.graceSeconds(),
                p.maxScore(), List.of());
        byte[] h;
        try {
            h = json.writeValueAsBytes(head);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the record ends with its items: ..."items":[]}
        int cut = h.length - 3;
        if (cut < 0 || h[cut] != '[' || h[cut + 1] != ']' || h[cut + 2] != '}') {
            throw new IllegalStateException("unexpected paper JSON");
        }
        byte[] out = new byte[cut + p.items().length + 1];
        System.arraycopy(h, 0, out, 0, cut);
        System.arraycopy(p.items(), 0, out, cut, p.items().length);
        out[out.length - 1] = '}';
        return out;
    }

    /** True only if this node saw the person start the exam; never asks the database (safe on an event loop). */
    public boolean knownStarted(long examId, long personId) {
        return paperCache.knownStarted(examId, personId);
    }

    /** Whether the person has started the exam (may read its question document); no query once seen here. */
    public boolean hasStarted(long examId, long personId) {
        if (paperCache.knownStarted(examId, personId)) {
            return true;
        }
        boolean started = statements.hasStarted(examId, personId);
        if (started) {
            paperCache.markStarted(examId, personId);
        }
        return started;
    }

    /**
     * 开始: starts (or resumes) the person's attempt and returns the paper. Pressing 开始 twice
     * returns the same attempt. With a prepared paper this is one UPDATE (no transaction of our
     * own, no Hibernate); otherwise {@link #startOnDemand} explains why not or draws the paper.
     * The clock starts when the paper is delivered: a start refused by admission control stamps
     * nothing.
     */
    public DeliveryViews.Paper startWithPaper(long examId, long personId, String deviceId) {
        String device = device(deviceId);
        // PostgreSQL keeps microseconds: the paper returned shows what is stored
        Instant now = Now.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return statements.activate(examId, personId, device, now)
                .orElseGet(() -> startOnDemand(examId, personId, device));
    }

    /**
     * The slow path of 开始: resumes a running attempt, answers why the exam cannot start, or
     * draws the paper on demand (a late joiner, a further attempt, a paper not prepared yet)
     * and starts it, all under the (exam, person) lock.
     */
    @Transactional
    DeliveryViews.Paper startOnDemand(long examId, long personId, String device) {
        cn.zhifa.academy.platform.AdvisoryLocks.lock(em, cn.zhifa.academy.platform.AdvisoryLocks.key("attempt", examId,
                personId));
        Exam exam = Exam.findById(examId);
        if (exam == null || exam.status != Exam.Status.PUBLISHED) {
            throw new NotFoundException("exam.not_found");
        }
        PersonSummary person = people.find(personId).orElse(null);
        if (person == null || !exams.eligible(exam, person)) {
            throw new ForbiddenException("exam.not_in_audience");
        }
        Optional<ExamAttempt> running = ExamAttempt.find("examId = ?1 AND personId = ?2 AND status = ?3", examId,
                personId, ExamAttempt.Status.IN_PROGRESS).firstResultOptional();
        if (running.isPresent()) {
            return statements.paper(running.get().id, personId, device);
        }
        Terms terms = exams.terms(exam, person);
        Instant now = Now.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (now.isBefore(terms.opensAt())) {
            throw ConflictException.on("opensAt", "exam.not_open_yet");
        }
        if (!now.isBefore(terms.closesAt())) {
            throw ConflictException.on("closesAt", "exam.closed");
        }
        long used = ExamAttempt.count("examId = ?1 AND personId = ?2 AND status <> ?3", examId, personId,
                ExamAttempt.Status.PREPARED);
        if (used >= terms.attempts()) {
            throw ConflictException.on("attempts", "exam.attempts_used", terms.attempts());
        }
        if (ExamAttempt.count("examId = ?1 AND personId = ?2 AND status = ?3", examId, personId,
                ExamAttempt.Status.PREPARED) == 0) {
            preparation.prepareOne(exam, personId, (int) used + 1);
        }
        return statements.activate(examId, personId, device, now)
                .orElseThrow(() -> ConflictException.on("status", "exam.start_unavailable"));
    }

    static String device(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            return null;
        }
        String d = deviceId.trim();
        return d.length() > 64 ? d.substring(0, 64) : d;
    }

    /** The attempt if it is the person's own; 404 otherwise (never reveals someone else's). */
    public ExamAttempt own(long attemptId, Long personId) {
        ExamAttempt a = ExamAttempt.findById(attemptId);
        if (a == null || personId == null || !a.personId.equals(personId) || a.status == ExamAttempt.Status.PREPARED) {
            throw new NotFoundException("exam.attempt_not_found");
        }
        return a;
    }

    /** The paper; a running attempt answers only the device that holds it (409 asks for takeover). */
    public DeliveryViews.Paper paper(long attemptId, Long personId, String deviceId) {
        return statements.paper(attemptId, personId, device(deviceId));
    }

    /** For the page's poll: the deadline follows overrides and the device learns of a takeover. */
    @Transactional
    public DeliveryViews.Status status(long attemptId, Long personId, String deviceId) {
        ExamAttempt a = own(attemptId, personId);
        String device = device(deviceId);
        return new DeliveryViews.Status(a.id, a.status.name(), a.deadlineAt, Now.instant(), config.graceSeconds(),
                a.deviceId == null || a.deviceId.equals(device));
    }

    /**
     * Saves one answer. Applied only if {@code seq} is newer than the stored one (an older save
     * never overwrites a newer); every save is logged for appeals with its true outcome. One
     * statement, one round trip ({@link DeliveryStatements#save}); returns after commit.
     */
    public DeliveryViews.Saved save(long attemptId, int position, long seq, List<String> answer, Boolean flagged,
            Long personId, String deviceId) {
        if (seq <= 0) {
            throw InvalidException.field("seq", "exam.seq_positive");
        }
        if (personId == null) {
            throw new NotFoundException("exam.attempt_not_found");
        }
        DeliveryStatements.Layout layout = statements.layout(attemptId, personId)
                .orElseThrow(() -> new NotFoundException("exam.attempt_not_found"));
        if (position < 1 || position > layout.versions().length) {
            throw new NotFoundException("exam.position_not_found", position);
        }
        String json = answerJson(questions.get(layout.versions()[position - 1]), layout.orders()[position - 1], answer);
        Instant now = Now.instant();
        return acknowledgement(position, seq, now,
                statements.save(attemptId, personId, position, seq, json, flagged, device(deviceId), now));
    }

    /** The answer as stored: canonical option numbers as JSON, null for an empty answer. */
    private static String answerJson(QuestionCache.Q q, String optionOrder, List<String> answer) {
        AttemptItem shape = new AttemptItem();
        shape.optionOrder = optionOrder;
        List<String> canonical = AnswerMapping.canonical(q, shape, answer);
        return canonical.isEmpty() ? null : Json.write(canonical);
    }

    /** The acknowledgement of a written save; 404 when the attempt was not the person's. */
    private static DeliveryViews.Saved acknowledgement(int position, long seq, Instant now,
            Optional<DeliveryStatements.SaveResult> result) {
        DeliveryStatements.SaveResult r = result.orElseThrow(() -> new NotFoundException("exam.attempt_not_found"));
        long stored = r.outcome() == DeliveryViews.SaveOutcome.APPLIED ? seq : r.storedBefore();
        return new DeliveryViews.Saved(position, r.outcome(), stored, now, r.deadline(), Now.instant());
    }

    /**
     * {@link #save} without blocking the calling event loop: when the paper's layout and its
     * questions are in memory (they are after 开始 or a paper fetch on this node), the answer is
     * mapped here and written by the {@link AnswerWriter}; otherwise the blocking save runs on a
     * worker thread, which loads them. Same checks, same statement, same outcomes.
     */
    public Uni<DeliveryViews.Saved> saveAsync(long attemptId, int position, long seq, List<String> answer,
            Boolean flagged, Long personId, String deviceId) {
        DeliveryStatements.Layout layout = personId == null ? null : statements.cachedLayout(attemptId);
        QuestionCache.Q q = layout == null || layout.personId() != personId || position < 1
                || position > layout.versions().length ? null : questions.cached(layout.versions()[position - 1]);
        if (q == null || seq <= 0) {
            // not in memory (or an error to report): the blocking save decides, on a worker thread
            return Uni.createFrom().item(() -> save(attemptId, position, seq, answer, flagged, personId, deviceId))
                    .runSubscriptionOn(workers);
        }
        String json = answerJson(q, layout.orders()[position - 1], answer);
        Instant now = Now.instant();
        return writer.save(attemptId, personId, position, seq, json, flagged, device(deviceId), now)
                .map(r -> acknowledgement(position, seq, now, r));
    }

    /** Moves a running attempt to this device (after the candidate confirmed); audited. */
    @Transactional
    public void takeover(long attemptId, Long personId, String deviceId) {
        ExamAttempt a = own(attemptId, personId);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        String device = device(deviceId);
        if (device == null) {
            throw InvalidException.field("device", "exam.device_missing");
        }
        if (a.status != ExamAttempt.Status.IN_PROGRESS) {
            throw ConflictException.on("status", "exam.already_submitted");
        }
        if (!device.equals(a.deviceId)) {
            String previous = a.deviceId;
            a.deviceId = device;
            audit.record("exam.attempt.takeover", "exam-attempt", a.id,
                    AuditLog.detail("examId", a.examId, "personId", a.personId, "from", previous, "to", device));
        }
    }

    /** Submits; submitting again (or after an auto-submit) changes nothing and returns the result. */
    @Transactional
    public ExamAttempt submit(long attemptId, Long personId, ExamAttempt.SubmitKind kind) {
        ExamAttempt a = own(attemptId, personId);
        return submitLocked(a, kind);
    }

    ExamAttempt submitLocked(ExamAttempt a, ExamAttempt.SubmitKind kind) {
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        if (a.status != ExamAttempt.Status.IN_PROGRESS) {
            return a;
        }
        Instant now = Now.instant();
        a.status = ExamAttempt.Status.SUBMITTED;
        a.submitKind = kind;
        a.submittedAt = now.isAfter(a.deadlineAt) && kind == ExamAttempt.SubmitKind.AUTO ? a.deadlineAt : now;
        Exam exam = Exam.findById(a.examId);
        grading.gradeAtSubmit(a, exam);
        return a;
    }

    /** Closes overdue attempts (deadline + grace passed); safe on several nodes (SKIP LOCKED). */
    @Transactional
    public List<Long> autoSubmitDue(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM exam_attempt WHERE status = 'IN_PROGRESS' "
                + "AND deadline_at < ?1 ORDER BY deadline_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now.minusSeconds(config.graceSeconds())).setParameter(2, limit).getResultList();
        List<Long> done = new ArrayList<>();
        for (Number id : ids) {
            ExamAttempt a = ExamAttempt.findById(id.longValue());
            submitLocked(a, ExamAttempt.SubmitKind.AUTO);
            done.add(a.id);
        }
        if (!done.isEmpty()) {
            audit.recordAs("system", "exam.attempt.auto-submit", "exam-attempt", done.get(0),
                    AuditLog.detail("attempts", done));
        }
        return done;
    }

    /**
     * Whether the candidate may see answers and keys now. AFTER_SUBMIT shows them only when the
     * person has no attempt left or their window has closed, so that keys seen after one attempt
     * cannot help in the next (issue 12 item 17).
     */
    public boolean reviewAllowed(Exam exam, ExamAttempt a, Instant now) {
        if (a.status != ExamAttempt.Status.GRADED) {
            return false;
        }
        return switch (exam.reviewPolicy) {
            case SCORE_ONLY -> false;
            case AFTER_SUBMIT -> noAttemptLeft(exam, a, now);
            case AFTER_CLOSE -> !now.isBefore(lastClose(exam));
        };
    }

    private boolean noAttemptLeft(Exam exam, ExamAttempt a, Instant now) {
        PersonSummary p = people.find(a.personId).orElse(null);
        if (p == null) {
            return !now.isBefore(lastClose(exam));
        }
        Terms t = exams.terms(exam, p);
        return ExamAttempt.count("examId = ?1 AND personId = ?2", exam.id, a.personId) >= t.attempts()
                || !now.isBefore(t.closesAt());
    }

    /** The exam's close, or a later one granted by an override. */
    static Instant lastClose(Exam exam) {
        Instant last = exam.closesAt;
        for (ExamOverride o : ExamOverride.<ExamOverride> list("examId = ?1 AND closesAt IS NOT NULL", exam.id)) {
            if (o.closesAt.isAfter(last)) {
                last = o.closesAt;
            }
        }
        return last;
    }

    @Transactional
    public DeliveryViews.Result result(long attemptId, Long personId) {
        ExamAttempt a = own(attemptId, personId);
        Exam exam = Exam.findById(a.examId);
        Instant now = Now.instant();
        boolean review = reviewAllowed(exam, a, now);
        List<DeliveryViews.ReviewItem> items = new ArrayList<>();
        if (review) {
            for (AttemptItem i : AttemptItem.<AttemptItem> list("attemptId = ?1 ORDER BY position", a.id)) {
                QuestionCache.Q q = questions.get(i.questionVersionId);
                List<String> shown = AnswerMapping.displayedOptions(q, i);
                items.add(new DeliveryViews.ReviewItem(i.position, ExamText.type(q.type()), q.stemHtml(), shown,
                        AnswerMapping.answerText(q, i, AnswerMapping.displayedAnswer(q, i)),
                        AnswerMapping.keyText(q, i), i.score, i.points, q.explanation(),
                        q.referenceAnswer(), i.graderComment));
            }
        }
        ExamMessages m = review ? null : ExamText.exam(ExamText.locale());
        String note = review ? null : switch (a.status) {
            case PREPARED, IN_PROGRESS -> m.result_note_running();
            case SUBMITTED -> m.result_note_grading();
            case GRADED -> switch (exam.reviewPolicy) {
                case SCORE_ONLY -> m.result_note_SCORE_ONLY();
                case AFTER_CLOSE -> m.result_note_AFTER_CLOSE();
                case AFTER_SUBMIT -> m.result_note_AFTER_SUBMIT();
            };
        };
        boolean graded = a.status == ExamAttempt.Status.GRADED;
        return new DeliveryViews.Result(a.id, exam.id, exam.title, a.number, a.status.name(),
                a.submitKind == null ? null : a.submitKind.name(), a.submittedAt, graded ? a.score : null, a.maxScore,
                graded ? a.percent : null, graded ? a.band : null, graded ? a.passed : null, a.pendingItems, review,
                note, items);
    }

    /** 我的考试: open and upcoming exams the person may sit, and those they have sat. */
    @Transactional
    public List<DeliveryViews.MyExam> myExams(long personId) {
        PersonSummary p = people.find(personId).orElse(null);
        Instant now = Now.instant();
        List<Exam> candidates = Exam.list("status = ?1 ORDER BY opensAt", Exam.Status.PUBLISHED);
        List<DeliveryViews.MyExam> out = new ArrayList<>();
        for (Exam e : candidates) {
            List<ExamAttempt> mine = ExamAttempt.list("examId = ?1 AND personId = ?2 AND status <> ?3 ORDER BY number",
                    e.id, personId, ExamAttempt.Status.PREPARED);
            boolean eligible = p != null && exams.eligible(e, p);
            if (!eligible && mine.isEmpty()) {
                continue;
            }
            Terms t = p == null ? null : exams.terms(e, p);
            Optional<ExamAttempt> running = mine.stream().filter(a -> a.status == ExamAttempt.Status.IN_PROGRESS)
                    .findFirst();
            Optional<ExamRecords.Kept> kept = examRecords.kept(personId, e.id);
            String state;
            if (running.isPresent()) {
                state = "IN_PROGRESS";
            } else if (t != null && eligible && now.isBefore(t.opensAt())) {
                state = "UPCOMING";
            } else if (t != null && eligible && t.open(now) && mine.size() < t.attempts()) {
                state = "OPEN";
            } else if (!mine.isEmpty()) {
                state = "DONE";
            } else {
                state = "MISSED";
            }
            if (state.equals("MISSED") && t != null && now.isAfter(t.closesAt().plusSeconds(30L * 86400))) {
                continue;
            }
            out.add(new DeliveryViews.MyExam(e.id, e.code, e.title, e.purpose.name(), t == null ? e.opensAt : t.opensAt(),
                    t == null ? e.closesAt : t.closesAt(), t == null ? e.durationMinutes : t.minutes(),
                    t == null ? e.maxAttempts : t.attempts(), mine.size(), state, running.map(a -> a.id).orElse(null),
                    mine.isEmpty() ? null : mine.get(mine.size() - 1).id, kept.map(ExamRecords.Kept::score).orElse(null),
                    kept.map(ExamRecords.Kept::band).orElse(null), kept.map(ExamRecords.Kept::passed).orElse(null)));
        }
        out.sort(Comparator.comparing((DeliveryViews.MyExam m) -> order(m.state())).thenComparing(m -> m.closesAt()));
        return out;
    }

    private static int order(String state) {
        return switch (state) {
            case "IN_PROGRESS" -> 0;
            case "OPEN" -> 1;
            case "UPCOMING" -> 2;
            default -> 3;
        };
    }
}
