package cn.zhifa.academy.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.DomainException;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.GoneException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.error.UnprocessableException;

/**
 * One error contract: requests under {@code /api} get problem+json (RFC 9457), pages get the
 * friendly Chinese error page, and an unauthenticated page request goes to the login page.
 * Nothing here echoes exception classes or stack traces to the client.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final String PROBLEM_BASE = "https://academy.invalid/problems/";

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (isApi(uri)) {
            return unauthenticated(uri);
        }
        return Response.seeOther(URI.create("/login?error=1")).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return error(uri, 403, "forbidden", "Forbidden", "You are not allowed to do this.", null);
    }

    @ServerExceptionMapper(priority = 1)
    public Response problem(ProblemException e, UriInfo uri) {
        return error(uri, e.status(), slug(e.status()), e.title(), e.getMessage(), e.errors());
    }

    /**
     * Domain errors: the status follows from the kind, the texts from the {@code errors} bundle in
     * the request's language. A form post that breaks a rule goes back to the page it came from
     * (post, redirect, get) with the message as a {@link Flash}; without such a page, the error page.
     */
    @ServerExceptionMapper(priority = 1)
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers, Request request) {
        int status = statusOf(e);
        Locale locale = ErrorTexts.currentLocale();
        List<Problem.FieldError> errors = e.errors() == null ? null
                : e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.text(locale))).toList();
        String title = e.title() != null ? e.title() : titleOf(status);
        if (isApi(uri)) {
            return problem(status, slug(status), title, e.text(locale), uri, errors);
        }
        URI back = status != 404 && "POST".equals(request.getMethod())
                ? sameOriginPage(headers.getHeaderString("Referer"), uri) : null;
        if (back != null) {
            return Response.seeOther(back).cookie(Flash.carrying(e)).build();
        }
        String pageDetail = errors == null || errors.isEmpty() ? e.text(locale)
                : String.join(ErrorTexts.text(locale, "sep.list"),
                        errors.stream().map(f -> f.field() + ErrorTexts.text(locale, "sep.detail") + f.message()).toList());
        return ErrorPage.response(status, pageDetail, null);
    }

    /** The status of a kind of domain error: the one place where domain meets HTTP. */
    public static int statusOf(DomainException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof cn.zhifa.academy.platform.error.ForbiddenException) {
            return 403;
        }
        if (e instanceof UnprocessableException) {
            return 422;
        }
        if (e instanceof GoneException) {
            return 410;
        }
        return 400;
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 403 -> "Forbidden";
            case 422 -> "Unprocessable content";
            case 410 -> "Gone";
            default -> "Invalid request";
        };
    }

    /**
     * The path and query of the page a form was posted from, when it is one of ours; else null.
     * Only the host is compared (a TLS proxy may change scheme and port); the answer is a path on
     * this site in any case, never another site.
     */
    static URI sameOriginPage(String referer, UriInfo uri) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI from = URI.create(referer.trim());
            URI here = uri.getRequestUri();
            if (from.getRawPath() == null || !from.getRawPath().startsWith("/") || from.getRawPath().startsWith("//")
                    || from.getHost() == null || !from.getHost().equalsIgnoreCase(here.getHost())) {
                return null;
            }
            return URI.create(from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return error(uri, 400, "validation", "Invalid request", "Some fields are not valid.", errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing exists at this path.";
            case 405 -> "This method is not allowed here.";
            case 406, 415 -> "The requested or supplied media type is not supported here.";
            default -> status >= 500 ? null : e.getMessage();
        };
        return error(uri, status, slug(status), title, detail, null);
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected error ref=%s path=%s", ref, uri.getPath());
        if (isApi(uri)) {
            return problem(500, "internal", "Internal error", "Unexpected error, reference " + ref, uri, null);
        }
        return ErrorPage.response(500, null, ref);
    }

    static boolean isApi(UriInfo uri) {
        String p = uri.getPath();
        return p.equals("/api") || p.startsWith("/api/");
    }

    private Response unauthenticated(UriInfo uri) {
        if (isApi(uri)) {
            return problem(401, "unauthenticated", "Unauthorized", "Log in first: this resource needs a session.", uri,
                    null);
        }
        // remember where the person wanted to go; form login returns there afterwards
        NewCookie back = new NewCookie.Builder("quarkus-redirect-location").value(uri.getRequestUri().toString())
                .path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login")).cookie(back).build();
    }

    private Response error(UriInfo uri, int status, String slug, String title, String detail,
            List<Problem.FieldError> errors) {
        if (isApi(uri)) {
            return problem(status, slug, title, detail, uri, errors);
        }
        Locale locale = ErrorTexts.currentLocale();
        String pageDetail = errors == null || errors.isEmpty() ? null
                : String.join(ErrorTexts.text(locale, "sep.list"),
                        errors.stream().map(f -> f.field() + ErrorTexts.text(locale, "sep.detail") + f.message()).toList());
        return ErrorPage.response(status, pageDetail, null);
    }

    static Response problem(int status, String slug, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem p = new Problem(PROBLEM_BASE + slug, title, status, detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            default -> "http-" + status;
        };
    }

    private static String lastNode(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }
}
