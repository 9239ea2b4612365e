package cn.zhifa.academy.notification;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;

/** The caller's own in-app notifications. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Notifications")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser user;

    public record View(long id, String kind, String msgKey, List<String> args, String link, Instant createdAt,
            boolean unread) {
        static View of(Notification n) {
            return new View(n.id, n.kind, n.msgKey, java.util.Arrays.asList(n.arg1, n.arg2, n.arg3), n.link, n.createdAt,
                    n.readAt == null);
        }
    }

    public record Count(long unread) {
    }

    @GET
    @Operation(summary = "Your latest 100 notifications, newest first")
    public List<View> list() {
        return notifications.recent(user.require().id, 100).stream().map(View::of).toList();
    }

    @GET
    @Path("count")
    @Operation(summary = "How many are unread (the bell)")
    public Count count() {
        return new Count(notifications.unread(user.require().id));
    }

    @POST
    @Path("{id:\\d+}/read")
    @Operation(summary = "Mark one read; 404 if it is not yours")
    public View read(@PathParam("id") long id) {
        return View.of(notifications.markRead(user.require().id, id)
                .orElseThrow(() -> new NotFoundException("notification.not_found", id)));
    }
}
