package cn.zhifa.academy.qualification;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Qualification pages: the list (expiring, by state, or mine), the detail with history and actions. */
@Path("/qualifications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class QualificationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<QualificationQueries.View> items, Integer expiring, String state,
                boolean manager);

        static native TemplateInstance detail(QualificationResource.Detail d, boolean canManage, String done,
                int thisYear);
    }

    @Inject
    QualificationAccess access;

    @Inject
    QualificationQueries queries;

    @Inject
    QualificationService service;

    @Inject
    QualificationJobs jobs;

    @Inject
    QualificationResource api;

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("expiring") Integer expiring, @QueryParam("state") QualificationState state) {
        Integer days = expiring == null ? null : Math.max(1, Math.min(expiring, 366));
        List<QualificationQueries.View> items;
        if (access.isManager()) {
            items = queries.list(access.listPrefix(), state, days, 300, jobs.today());
        } else {
            Long self = access.personId();
            items = self == null ? List.of() : queries.ofPerson(self, jobs.today());
        }
        return Templates.list(items, days, state == null ? null : state.name(), access.isManager());
    }

    @GET
    @Path("{id:\\d+}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("done") String done) {
        Qualification q = access.visible(id);
        return Templates.detail(api.detail(q), access.canManage(q), done == null ? null : "done_" + done.replaceAll("[^a-z_]", ""),
                jobs.today().getYear());
    }

    @GET
    @Path("{id:\\d+}/certificate.pdf")
    @Produces("application/pdf")
    public Response certificate(@PathParam("id") long id) throws IOException {
        return api.certificate(id);
    }

    @POST
    @Path("{id:\\d+}/{action:suspend|restore|cancel}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Transactional
    public Response act(@PathParam("id") long id, @PathParam("action") String action, @RestForm String reason) {
        access.manageable(id);
        switch (action) {
            case "suspend" -> service.suspend(id, reason, jobs.today(), access.actor());
            case "restore" -> service.restore(id, reason, jobs.today(), access.actor());
            default -> service.cancel(id, reason, jobs.today(), access.actor());
        }
        return Response.seeOther(URI.create("/qualifications/" + id + "?done=" + action)).build();
    }

    @POST
    @Path("{id:\\d+}/annual-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Transactional
    public Response annualCheck(@PathParam("id") long id, @RestForm int year, @RestForm String passed,
            @RestForm String note) {
        access.manageable(id);
        if (!"true".equals(passed) && !"false".equals(passed)) {
            throw InvalidException.field("passed", "qualification.annual_choose");
        }
        service.annualCheck(id, year, "true".equals(passed), note, jobs.today(), access.actor());
        return Response.seeOther(URI.create("/qualifications/" + id + "?done=annual_check")).build();
    }
}
