package cn.zhifa.academy.qualification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify certificate credentials (issue 17 item 4), at a well-known URL. */
@Path("/.well-known")
@Tag(name = "Certificate credentials")
public class JwksResource {

    @Inject
    CredentialKeys keys;

    @GET
    @Path("jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys (JWKS, EC P-256) that verify certificate credentials; revoked keys are absent")
    public Response jwks() {
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*").build();
    }

}
