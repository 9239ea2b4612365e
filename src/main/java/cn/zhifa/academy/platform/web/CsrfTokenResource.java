package cn.zhifa.academy.platform.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;

/**
 * The CSRF token for clients that call the API with the session cookie (the pages' scripts,
 * tools): every POST/PUT/DELETE with a form or multipart body must carry it in the
 * {@code X-CSRF-TOKEN} header (or the {@code csrf-token} field) together with the cookie this
 * response sets.
 */
@Path("/api/v1/csrf-token")
@PermitAll
@Tag(name = "Security")
public class CsrfTokenResource {

    @Inject
    @Named("csrf")
    CsrfTokenParameterProvider csrf;

    public record CsrfToken(String token, String headerName, String parameterName) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A CSRF token to send back in the X-CSRF-TOKEN header with the cookie set here")
    public CsrfToken token() {
        return new CsrfToken(csrf.getToken(), csrf.getHeaderName(), csrf.getParameterName());
    }
}
