package cn.zhifa.academy.qualification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

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

import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.security.Roles;

/**
 * Offline-verifiable certificates (issue 17 item 4): the public keys (JWKS), a qualification's
 * signed credential for its holder and administrators, and the live state a verifier asks for
 * when it is online.
 */
@Path("/api/v1/qualifications/{id:\\d+}")
@Tag(name = "Certificate credentials")
public class CredentialResource {

    @Inject
    CredentialKeys keys;

    @Inject
    Credentials credentials;

    @Inject
    QualificationAccess access;

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationJobs jobs;

    @GET
    @Path("credential")
    @RolesAllowed({ Roles.LEARNER, Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The certificate as a signed verifiable credential (compact JWS, ES256) and the offline verification URL")
    public Map<String, Object> credential(@PathParam("id") long id) {
        String jwt = jwtOf(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jwt", jwt);
        out.put("offlineUrl", credentials.offlineUrl(jwt));
        out.put("jwks", "/.well-known/jwks.json");
        return out;
    }

    @GET
    @Path("credential.jwt")
    @RolesAllowed({ Roles.LEARNER, Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
    @Produces("application/vc+jwt")
    @Transactional
    @Operation(summary = "The signed credential as a file to download")
    public Response credentialFile(@PathParam("id") long id) {
        Qualification q = access.visible(id);
        return Response.ok(jwtOf(id)).header("Content-Disposition", "attachment; filename=\"credential-" + q.number
                + ".jwt\"").build();
    }

    @GET
    @Path("credential.png")
    @RolesAllowed({ Roles.LEARNER, Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
    @Produces("image/png")
    @Transactional
    @Operation(summary = "A QR code of the offline verification URL (the credential travels in the URL fragment)")
    public Response credentialQr(@PathParam("id") long id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(CertificatePdf.qr(credentials.offlineUrl(jwtOf(id)), 3), "png", out);
        return Response.ok(out.toByteArray()).header("Cache-Control", "private, no-store").build();
    }

    private String jwtOf(long id) {
        Qualification q = access.visible(id);
        QualificationQueries.View v = queries.view(q.id, jobs.today()).orElseThrow();
        if (v.state() != QualificationState.VALID) {
            throw new ConflictException("qualification.credential_not_valid", v.state()).titled("Not valid");
        }
        return credentials.issue(v);
    }

}
