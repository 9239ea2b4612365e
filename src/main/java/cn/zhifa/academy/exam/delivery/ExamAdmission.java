package cn.zhifa.academy.exam.delivery;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import cn.zhifa.academy.exam.ExamConfig;

/**
 * Admission control on the exam day's hot paths (issue 11): 开始, the paper, the question
 * document and answer saves. A node serves at most {@code academy.exam.admission-limit} papers
 * and question documents at once and, through gates of their own, at most
 * {@code academy.exam.start-admission-limit} starts (a start waiting for its batch holds no
 * thread, so the gate is wide and the batches grow) and {@code academy.exam.save-admission-limit}
 * saves (a start burst never starves the saves of candidates already writing) and
 * {@code academy.exam.submit-admission-limit} submits (a submit wave, grading inside each request,
 * never takes the database connections the saves need); one more is answered at once with 503, a short jittered {@code Retry-After} and a
 * problem+json body (with {@code retryAfterMs} for the page), instead of waiting tens of
 * seconds in the worker and connection queues. The exam page waits that long quietly and
 * tries again ("正在进入考场…"); the candidate loses no time, because the deadline is stamped only
 * when 开始 delivers the paper. Runs as a Vert.x filter, before authentication and before a
 * worker thread or a database connection is taken, so a refusal costs next to nothing.
 */
@ApplicationScoped
public class ExamAdmission {

    /** The refusal's detail (errors bundle), read once: the refusal path does no lookup of its own. */
    private static final String BUSY_ZH = json(cn.zhifa.academy.platform.error.ErrorTexts
            .text(cn.zhifa.academy.platform.web.LocaleContext.DEFAULT, "exam.admission_busy"));
    private static final String BUSY_EN = json(cn.zhifa.academy.platform.error.ErrorTexts
            .text(java.util.Locale.ENGLISH, "exam.admission_busy"));

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The hot paths: POST 开始, GET question document, GET paper, PUT answer, POST 交卷. */
    private static final Pattern START = Pattern.compile("/api/v1/my/exams/\\d+/attempts");
    private static final Pattern QUESTIONS = Pattern.compile("/api/v1/my/exams/\\d+/questions");
    private static final Pattern PAPER = Pattern.compile("/api/v1/attempts/\\d+");
    private static final Pattern SAVE = Pattern.compile("/api/v1/attempts/\\d+/answers/\\d+");
    private static final Pattern SUBMIT = Pattern.compile("/api/v1/attempts/\\d+/submit");

    @Inject
    ExamConfig config;

    @Inject
    MeterRegistry metrics;

    private final AtomicInteger inFlight = new AtomicInteger();

    /** Saves have their own gate, so that a start burst cannot starve candidates already writing. */
    private final AtomicInteger savesInFlight = new AtomicInteger();

    /** Starts waiting for their batch: a gate of their own, much wider (they hold no thread). */
    private final AtomicInteger startsInFlight = new AtomicInteger();

    /** Submits grade inside their request: a narrow gate, so that they leave the pool to the saves. */
    private final AtomicInteger submitsInFlight = new AtomicInteger();

    private volatile int startLimit = -1;

    private volatile int submitLimit = -1;

    private volatile int limit = -1;

    private volatile int saveLimit = -1;

    private Counter refused;

    void register(@Observes Filters filters) {
        limit = config.admissionLimit();
        saveLimit = config.saveAdmissionLimit();
        startLimit = config.startAdmissionLimit();
        submitLimit = configuredSubmitLimit();
        refused = Counter.builder("academy.exam.admission.refused")
                .description("Exam hot-path requests answered 503 because the node was saturated").register(metrics);
        Gauge.builder("academy.exam.admission.in_flight", inFlight, AtomicInteger::get)
                .description("Papers and question documents being served").register(metrics);
        Gauge.builder("academy.exam.admission.starts_in_flight", startsInFlight, AtomicInteger::get)
                .description("Start requests being served or waiting for their batch").register(metrics);
        Gauge.builder("academy.exam.admission.saves_in_flight", savesInFlight, AtomicInteger::get)
                .description("Answer saves being served").register(metrics);
        Gauge.builder("academy.exam.admission.submits_in_flight", submitsInFlight, AtomicInteger::get)
                .description("Submit requests being served").register(metrics);
        filters.register(this::filter, 1000);
    }

    /** The current limit (operations; tests set it very low to see the page ride out a 503). */
    public int limit() {
        return limit;
    }

    /** The save gate's current limit. */
    public int saveLimit() {
        return saveLimit;
    }

    /** academy.exam.submit-admission-limit, or 2 per CPU when it is unset. */
    int configuredSubmitLimit() {
        return config.submitAdmissionLimit().orElse(2 * Runtime.getRuntime().availableProcessors());
    }

    /** The submit gate's current limit. */
    public int submitLimit() {
        return submitLimit;
    }

    /** Sets the submit gate's limit alone (operations; tests close it to see saves pass beside it). */
    public void setSubmitLimit(int limit) {
        this.submitLimit = Math.max(0, limit);
    }

    /** The start gate's current limit. */
    public int startLimit() {
        return startLimit;
    }

    /**
     * Sets the limit of papers and question documents; 0 closes the start, save and submit gates too (a
     * saturated node, as tests model it), any other value restores their configured limits.
     */
    public void setLimit(int limit) {
        this.limit = Math.max(0, limit);
        this.saveLimit = limit <= 0 ? 0 : config.saveAdmissionLimit();
        this.startLimit = limit <= 0 ? 0 : config.startAdmissionLimit();
        this.submitLimit = limit <= 0 ? 0 : configuredSubmitLimit();
    }

    static boolean hotPath(HttpMethod method, String path) {
        if (path == null) {
            return false;
        }
        if (method == HttpMethod.POST) {
            return START.matcher(path).matches() || SUBMIT.matcher(path).matches();
        }
        if (method == HttpMethod.GET) {
            return QUESTIONS.matcher(path).matches() || PAPER.matcher(path).matches();
        }
        return method == HttpMethod.PUT && SAVE.matcher(path).matches();
    }

    void filter(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        if (!hotPath(method, rc.normalizedPath())) {
            rc.next();
            return;
        }
        AtomicInteger gate;
        int max;
        if (method == HttpMethod.PUT) {
            gate = savesInFlight;
            max = saveLimit;
        } else if (method == HttpMethod.POST && rc.normalizedPath().endsWith("/submit")) {
            gate = submitsInFlight;
            max = submitLimit;
        } else if (method == HttpMethod.POST) {
            gate = startsInFlight;
            max = startLimit;
        } else {
            gate = inFlight;
            max = limit;
        }
        if (gate.incrementAndGet() > max) {
            gate.decrementAndGet();
            if (refused != null) {
                refused.increment();
            }
            int ms = 500 + ThreadLocalRandom.current().nextInt(2000);
            io.vertx.core.http.Cookie lang = rc.request().getCookie(cn.zhifa.academy.platform.web.LocaleContext.COOKIE);
            String body = "{\"type\":\"about:blank\",\"title\":\"Busy\",\"status\":503,\"detail\":\""
                    + (lang != null && "en".equals(lang.getValue()) ? BUSY_EN : BUSY_ZH) + "\",\"retryAfterMs\":" + ms + "}";
            rc.response().setStatusCode(503).putHeader("Retry-After", String.valueOf((ms + 999) / 1000))
                    .putHeader("Content-Type", "application/problem+json; charset=UTF-8")
                    .putHeader("Cache-Control", "no-store").end(body);
            return;
        }
        rc.addEndHandler(done -> gate.decrementAndGet());
        rc.next();
    }
}
