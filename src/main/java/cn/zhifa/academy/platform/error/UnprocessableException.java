package cn.zhifa.academy.platform.error;

import java.util.List;

/**
 * The content is well formed but breaks the rules of its kind (422): a case without its
 * required sections, a blueprint the question bank cannot fill. The problems are listed.
 */
public class UnprocessableException extends DomainException {

    public UnprocessableException(String key, Object... args) {
        super(key, args, null);
    }

    /** For kinds of unprocessable content with rows of their own (e.g. the problems of an imported file). */
    protected UnprocessableException(List<FieldError> errors, String key, Object[] args) {
        super(key, args, errors);
    }

    /** The content with the problems found in it; the detail is a summary of its own. */
    public static UnprocessableException listing(List<FieldError> errors, String key, Object... args) {
        return new UnprocessableException(errors, key, args);
    }
}
