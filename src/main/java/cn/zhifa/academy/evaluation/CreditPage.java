package cn.zhifa.academy.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.web.FormErrors;
import cn.zhifa.academy.provider.ProviderDirectory;
import cn.zhifa.academy.provider.ProviderService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Pages of the provider credit evaluation (第三方机构信用评价). */
@Path("/evaluations/providers")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
@Produces(MediaType.TEXT_HTML)
public class CreditPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ranking(List<CreditService.Standing> standings);

        static native TemplateInstance provider(ProviderService.ProviderView provider, CreditService.Standing standing,
                List<EvaluationService.EvaluationView> evaluations, List<CreditService.EventView> events,
                List<CreditService.BlacklistView> blacklist, List<CreditService.CommissionView> commissions,
                List<SchemeService.SchemeView> schemes, boolean canManage, String error);
    }

    @Inject
    CreditService credit;

    @Inject
    ProviderService providers;

    @Inject
    EvaluationService evaluations;

    @Inject
    SchemeService schemes;

    @GET
    public TemplateInstance ranking() {
        List<CreditService.Standing> s = providers.list().stream().map(p -> credit.standing(p.id()))
                .sorted(Comparator.comparing((CreditService.Standing x) -> x.total() == null ? BigDecimal.valueOf(-1) : x.total())
                        .reversed())
                .toList();
        return Templates.ranking(s);
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance provider(@PathParam("id") long id) {
        return page(id, null);
    }

    private TemplateInstance page(long id, String error) {
        ProviderDirectory.ProviderSummary p = credit.visible(id);
        return Templates.provider(providers.view(id).orElseThrow(), credit.standing(id),
                evaluations.list(SubjectKind.PROVIDER, null, id, 50).stream().map(evaluations::view).toList(),
                credit.events(id), credit.blacklistings(id), credit.commissions(id),
                schemes.visible(SubjectKind.PROVIDER).stream().filter(s -> s.status == EvalScheme.Status.ACTIVE)
                        .map(schemes::view).toList(),
                credit.canManage(p), error);
    }

    /** A refused action shows the provider's page again with the reason, under the error's status. */
    private Response orPage(long id, java.util.function.Supplier<Response> action) {
        return FormErrors.orRender(action, refused -> page(id, refused.message()));
    }

    @POST
    @Path("{id:\\d+}/evaluations")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response open(@PathParam("id") long id, @RestForm Long schemeId, @RestForm String cycle) {
        return orPage(id, () -> {
            Evaluation e = evaluations.open(new EvaluationService.OpenInput(schemeId, null, id, cycle));
            return Response.seeOther(URI.create("/evaluations/" + e.id)).build();
        });
    }

    @POST
    @Path("{id:\\d+}/events")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response event(@PathParam("id") long id, @RestForm CreditEventKind kind, @RestForm String points,
            @RestForm String occurredOn, @RestForm String description, @RestForm("evidence") FileUpload evidence)
            throws IOException {
        return orPage(id, () -> {
            BigDecimal value = number(points);
            boolean hasFile = evidence != null && evidence.fileName() != null && !evidence.fileName().isBlank()
                    && evidence.size() > 0;
            try {
                credit.record(id, new CreditService.EventInput(kind, value, CreditResource.date("occurredOn", occurredOn),
                        description), hasFile ? evidence.uploadedFile() : null, hasFile ? evidence.fileName() : null,
                        hasFile ? evidence.contentType() : null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Response.seeOther(URI.create("/evaluations/providers/" + id + "#events")).build();
        });
    }

    private static BigDecimal number(String points) {
        if (points == null || points.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(points.trim());
        } catch (NumberFormatException nf) {
            throw InvalidException.field("points", "credit.points_not_number", points);
        }
    }

    @POST
    @Path("{id:\\d+}/blacklist")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response blacklist(@PathParam("id") long id, @RestForm String reason, @RestForm String startsOn,
            @RestForm String endsOn, @RestForm Integer months) {
        return orPage(id, () -> {
            credit.blacklist(id, new CreditService.BlacklistInput(reason, CreditResource.date("startsOn", startsOn),
                    CreditResource.date("endsOn", endsOn), months));
            return Response.seeOther(URI.create("/evaluations/providers/" + id + "#blacklist")).build();
        });
    }

    @POST
    @Path("{id:\\d+}/commissions")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response commission(@PathParam("id") long id, @RestForm String services, @RestForm String periodStart,
            @RestForm String periodEnd) {
        return orPage(id, () -> {
            credit.commission(id, new CreditService.CommissionInput(null, services,
                    CreditResource.date("periodStart", periodStart), CreditResource.date("periodEnd", periodEnd)));
            return Response.seeOther(URI.create("/evaluations/providers/" + id + "#commissions")).build();
        });
    }
}
