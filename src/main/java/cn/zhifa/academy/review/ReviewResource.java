package cn.zhifa.academy.review;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.error.InvalidException;
import io.quarkus.security.Authenticated;

/**
 * 案卷评查 as JSON: standards, campaigns, case files, sampling, scoring, contests, results and
 * supervision recommendations. Everything answers 404 outside the caller's part of the review.
 */
@Path("/api/v1/review")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Case-file review")
public class ReviewResource {

    @Inject
    StandardService standards;

    @Inject
    CampaignService campaigns;

    @Inject
    ScoringService scoring;

    @Inject
    RecommendationService recommendations;

    @Inject
    ReviewViews views;

    @Inject
    ReviewAccess access;

    public record StandardEdit(String yaml) {
    }

    public record StandardView(long id, String code, int versionNo, String name, String status, String yaml) {
    }

    public record SampleInput(Long seed) {
    }

    public record ItemInput(Map<Long, String> applied) {
    }

    public record ReasonInput(String reason) {
    }

    public record DecisionInput(Boolean uphold, String note) {
    }

    public record RecDecisionInput(Boolean accept, String note) {
    }

    // ---- standards ---------------------------------------------------------------------

    @GET
    @Path("standards")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Every version of every scoring standard")
    public List<StandardView> standards() {
        return standards.all().stream().map(this::standardView).toList();
    }

    @GET
    @Path("standards/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public StandardView standard(@PathParam("id") long id) {
        return standardView(standards.require(id));
    }

    @PUT
    @Path("standards/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Edit a standard (YAML as in the shipped file): always writes the next version")
    public StandardView editStandard(@PathParam("id") long id, StandardEdit in) {
        return standardView(standards.edit(id, in == null ? null : in.yaml()));
    }

    StandardView standardView(ReviewStandard s) {
        return new StandardView(s.id, s.code, s.versionNo, s.name, s.status.name(), standards.yaml(s));
    }

    // ---- campaigns ---------------------------------------------------------------------

    @GET
    @Path("campaigns")
    @Operation(summary = "Campaigns you manage, review in, or whose units are in your scope")
    public List<ReviewViews.CampaignLine> campaigns() {
        return campaigns.visible().stream().map(views::line).toList();
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Create a campaign: units under review and reviewers (legal reviewers, by employee number)")
    public Response create(CampaignService.CampaignInput in) {
        ReviewCampaign c = campaigns.create(in == null ? new CampaignService.CampaignInput(null, null, null, null, null, null,
                null, null, null, null) : in);
        return Response.created(URI.create("/api/v1/review/campaigns/" + c.id)).entity(views.campaign(c.id)).build();
    }

    @GET
    @Path("campaigns/{id}")
    @Operation(summary = "A campaign with the files, findings and results you may see")
    public ReviewViews.CampaignView campaign(@PathParam("id") long id) {
        return views.campaign(id);
    }

    @POST
    @Path("campaigns/{id}/files")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Enter a case file (metadata; handling officers by employee number)")
    public Response addFile(@PathParam("id") long id, CampaignService.CaseFileInput in) {
        ReviewCaseFile f = campaigns.addCaseFile(id, in == null ? new CampaignService.CaseFileInput(null, null, null, null,
                null, null) : in);
        return Response.created(URI.create("/api/v1/review/files/" + f.id)).entity(scoring.view(f.id)).build();
    }

    @POST
    @Path("campaigns/{id}/sample")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Draw the sample (seed optional) and assign reviewers from other units; recorded and repeatable")
    public ReviewViews.CampaignView sample(@PathParam("id") long id, SampleInput in) {
        campaigns.sample(id, in == null ? null : in.seed());
        return views.campaign(id);
    }

    @GET
    @Path("campaigns/{id}/sample/verify")
    @Operation(summary = "Repeat the draw from the recorded seed and compare with the recorded sample")
    public Map<String, Object> verify(@PathParam("id") long id) {
        return Map.of("repeatable", campaigns.verifySample(id));
    }

    @POST
    @Path("campaigns/{id}/finish")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Finish the review: results final, findings assign the handling officers targeted training")
    public TargetedTraining.Result finish(@PathParam("id") long id) {
        return campaigns.finish(id);
    }

    // ---- files and scoring -------------------------------------------------------------

    @GET
    @Path("my-files")
    @Operation(summary = "The case files assigned to you as reviewer")
    public List<ScoringService.QueueLine> myFiles() {
        return scoring.myQueue();
    }

    @GET
    @Path("files/{id}")
    public ScoringService.FileView file(@PathParam("id") long id) {
        return scoring.view(id);
    }

    @PUT
    @Path("files/{id}/items/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save one item: the deductions applied, each with its finding text (the rest are taken back)")
    public ScoringService.FileView saveItem(@PathParam("id") long id, @PathParam("item") long item, ItemInput in) {
        return scoring.saveItem(id, item, in == null || in.applied() == null ? Map.of() : new HashMap<>(in.applied()));
    }

    @POST
    @Path("files/{id}/submit")
    @Operation(summary = "Submit the scores once every item is gone through: total and band")
    public ScoringService.FileView submit(@PathParam("id") long id) {
        return scoring.submit(id);
    }

    @POST
    @Path("files/{id}/scans")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Attach a scanned case file (PDF or image) to a case file of a campaign you manage")
    public Response scan(@PathParam("id") long id, @RestForm("file") FileUpload file) throws IOException {
        views.requireManagedFile(id);
        if (file == null) {
            throw InvalidException.field("file", "review.file_missing");
        }
        views.storeScan(id, file.uploadedFile(), file.fileName(), file.contentType());
        return Response.status(201).entity(scoring.view(id)).build();
    }

    @POST
    @Path("findings/{id}/contest")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "The unit contests a finding, once, with a reason")
    public ScoringService.FindingView contest(@PathParam("id") long id, ReasonInput in) {
        return scoring.contest(id, in == null ? null : in.reason());
    }

