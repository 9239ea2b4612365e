package cn.zhifa.academy.platform.security;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The change-password page (修改密码). */
@Path("/account/password")
@Authenticated
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        /** @param errorKey message key of the broken rule, or null */
        static native TemplateInstance password(boolean mustChange, boolean changed, String errorKey, int minLength);
    }

    @Inject
    CurrentUser user;

    @Inject
    AccountService accounts;

    @Inject
    PasswordPolicy policy;

    @Inject
    IdentityCache cache;

    @Inject
    SessionCookies cookies;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.password(user.require().mustChangePassword, false, null, minLength());
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response change(@RestForm String currentPassword, @RestForm String newPassword,
            @RestForm String confirmPassword) {
        Account account = user.require();
        Optional<String> problem = accounts.changePassword(account.id, currentPassword, newPassword, confirmPassword);
        if (problem.isPresent()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.password(account.mustChangePassword, false, problem.get(), minLength())).build();
        }
        // committed: every other session has ended; this one continues with the new epoch
        cache.invalidate(account.username);
        cookies.reissue(account.username, accounts.sessionEpoch(account.id));
        return Response.ok(Templates.password(false, true, null, minLength())).build();
    }

    private int minLength() {
        return policy.minLength();
    }
}
