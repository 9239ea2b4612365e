package cn.zhifa.academy.notification;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.web.HomeTodo;

/** Home to-do: unread notices. */
@ApplicationScoped
public class NotificationTodos implements HomeTodo {

    @Inject
    CurrentUser user;

    @Inject
    NotificationService notifications;

    @Override
    public List<Item> items(Locale locale) {
        long unread = user.account().map(a -> notifications.unread(a.id)).orElse(0L);
        return unread == 0 ? List.of()
                : List.of(new Item("todo-notices", 60, HomeTodo.text(locale).todo_unread(unread), null, "/notifications", false));
    }
}
