package cn.zhifa.academy.knowledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 知识点覆盖情况 page for trainers and administrators (read only; the taxonomy is a file in the repo). */
@Path("/knowledge/coverage")
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class KnowledgePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coverage(KnowledgeCoverage.Report report, boolean gapsOnly);
    }

    @Inject
    KnowledgeCoverage coverage;

    @GET
    public TemplateInstance page(@RestQuery boolean gaps) {
        return Templates.coverage(coverage.report(gaps), gaps);
    }
}
