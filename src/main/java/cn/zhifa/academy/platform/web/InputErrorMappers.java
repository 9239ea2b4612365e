package cn.zhifa.academy.platform.web;

import java.time.DateTimeException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Issue 12 items 9, 10, 16: every way a request's input cannot be read becomes a 400 in our
 * own words, naming the field where one is known: problem+json for the API, the friendly
 * error page for forms. Parser and framework messages never reach the client.
 */
public class InputErrorMappers {

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidTypeId(InvalidTypeIdException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response instantiation(ValueInstantiationException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response streamRead(StreamReadException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraints(StreamConstraintsException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response processing(JsonProcessingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response processing(ProcessingException e, UriInfo uri) {
        Throwable c = e.getCause();
        if (c instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        return bad(uri, null, "The request body could not be read.");
    }

    @ServerExceptionMapper(priority = 1)
    public Response date(DateTimeException e, UriInfo uri) {
        return bad(uri, null, "A date is not valid (expected an existing date as YYYY-MM-DD).");
    }

    @ServerExceptionMapper(priority = 1)
    public Response number(NumberFormatException e, UriInfo uri) {
        return bad(uri, null, "A number is not valid.");
    }

    @ServerExceptionMapper(priority = 1)
    public Response arithmetic(ArithmeticException e, UriInfo uri) {
        return bad(uri, null, "A number is out of range.");
    }

    /** A broken multipart body (no closing boundary, garbage) is the client's fault: 400. */
    @ServerExceptionMapper(priority = 1)
    public Response io(java.io.IOException e, UriInfo uri) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || f.getClassName().endsWith(".FormBodyHandler")) {
                return bad(uri, null, "The multipart body is malformed.");
            }
        }
        return new ErrorMappers().unexpected(e, uri);
    }

    static Response json(JsonProcessingException e, UriInfo uri) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            if (e instanceof StreamConstraintsException) {
                return bad(uri, null, "The request body is too large or too deeply nested.");
            }
            if (e instanceof MismatchedInputException) {
                return bad(uri, null, "The request body does not have the expected shape.");
            }
            return bad(uri, null, "The request body is not valid JSON.");
        }
        String field = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String why;
        if (e instanceof UnrecognizedPropertyException) {
            why = "is not a known field";
        } else if (e instanceof InvalidFormatException f && f.getOriginalMessage() != null
                && ourWords(f.getOriginalMessage()) != null) {
            why = ourWords(f.getOriginalMessage());
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            why = "is not one of the allowed values";
        } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            why = "must be " + describe(mi.getTargetType());
        } else {
            why = "has a value that cannot be read";
        }
        return bad(uri, field, field + " " + why + ".");
    }

    private static String ourWords(String original) {
        for (String s : List.of("text too long", "number out of range", "too many decimal places", "contains a control character",
                "not a number")) {
            if (original.startsWith(s)) {
                return switch (s) {
                    case "text too long" -> "is longer than " + StrictJson.MAX_TEXT + " characters";
                    case "number out of range" -> "is out of range";
                    case "too many decimal places" -> "has too many decimal places";
                    case "contains a control character" -> "contains a control character (such as NUL), which is not allowed";
                    default -> "is not a number";
                };
            }
        }
        return null;
    }

    private static String describe(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(t) || t == double.class || t == float.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return "one of the allowed values";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "an existing date (YYYY-MM-DD)";
        }
        if (t == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "a list";
        }
        return "an object of the expected shape";
    }

    static Response bad(UriInfo uri, String field, String message) {
        List<Problem.FieldError> errors = field == null ? null : List.of(new Problem.FieldError(field, message));
        if (ErrorMappers.isApi(uri)) {
            return ErrorMappers.problem(400, "validation", "Invalid request", message, uri, errors);
        }
        return ErrorPage.response(400, null, null);
    }
}
