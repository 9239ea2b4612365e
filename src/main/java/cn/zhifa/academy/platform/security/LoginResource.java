package cn.zhifa.academy.platform.security;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.config.AcademyConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The login page (the form posts to Quarkus' /j_security_check) and logout. */
@Path("/")
@PermitAll
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, int maxFailures, long lockMinutes);
    }

    @Inject
    CurrentUser user;

    @Inject
    AcademyConfig config;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error) {
        if (user.isAuthenticated()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(error != null, config.security().lockoutMaxFailures(),
                config.security().lockoutDuration().toMinutes())).build();
    }

    @POST
    @Path("logout")
    @Transactional
    public Response logout() {
        if (user.isAuthenticated()) {
            audit.record("logout", "account", user.require().id, null);
        }
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
