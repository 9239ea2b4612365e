package cn.zhifa.academy.notification;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** 站内通知: the page behind the bell; opening one marks it read and follows its link. */
@Path("/notifications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class NotificationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Notification> items, long unread);
    }

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list() {
        long account = user.require().id;
        return Templates.list(notifications.recent(account, 100), notifications.unread(account));
    }

    @POST
    @Path("{id:\\d+}/read")
    public Response read(@PathParam("id") long id) {
        Notification n = notifications.markRead(user.require().id, id)
                .orElseThrow(() -> new NotFoundException("notification.not_found", id));
        String link = n.link != null && n.link.startsWith("/") && !n.link.startsWith("//") ? n.link : "/notifications";
        return Response.seeOther(URI.create(link)).build();
    }

    @POST
    @Path("read-all")
    public Response readAll() {
        notifications.markAllRead(user.require().id);
        return Response.seeOther(URI.create("/notifications")).build();
    }
}
