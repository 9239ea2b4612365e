package cn.zhifa.academy.qualification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * The public verification page (证书核验), no login: by number (the certificate's QR code) or a
 * form. Shows the masked holder, unit, qualification, domain, dates and the state from the
 * database, so an edited PDF cannot fool it. Unknown and malformed numbers get the same
 * "not found" answer (status 404, same template, one look-up either way); nothing lists
 * holders. A small per-address budget answers 429 to anyone walking numbers.
 */
@Path("/verify")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class VerifyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(String number, PublicView result, boolean searched, boolean limited);
    }

    /** What the public sees. */
    public record PublicView(String number, String holder, String unit, String typeName, String typeNameEn,
            String domainName, String issuingBody, LocalDate issuedOn, LocalDate expiresOn, QualificationState state,
            LocalDate stateSince) {
    }

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationJobs jobs;

    @Inject
    QualificationConfig config;

    @Inject
    RoutingContext request;

    private static final PerMinuteBudget BUDGET = new PerMinuteBudget();

    @GET
    public Response form(@QueryParam("number") String number) {
        if (number != null && !number.isBlank()) {
            String n = CertificateNumbers.normalise(number).orElse(number.trim());
            return Response.seeOther(URI.create("/verify/" + URLEncoder.encode(n, StandardCharsets.UTF_8).replace("+", "%20")))
                    .build();
        }
        return page(200, Templates.verify(null, null, false, false));
    }

    @GET
    @Path("{number}")
    @Transactional
    public Response verify(@PathParam("number") String number) {
        if (overBudget()) {
            return page(429, Templates.verify(null, null, true, true));
        }
        // one look-up whatever was typed, so malformed and unknown numbers answer alike
        String canonical = CertificateNumbers.normalise(number).orElse("-");
        Optional<PublicView> found = Qualification.byNumber(canonical)
                .map(q -> queries.views(java.util.List.of(q), jobs.today()).get(0))
                .map(v -> new PublicView(v.number(), QualificationQueries.maskName(v.personName()), v.unitName(),
                        v.typeName(), v.typeNameEn(), v.domainName(), v.issuingBody(), v.issuedOn(), v.expiresOn(),
                        v.state(), v.stateSince()));
        String shown = number == null ? "" : (number.length() > 40 ? number.substring(0, 40) : number);
        return page(found.isPresent() ? 200 : 404, Templates.verify(shown, found.orElse(null), true, false));
    }

    private Response page(int status, TemplateInstance t) {
        return Response.status(status).entity(t).header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex")
                .header("Referrer-Policy", "no-referrer").build();
    }

    private boolean overBudget() {
        return BUDGET.over(request, config.verifyPerMinute());
    }
}
