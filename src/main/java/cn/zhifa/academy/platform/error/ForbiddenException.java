package cn.zhifa.academy.platform.error;

/** The caller may not do this (403), with the reason shown to them. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String key, Object... args) {
        super(key, args, null);
    }
}
