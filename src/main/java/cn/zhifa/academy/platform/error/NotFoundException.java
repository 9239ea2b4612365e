package cn.zhifa.academy.platform.error;

/**
 * Nothing of that kind exists (404); also thrown for records outside the caller's scope, so
 * their existence is not revealed.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String key, Object... args) {
        super(key, args, null);
    }
}
