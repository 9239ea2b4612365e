package cn.zhifa.academy.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import cn.zhifa.academy.platform.security.CurrentUser;

/** The layout's bell: unread notifications of the current account ({@code inject:notificationBell.unread}). */
@RequestScoped
@Named("notificationBell")
public class NotificationBell {

    @Inject
    CurrentUser user;

    @Inject
    NotificationService notifications;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            // the account id travels on the session's identity: one count, no account read
            Long account = user.getAccountId();
            unread = account == null ? 0L : notifications.unread(account);
        }
        return unread;
    }
}
