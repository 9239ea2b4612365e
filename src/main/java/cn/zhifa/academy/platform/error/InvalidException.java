package cn.zhifa.academy.platform.error;

import java.util.List;

/** The input is not valid (400): one field, several fields or rows, or the request as a whole. */
public class InvalidException extends DomainException {

    private InvalidException(String key, Object[] args, List<FieldError> errors) {
        super(key, args, errors);
    }

    /** One field is wrong; the message is also the problem's detail. */
    public static InvalidException field(String field, String key, Object... args) {
        return new InvalidException(key, args, List.of(new FieldError(field, key, args)));
    }

    /** The request as a whole is wrong, no single field to name. */
    public static InvalidException of(String key, Object... args) {
        return new InvalidException(key, args, null);
    }

    /** Several fields or rows are wrong; the detail is a summary of its own. */
    public static InvalidException fields(List<FieldError> errors, String key, Object... args) {
        return new InvalidException(key, args, errors);
    }

    /** Several fields or rows are wrong; the first one's message is the detail. */
    public static InvalidException fields(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new InvalidException(first.key(), first.args(), errors);
    }
}
