package cn.zhifa.academy.storage;

/**
 * One owning feature's rule for reading its stored files. Each feature that stores files
 * provides one bean per {@link MediaOwner} kind it owns; {@link MediaAccess} is the only caller.
 * A rule runs inside a request with a logged-in user (CurrentUser) and answers for that user.
 */
public interface MediaOwnerRule {

    MediaOwner kind();

    /** Whether the current user may read {@code m}; false turns into a 404. */
    boolean mayRead(MediaRef m);
}
