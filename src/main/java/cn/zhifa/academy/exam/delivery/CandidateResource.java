package cn.zhifa.academy.exam.delivery;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import cn.zhifa.academy.exam.ExamAttempt;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;

/**
 * The candidate's exam API. Every call acts on the caller's own attempts only (others are
 * 404) and no response carries an answer key before the review policy allows it.
 * Devices identify themselves with the {@code X-Device-Id} header.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@Tag(name = "Taking exams")
public class CandidateResource {

    public static final String DEVICE = "X-Device-Id";

    @Inject
    DeliveryService delivery;

    @Inject
    CurrentUser user;

    public record Answer(Long seq, List<String> answer, Boolean flagged) {
    }

    private long person() {
        Long p = user.getPersonId();
        if (p == null) {
            throw new ForbiddenException("exam.no_person");
        }
        return p;
    }

    @GET
    @Path("my/exams")
    @Operation(summary = "My exams: in progress, open, upcoming and done")
    public List<DeliveryViews.MyExam> myExams() {
        return delivery.myExams(person());
    }

    /**
     * 开始. With a prepared paper on this node (the exam day's case) nothing here blocks: the
     * request stays on its event loop, the batch writer ({@link StartWriter}) starts the paper
     * and the answer is written when its batch has committed; no worker thread is taken, before
     * or after. Otherwise (no prepared paper here: a late joiner, another node's paper, a
     * resumed attempt) a worker thread takes the full path.
     */
    @POST
    @Path("my/exams/{exam}/attempts")
    @Operation(summary = "Start (or resume) an attempt: draws the candidate's own paper")
    public Uni<Response> start(@PathParam("exam") long exam, @HeaderParam(DEVICE) String device,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        // the answer may be built on the thread that completes the batch, outside the request, so
        // the location is made absolute here (a relative one would be resolved against the current request)
        URI base = uri.getBaseUri();
        return user.personIdAsync().chain(person -> {
            if (person == null) {
                throw new ForbiddenException("exam.no_person");
            }
            if (delivery.holdsPrepared(exam, person)) {
                return Uni.createFrom().completionStage(() -> delivery.start(exam, person, device));
            }
            return Uni.createFrom().item(() -> delivery.startRendered(exam, person, device)).runSubscriptionOn(workers);
        }).map(paper -> Response.created(base.resolve("api/v1/attempts/" + paper.attemptId())).entity(paper.json())
                .type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    @Inject
    QuestionDocument documents;

    @Inject
    org.eclipse.microprofile.context.ManagedExecutor workers;

    /**
     * The exam's question texts and options, the same for every candidate: immutable, with a
     * strong ETag (304 on a match), a year's private max-age and gzip. Only for candidates who
     * have started the exam; it never carries a key.
     * <p>
     * At the bell every candidate fetches it right after 开始. When this node started the
     * candidate's paper and holds the built document (the usual case: papers and document are
     * prepared after publishing), it is answered on the event loop, with no worker thread and no
     * copy of the body; otherwise (another node started the paper, or the document is not built
     * yet) a worker asks the database and builds it.
     */
    @GET
    @Path("my/exams/{exam}/questions")
    @Operation(summary = "The exam's question texts and options, sent once and cached (no keys); only after the start")
    public Uni<Response> questions(@PathParam("exam") long exam, @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam("Accept-Encoding") String acceptEncoding) {
        return user.personIdAsync().chain(person -> {
            if (person == null) {
                throw new ForbiddenException("exam.no_person");
            }
            QuestionDocument.Doc built = documents.built(exam);
            if (built != null && delivery.knownStarted(exam, person)) {
                return Uni.createFrom().item(document(built, ifNoneMatch, acceptEncoding));
            }
            return Uni.createFrom().item(() -> {
                if (!delivery.hasStarted(exam, person)) {
                    throw new NotFoundException("exam.not_found");
                }
                return document(documents.of(exam), ifNoneMatch, acceptEncoding);
            }).runSubscriptionOn(workers);
        });
    }

    private static Response document(QuestionDocument.Doc d, String ifNoneMatch, String acceptEncoding) {
        String cache = "private, max-age=31536000, immutable";
        if (ifNoneMatch != null && (ifNoneMatch.equals(d.etag()) || ifNoneMatch.contains(d.etag()))) {
            return Response.notModified().header("ETag", d.etag()).header("Cache-Control", cache).build();
        }
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        Response.ResponseBuilder r = Response.ok(d.body(gzip), MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", d.etag()).header("Cache-Control", cache).header("Vary", "Accept-Encoding");
        if (gzip) {
            r.header("Content-Encoding", "gzip");
        }
        return r.build();
    }

    @GET
    @Path("attempts/{id}")
    @Operation(summary = "The paper with saved answers, deadline and server time; 409 when another device holds the attempt")
    public DeliveryViews.Paper paper(@PathParam("id") long id, @HeaderParam(DEVICE) String device) {
        return delivery.paper(id, user.getPersonId(), device);
    }

    @GET
    @Path("attempts/{id}/status")
    @Operation(summary = "Light poll: status, deadline (overrides included), server time, whether this device holds the attempt")
    public DeliveryViews.Status status(@PathParam("id") long id, @HeaderParam(DEVICE) String device) {
        return delivery.status(id, user.getPersonId(), device);
    }

    @PUT
    @Path("attempts/{id}/answers/{position}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save one answer; acknowledged after commit; an older seq never overwrites a newer one")
    public Uni<Response> save(@PathParam("id") long id, @PathParam("position") int position,
            @HeaderParam(DEVICE) String device, Answer a) {
        if (a == null || a.seq() == null) {
            throw InvalidException.field("seq", "exam.seq_missing");
        }
        // on the event loop: no worker thread, no JDBC connection (DeliveryService#saveAsync)
        return user.personIdAsync().chain(person -> delivery.saveAsync(id, position, a.seq(), a.answer(), a.flagged(),
                person, device)).map(CandidateResource::acknowledged);
    }

    private static Response acknowledged(DeliveryViews.Saved s) {
        return switch (s.outcome()) {
            case APPLIED, STALE -> Response.ok(s).build();
            case LATE -> throw new ConflictException("exam.time_up").titled("Time is up");
            case SUBMITTED -> throw new ConflictException("exam.save_after_submit").titled("Already submitted");
            case DEVICE_REPLACED -> throw new ConflictException("exam.device_replaced").titled("Device replaced");
        };
    }

    @POST
    @Path("attempts/{id}/takeover")
    @Operation(summary = "Continue on this device after the candidate confirmed; the other device is told on its next save")
    public DeliveryViews.Paper takeover(@PathParam("id") long id, @HeaderParam(DEVICE) String device) {
        delivery.takeover(id, user.getPersonId(), device);
        return delivery.paper(id, user.getPersonId(), device);
    }

    @POST
    @Path("attempts/{id}/submit")
    @Operation(summary = "Submit; submitting again is harmless and returns the same result")
    public DeliveryViews.Result submit(@PathParam("id") long id) {
        delivery.submit(id, user.getPersonId(), ExamAttempt.SubmitKind.CANDIDATE);
        return delivery.result(id, user.getPersonId());
    }

    @GET
    @Path("attempts/{id}/result")
    @Operation(summary = "Score, band and pass; answers and keys only when the review policy allows")
    public DeliveryViews.Result result(@PathParam("id") long id) {
        return delivery.result(id, user.getPersonId());
    }

}
