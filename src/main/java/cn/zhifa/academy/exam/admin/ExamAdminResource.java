package cn.zhifa.academy.exam.admin;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
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

import cn.zhifa.academy.exam.Exam;
import cn.zhifa.academy.exam.ExamInput;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.ExamText;
import cn.zhifa.academy.exam.OverrideInput;
import cn.zhifa.academy.exam.bank.QuestionResource;
import cn.zhifa.academy.exam.paper.Blueprint;
import cn.zhifa.academy.exam.paper.BlueprintInput;
import cn.zhifa.academy.exam.paper.BlueprintService;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;

/** Blueprints and exams for managers (trainers and administrators within their organisation subtree). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Exams")
public class ExamAdminResource {

    @Inject
    BlueprintService blueprints;

    @Inject
    ExamService exams;

    @Inject
    ExamAdminService views;

    @Inject
    ExamReports reports;

    @Inject
    CurrentUser user;

    public record Reason(String reason) {
    }

    @GET
    @Path("blueprints")
    public List<ExamAdminViews.BlueprintView> blueprints() {
        return views.blueprints();
    }

    @GET
    @Path("blueprints/{id}")
    public ExamAdminViews.BlueprintView blueprint(@PathParam("id") long id) {
        return views.blueprint(id);
    }

    @POST
    @Path("blueprints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a blueprint; refused (422) with each section's shortfall when the bank cannot fill it")
    public Response createBlueprint(BlueprintInput in) {
        if (in == null) {
            throw new BadRequestException();
        }
        Blueprint b = blueprints.create(in, user.getUsername());
        return Response.created(URI.create("/api/v1/blueprints/" + b.id)).entity(views.blueprint(b.id)).build();
    }

    @PUT
    @Path("blueprints/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExamAdminViews.BlueprintView updateBlueprint(@PathParam("id") long id, BlueprintInput in) {
        if (in == null) {
            throw new BadRequestException();
        }
        blueprints.update(id, in);
        return views.blueprint(id);
    }

    @GET
    @Path("exams")
    @Operation(summary = "Exams owned within your scope")
    public List<ExamAdminViews.ExamView> exams() {
        return views.exams();
    }

    @GET
    @Path("exams/{id}")
    public ExamAdminViews.ExamView exam(@PathParam("id") long id) {
        return views.exam(id);
    }

    @POST
    @Path("exams")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft exam")
    public Response create(ExamInput in) {
        if (in == null) {
            throw new BadRequestException();
        }
        Exam e = exams.create(in, user.getUsername());
        return Response.created(URI.create("/api/v1/exams/" + e.id)).entity(views.exam(e.id)).build();
    }

    @PUT
    @Path("exams/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an exam; running attempts get the new deadline at once")
    public ExamAdminViews.ExamView update(@PathParam("id") long id, ExamInput in) {
        if (in == null) {
            throw new BadRequestException();
        }
        exams.update(id, in);
        return views.exam(id);
    }

    @POST
    @Path("exams/{id}/publish")
    @Operation(summary = "Publish: freezes the question pool and opens the exam to its audience")
    public ExamAdminViews.ExamView publish(@PathParam("id") long id) {
        exams.publish(id);
        return views.exam(id);
    }

    @POST
    @Path("exams/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExamAdminViews.ExamView cancel(@PathParam("id") long id, Reason r) {
        exams.cancel(id, r == null ? null : r.reason());
        return views.exam(id);
    }

    @POST
    @Path("exams/{id}/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extra time, attempts or another window for a person or a unit; needs a reason; audited; reaches running attempts at once")
    public ExamAdminViews.ExamView override(@PathParam("id") long id, OverrideInput in) {
        if (in == null) {
            throw new BadRequestException();
        }
        exams.addOverride(id, in, user.getUsername());
        return views.exam(id);
    }

    @GET
    @Path("exams/{id}/monitor")
    @Operation(summary = "Live monitor: audience, started, still answering, submitted, awaiting grading")
    public ExamReports.Monitor monitor(@PathParam("id") long id) {
        return reports.monitor(id);
    }

    @GET
    @Path("exams/{id}/results")
    public List<ExamReports.ResultRow> results(@PathParam("id") long id) {
        return reports.results(id);
    }

    @GET
    @Path("exams/{id}/item-stats")
    @Operation(summary = "Per question: responses, difficulty (mean share of points) and discrimination (top 27 % minus bottom 27 %)")
    public List<ExamReports.ItemStat> itemStats(@PathParam("id") long id) {
        return reports.itemStats(id);
    }

    @GET
    @Path("exams/{id}/results.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response export(@PathParam("id") long id) {
        return QuestionResource.attachment(reports.exportXlsx(id), ExamText.admin(ExamText.locale()).xlsx_file(id));
    }
}
