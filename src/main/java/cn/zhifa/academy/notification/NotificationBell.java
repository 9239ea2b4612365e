package cn.zhifa.academy.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import cn.zhifa.academy.platform.security.Account;
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
            unread = user.isAuthenticated() ? user.account().map((Account a) -> notifications.unread(a.id)).orElse(0L) : 0L;
        }
        return unread;
    }
}
