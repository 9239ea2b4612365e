package cn.zhifa.academy.platform.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log page for system administrators. */
@Path("/admin/audit")
@RolesAllowed(Roles.SYSADMIN)
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    private static final int PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<AuditEvent> events, AuditLog.Verification verification,
                Long olderThan);
    }

    @Inject
    AuditLog audit;

    @Inject
    AuditQueries queries;

    @GET
    public TemplateInstance list(@QueryParam("before") Long before) {
        return page(before, null);
    }

    /** A POST because it is an explicit action; it changes nothing. */
    @POST
    @Path("verify")
    public TemplateInstance verify() {
        return page(null, audit.verify());
    }

    private TemplateInstance page(Long before, AuditLog.Verification verification) {
        List<AuditEvent> events = queries.page(before, null, null, null, PAGE);
        Long older = events.size() == PAGE ? events.get(events.size() - 1).id : null;
        return Templates.list(events, verification, older);
    }
}