    @POST
    @Path("findings/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "The campaign's manager upholds or withdraws a contested finding")
    public ScoringService.FindingView decide(@PathParam("id") long id, DecisionInput in) {
        if (in == null || in.uphold() == null) {
            throw InvalidException.field("uphold", "review.decide_choose");
        }
        return scoring.decide(id, in.uphold(), in.note());
    }

    // ---- recommendations ---------------------------------------------------------------

    @GET
    @Path("recommendations")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Supervision recommendations you issued or must answer, overdue first")
    public List<RecommendationService.View> recommendations() {
        return recommendations.visible().stream().map(recommendations::view).toList();
    }

    @POST
    @Path("campaigns/{id}/recommendations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Issue a supervision recommendation to a unit: findings, deadline")
    public Response issue(@PathParam("id") long id, RecommendationService.IssueInput in) {
        Recommendation r = recommendations.issue(id, in == null ? new RecommendationService.IssueInput(null, null, null, null)
                : in);
        return Response.created(URI.create("/api/v1/review/recommendations/" + r.id))
                .entity(recommendations.view(recommendations.require(r.id))).build();
    }

    @GET
    @Path("recommendations/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public RecommendationService.View recommendation(@PathParam("id") long id) {
        return recommendations.view(recommendations.require(id));
    }

    @POST
    @Path("recommendations/{id}/answer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "The unit answers with its rectification text and evidence files")
    public RecommendationService.View answer(@PathParam("id") long id, @RestForm String response,
            @RestForm("evidence") List<FileUpload> evidence) throws IOException {
        return recommendations.view(views.answer(id, response, evidence));
    }

    @POST
    @Path("recommendations/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "The issuer accepts the answer or returns it with a note")
    public RecommendationService.View decideRecommendation(@PathParam("id") long id, RecDecisionInput in) {
        if (in == null || in.accept() == null) {
            throw InvalidException.field("accept", "review.decide_choose");
        }
        return recommendations.view(recommendations.decide(id, in.accept(), in.note()));
    }

    @GET
    @Path("insights")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Findings by knowledge point, unit and year; repeat findings after targeted training")
    public ReviewInsights.Insights insights() {
        return insightsService.insights();
    }

    @Inject
    ReviewInsights insightsService;
}
