package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.security.Roles;

/** Evaluation schemes and evaluations (考核 / 信用评价) as JSON, limited to the caller's scope. */
@Path("/api/v1/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Evaluations")
public class EvaluationResource {

    @Inject
    SchemeService schemes;

    @Inject
    EvaluationService evaluations;

    public record ScoreInput(BigDecimal score, String note) {
    }

    public record ClearInput(String reason) {
    }

    @GET
    @Path("schemes")
    @Operation(summary = "Schemes usable in your scope (both uses, every version)")
    public List<SchemeService.SchemeView> schemes(@QueryParam("kind") SubjectKind kind) {
        return schemes.visible(kind).stream().map(schemes::view).toList();
    }

    @GET
    @Path("schemes/{id}")
    @Operation(summary = "One scheme; 404 outside your scope")
    public SchemeService.SchemeView scheme(@PathParam("id") long id) {
        return schemes.view(schemes.require(id));
    }

    @POST
    @Path("schemes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a scheme: weights sum to 100, maxima positive, bands cover 0–100 without gaps")
    public Response createScheme(@Valid @NotNull SchemeService.SchemeInput in) {
        EvalScheme s = schemes.create(in);
        return Response.created(URI.create("/api/v1/evaluation/schemes/" + s.id)).entity(schemes.view(schemes.require(s.id)))
                .build();
    }

    @POST
    @Path("schemes/defaults")
    @Operation(summary = "Install the default auxiliary and provider schemes for a unit (configuration, not national rules)")
    public Response installDefaults(@QueryParam("unitId") Long unitId) {
        if (unitId == null) {
            throw cn.zhifa.academy.platform.error.InvalidException.field("unitId", "evaluation.unit_required");
        }
        EvalScheme a = schemes.create(DefaultSchemes.auxiliary(unitId));
        schemes.create(DefaultSchemes.provider(unitId));
        return Response.created(URI.create("/api/v1/evaluation/schemes/" + a.id)).build();
    }

    @PUT
    @Path("schemes/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a scheme; a scheme in use is frozen and the change becomes a new version (returned)")
    public SchemeService.SchemeView updateScheme(@PathParam("id") long id, @Valid @NotNull SchemeService.SchemeInput in) {
        EvalScheme s = schemes.update(id, in);
        return schemes.view(schemes.require(s.id));
    }

    @GET
    @Path("assessments")
    @Operation(summary = "Evaluations in your scope, newest cycle first")
    public List<EvaluationService.EvaluationView> list(@QueryParam("kind") SubjectKind kind,
            @QueryParam("personId") Long personId, @QueryParam("providerId") Long providerId) {
        return evaluations.list(kind == null ? SubjectKind.AUXILIARY : kind, personId, providerId, 200).stream()
                .map(evaluations::view).toList();
    }

    @POST
    @Path("assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an evaluation for a person (auxiliary scheme) or a provider (credit scheme) and a cycle")
    public Response open(@NotNull EvaluationService.OpenInput in) {
        Evaluation e = evaluations.open(in);
        return Response.created(URI.create("/api/v1/evaluation/assessments/" + e.id))
                .entity(evaluations.view(evaluations.require(e.id))).build();
    }

    @GET
    @Path("assessments/{id}")
    @Operation(summary = "One evaluation with its items; open ones show the pulled inputs as they are now")
    public EvaluationService.EvaluationView get(@PathParam("id") long id) {
        return evaluations.view(evaluations.require(id));
    }

    @PUT
    @Path("assessments/{id}/scores/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter a manual item's score (0..max); 409 once confirmed")
    public EvaluationService.EvaluationView enter(@PathParam("id") long id, @PathParam("item") String item,
            @NotNull ScoreInput in) {
        evaluations.enter(id, item, in.score(), in.note());
        return evaluations.view(evaluations.require(id));
    }

    @POST
    @Path("assessments/{id}/confirm")
    @Operation(summary = "Grade and lock the evaluation (audited); may raise a flag on the person")
    public EvaluationService.EvaluationView confirm(@PathParam("id") long id) {
        evaluations.confirm(id);
        return evaluations.view(evaluations.require(id));
    }

    @GET
    @Path("flags")
    @Operation(summary = "Open flags (e.g. two consecutive failing bands) on people in your scope")
    public List<EvaluationService.FlagView> flags() {
        return evaluations.openFlags();
    }

    @POST
    @Path("flags/{id}/clear")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clear a flag after review, with a reason (audited)")
    public Response clear(@PathParam("id") long id, @NotNull ClearInput in) {
        evaluations.clearFlag(id, in.reason());
        return Response.noContent().build();
    }
}
