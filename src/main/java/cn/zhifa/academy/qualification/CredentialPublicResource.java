package cn.zhifa.academy.qualification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.ProblemException;
import io.vertx.ext.web.RoutingContext;

/**
 * Offline-verifiable certificates (issue 17 item 4): the public keys (JWKS), a qualification's
 * signed credential for its holder and administrators, and the live state a verifier asks for
 * when it is online.
 */
/** The public side of credentials (issue 17 item 4): the keys and the live state. */
@Path("/api/v1/public/credentials")
@Tag(name = "Certificate credentials")
public class CredentialPublicResource {

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationJobs jobs;

    @Inject
    QualificationConfig config;

    @Inject
    RoutingContext request;

    private static final PerMinuteBudget BUDGET = new PerMinuteBudget();

    /** The live state (暂扣、注销 and 过期 override the signed validity). Public, like /verify. */
    @GET
    @Path("{number}/status")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Live state of a certificate, for verifiers that are online")
    public Response status(@PathParam("number") String number) {
        if (overBudget()) {
            // throttling is the HTTP edge's own answer: the status stays here, the words in the bundle
            throw new ProblemException(429, "Too many requests",
                    ErrorTexts.text(ErrorTexts.currentLocale(), "qualification.verify_throttled"));
        }
        String canonical = CertificateNumbers.normalise(number).orElse("-");
        QualificationQueries.View v = Qualification.byNumber(canonical)
                .map(q -> queries.views(java.util.List.of(q), jobs.today()).get(0))
                .orElseThrow(() -> new NotFoundException("qualification.certificate_not_found"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", v.number());
        out.put("state", v.state().name());
        out.put("stateSince", v.stateSince() == null ? null : v.stateSince().toString());
        out.put("expiresOn", v.expiresOn().toString());
        return Response.ok(out).header("Cache-Control", "no-store").header("Access-Control-Allow-Origin", "*").build();
    }

    private boolean overBudget() {
        return BUDGET.over(request, config.verifyPerMinute());
    }
}
