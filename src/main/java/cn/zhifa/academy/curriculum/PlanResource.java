package cn.zhifa.academy.curriculum;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.Dates;

/** Training plans, their progress and offline hours, as JSON for administrators. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Plans")
public class PlanResource {

    @Inject
    PlanService plans;

    @GET
    @Operation(summary = "Plans owned within your scope")
    public List<PlanService.PlanView> list() {
        return plans.visible();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a plan; assignments are opened for its audience at once")
    public Response create(@Valid @NotNull PlanService.PlanInput in) {
        TrainingPlan p = plans.create(in);
        return Response.created(URI.create("/api/v1/plans/" + p.id)).entity(plans.viewOf(p.id)).build();
    }

    @GET
    @Path("{id}")
    public PlanService.PlanView get(@PathParam("id") long id) {
        return plans.viewOf(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a plan; assignments follow the new audience (leavers are closed, not deleted)")
    public PlanService.PlanView update(@PathParam("id") long id, @Valid @NotNull PlanService.PlanInput in) {
        plans.update(id, in);
        return plans.viewOf(id);
    }

    @GET
    @Path("{id}/progress")
    @Operation(summary = "Progress by unit: assigned, completed, completion %, people below the hours target")
    public List<PlanService.UnitProgress> progress(@PathParam("id") long id) {
        return plans.byUnit(id);
    }

    @GET
    @Path("{id}/people")
    @Operation(summary = "Progress per person, optionally for one unit")
    public List<PlanService.PersonProgress> people(@PathParam("id") long id, @QueryParam("unit") Long unit) {
        return plans.people(id, unit);
    }

    @GET
    @Path("{id}/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Progress by unit and per person as XLSX")
    public Response export(@PathParam("id") long id) throws IOException {
        return Response.ok(plans.exportXlsx(id))
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-progress.xlsx\"").build();
    }

    @POST
    @Path("offline-training")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Record offline training hours for a person with an evidence file")
    public Response offline(@RestForm long personId, @RestForm BigDecimal hours, @RestForm String date,
            @RestForm String description, @RestForm("evidence") FileUpload evidence) throws IOException {
        if (evidence == null || evidence.uploadedFile() == null) {
            throw new BadRequestException("evidence file is missing");
        }
        HoursEntry h = plans.recordOffline(personId, hours, Dates.parse("date", date), description,
                evidence.uploadedFile(), evidence.fileName(), evidence.contentType());
        return Response.status(201).entity(new LearningService.HoursLine(h.description, h.hours, h.source.name(),
                h.recordedAt)).build();
    }
}
