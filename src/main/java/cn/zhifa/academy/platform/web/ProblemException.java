package cn.zhifa.academy.platform.web;

import java.util.List;

/**
 * A domain error with an HTTP status: services throw it, the API answers it as
 * problem+json and pages as the friendly error page.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    /** 400 with the field that is wrong; the message is shown to people as is. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid request", message, List.of(new Problem.FieldError(field, message)));
    }

    /** 409 with the field that conflicts. */
    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", message, List.of(new Problem.FieldError(field, message)));
    }

    /** 404; also used for records outside the caller's scope, so their existence is not revealed. */
    public static ProblemException notFound(String message) {
        return new ProblemException(404, "Not found", message);
    }

    /** 403 with a message shown to people as is. */
    public static ProblemException forbidden(String message) {
        return new ProblemException(403, "Forbidden", message);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
