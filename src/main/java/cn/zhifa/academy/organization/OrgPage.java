package cn.zhifa.academy.organization;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The unit tree within the administrator's scope (组织机构). */
@Path("/org")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
public class OrgPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tree(List<OrgService.Node> nodes);
    }

    @Inject
    OrgService orgs;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance tree() {
        return Templates.tree(orgs.visibleTree());
    }
}
