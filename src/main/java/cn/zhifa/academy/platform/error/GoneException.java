package cn.zhifa.academy.platform.error;

/**
 * What was asked for existed but is gone for good (410): e.g. the stored file of a roster import
 * after its retention period. Unlike {@link NotFoundException}, asking again will not help.
 */
public class GoneException extends DomainException {

    public GoneException(String key, Object... args) {
        super(key, args, null);
    }
}
