package cn.zhifa.academy.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A safety net for the API's error contract: an error that a framework filter answered
 * without a body (for instance a refused CSRF token) still reaches API clients as
 * problem+json.
 */
public class ProblemResponseFilter {

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getStatus() < 400 || response.hasEntity() || !(path.equals("/api") || path.startsWith("/api/"))) {
            return;
        }
        int status = response.getStatus();
        // Bodies that cannot be read are answered by InputErrorMappers with their own words; what
        // is left here without a body is the CSRF filter's refusal of a form or upload.
        String detail = status == 400 ? "The request was refused: a form or upload needs a valid CSRF token "
                + "(X-CSRF-TOKEN header, see /api/v1/csrf-token)." : null;
        response.setEntity(new Problem("https://academy.invalid/problems/http-" + status,
                response.getStatusInfo().getReasonPhrase(), status, detail, path, null));
        response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
    }
}
