package cn.zhifa.academy.platform.error;

import java.util.List;

/** The request is fine but the state of things does not allow it (409): a duplicate, a wrong status. */
public class ConflictException extends DomainException {

    public ConflictException(String key, Object... args) {
        super(key, args, null);
    }

    private ConflictException(String field, String key, Object[] args) {
        super(key, args, List.of(new FieldError(field, key, args)));
    }

    /** A conflict on one field (the field is named in the problem's errors). */
    public static ConflictException on(String field, String key, Object... args) {
        return new ConflictException(field, key, args);
    }
}
