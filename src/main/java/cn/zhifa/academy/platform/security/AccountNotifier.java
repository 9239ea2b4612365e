package cn.zhifa.academy.platform.security;

/**
 * What platform code needs of in-app notifications (the bell): a message to one account. The
 * notification feature implements it; the platform depends on no feature (as with
 * {@link OrgHierarchy}).
 */
public interface AccountNotifier {

    /**
     * Sends the message {@code msgKey} with up to three arguments to the account, unless a
     * notification with the same dedup key was sent already; true when sent.
     */
    boolean notifyAccount(long accountId, String kind, String msgKey, String arg1, String arg2, String arg3,
            String link, String dedupKey);
}
