package cn.zhifa.academy.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.InvalidException;

/** A provider's credit (信用): standing, events, blacklist and commissions. */
@Path("/api/v1/providers/{id}/credit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
@Tag(name = "Evaluations")
public class CreditResource {

    @Inject
    CreditService credit;

    public record LiftInput(String reason) {
    }

    @GET
    @Operation(summary = "Current band (latest confirmed evaluation) and blacklisting in force")
    public CreditService.Standing standing(@PathParam("id") long id) {
        credit.visible(id);
        return credit.standing(id);
    }

    @GET
    @Path("events")
    @Operation(summary = "Credit events, newest first")
    public List<CreditService.EventView> events(@PathParam("id") long id) {
        return credit.events(id);
    }

    @POST
    @Path("events")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Record a credit event (points as a magnitude; the kind sets the sign) with optional evidence")
    public Response record(@PathParam("id") long id, @RestForm CreditEventKind kind, @RestForm BigDecimal points,
            @RestForm String occurredOn, @RestForm String description, @RestForm("evidence") FileUpload evidence)
            throws IOException {
        CreditEvent e = credit.record(id, new CreditService.EventInput(kind, points, date("occurredOn", occurredOn), description),
                evidence == null ? null : evidence.uploadedFile(), evidence == null ? null : evidence.fileName(),
                evidence == null ? null : evidence.contentType());
        return Response.created(URI.create("/api/v1/providers/" + id + "/credit/events/" + e.id))
                .entity(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> credit.view(e)))
                .build();
    }

    @GET
    @Path("blacklist")
    @Operation(summary = "Blacklistings of the provider, in force or not")
    public List<CreditService.BlacklistView> blacklist(@PathParam("id") long id) {
        return credit.blacklistings(id);
    }

    @POST
    @Path("blacklist")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Put the provider on the blacklist from startsOn until endsOn (or for months)")
    public Response blacklist(@PathParam("id") long id, @NotNull CreditService.BlacklistInput in) {
        Blacklisting b = credit.blacklist(id, in);
        return Response.created(URI.create("/api/v1/providers/" + id + "/credit/blacklist/" + b.id))
                .entity(CreditService.view(b, Now.today())).build();
    }

    @POST
    @Path("blacklist/{bid}/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Lift a blacklisting early, with a reason")
    public Response lift(@PathParam("id") long id, @PathParam("bid") long bid, @NotNull LiftInput in) {
        credit.lift(id, bid, in.reason());
        return Response.noContent().build();
    }

    @GET
    @Path("commissions")
    @Operation(summary = "Commissions of the provider")
    public List<CreditService.CommissionView> commissions(@PathParam("id") long id) {
        return credit.commissions(id);
    }

    @POST
    @Path("commissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Commission services; 409 problem+json while the provider is blacklisted")
    public Response commission(@PathParam("id") long id, @NotNull CreditService.CommissionInput in) {
        Commission c = credit.commission(id, in);
        return Response.created(URI.create("/api/v1/providers/" + id + "/credit/commissions/" + c.id))
                .entity(credit.commissions(id).stream().filter(v -> v.id() == c.id).findFirst().orElseThrow()).build();
    }

    static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidException.field(field, "evaluation.date_format", raw);
        }
    }
}
