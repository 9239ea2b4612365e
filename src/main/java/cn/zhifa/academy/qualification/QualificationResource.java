package cn.zhifa.academy.qualification;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;

/** Qualifications (资格) as JSON: lists, detail with history, lifecycle actions, certificate PDF. */
@Path("/api/v1/qualifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Qualifications")
public class QualificationResource {

    @Inject
    QualificationAccess access;

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationService service;

    @Inject
    QualificationJobs jobs;

    @Inject
    CertificatePdf certificates;

    public record Detail(QualificationQueries.View qualification, List<QualificationQueries.EventView> history,
            List<AnnualCheckView> annualChecks, String verificationUrl) {
    }

    public record AnnualCheckView(int year, boolean passed, String note, String checkedBy) {
    }

    public record IssueInput(@NotNull Long personId, @NotBlank String typeCode, String domainCode, @NotBlank String reason) {
    }

    public record ReasonInput(@NotBlank String reason) {
    }

    public record AnnualCheckInput(@NotNull Integer year, @NotNull Boolean passed, String note) {
    }

    @GET
    @Transactional
    @Operation(summary = "Qualifications in your scope: of one person, expiring within N days, or in a state")
    public List<QualificationQueries.View> list(@QueryParam("personId") Long personId,
            @QueryParam("state") QualificationState state, @QueryParam("expiringWithinDays") Integer days) {
        if (personId != null) {
            access.visiblePerson(personId);
            return queries.ofPerson(personId, jobs.today());
        }
        if (!access.isManager()) {
            Long self = access.personId();
            return self == null ? List.of() : queries.ofPerson(self, jobs.today());
        }
        return queries.list(access.listPrefix(), state, days, 500, jobs.today());
    }

    @GET
    @Path("{id:\\d+}")
    @Transactional
    @Operation(summary = "One qualification with its history (all cycles) and annual checks; 404 outside your scope")
    public Detail get(@PathParam("id") long id) {
        Qualification q = access.visible(id);
        return detail(q);
    }

    Detail detail(Qualification q) {
        return new Detail(queries.view(q.id, jobs.today()).orElseThrow(), queries.history(q.id),
                AnnualCheck.of(q.id).stream().map(c -> new AnnualCheckView(c.year, c.passed, c.note, c.checkedBy)).toList(),
                certificates.verificationUrl(q.number));
    }

    @GET
    @Path("{id:\\d+}/certificate.pdf")
    @Produces("application/pdf")
    @Transactional
    @Operation(summary = "The certificate as PDF (rendered from the current record)")
    public Response certificate(@PathParam("id") long id) throws IOException {
        Qualification q = access.visible(id);
        byte[] pdf = certificates.render(queries.view(q.id, jobs.today()).orElseThrow());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"certificate-" + q.number + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Transactional
    @Operation(summary = "Issue by hand with a reason (re-issues an expired or cancelled one as a new cycle)")
    public Response issue(@Valid @NotNull IssueInput in) {
        access.requireManagePerson(in.personId());
        Qualification q = service.issueManually(in.personId(), in.typeCode(), in.domainCode(), in.reason(), jobs.today(),
                access.actor());
        return Response.created(URI.create("/api/v1/qualifications/" + q.id)).entity(detail(q)).build();
    }

    @POST
    @Path("{id:\\d+}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Transactional
    @Operation(summary = "Suspend with a reason")
    public Detail suspend(@PathParam("id") long id, @Valid @NotNull ReasonInput in) {
        access.manageable(id);
        return detail(service.suspend(id, in.reason(), jobs.today(), access.actor()));
    }

    @POST
    @Path("{id:\\d+}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Transactional
    @Operation(summary = "Lift a suspension with a reason")
    public Detail restore(@PathParam("id") long id, @Valid @NotNull ReasonInput in) {
        access.manageable(id);
        return detail(service.restore(id, in.reason(), jobs.today(), access.actor()));
    }

    @POST
    @Path("{id:\\d+}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Transactional
    @Operation(summary = "Cancel with a reason")
    public Detail cancel(@PathParam("id") long id, @Valid @NotNull ReasonInput in) {
        access.manageable(id);
        return detail(service.cancel(id, in.reason(), jobs.today(), access.actor()));
    }

    @POST
    @Path("{id:\\d+}/annual-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Transactional
    @Operation(summary = "Record the annual check of a year (a failed check needs a note)")
    public Response annualCheck(@PathParam("id") long id, @Valid @NotNull AnnualCheckInput in) {
        Qualification q = access.manageable(id);
        service.annualCheck(id, in.year(), in.passed(), in.note(), jobs.today(), access.actor());
        return Response.status(201).entity(detail(q)).build();
    }
}
