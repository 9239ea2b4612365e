package cn.zhifa.academy.curriculum;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.organization.OrgService;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.error.ForbiddenException;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.time.Now;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Training-plan pages for administrators: plans, progress by unit and person, offline hours. */
@Path("/plans")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class PlanPage {

    /** Choices of the plan form. */
    public record Choices(List<OrgService.Node> units, List<OrgDirectory.Domain> domains, List<CourseOption> courses,
            PersonCategory[] categories, Grade[] grades, OrgLevel[] levels, int year) {
    }

    /** A published course as the plan form offers it: picked by title, the code beside it (issue 13 item 12). */
    public record CourseOption(String code, String title, java.math.BigDecimal hours) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PlanService.PlanView> plans, Choices choices, String error, String message);

        static native TemplateInstance detail(PlanService.PlanView plan, List<PlanService.UnitProgress> units,
                List<PlanService.PersonProgress> people, Long unit);
    }

    @Inject
    PlanService plans;

    @Inject
    OrgDirectory org;

    @Inject
    PeopleDirectory people;

    @Inject
    OrgService orgs;

    @GET
    public TemplateInstance list() {
        return page(null, null);
    }

    private TemplateInstance page(String error, String message) {
        Choices choices = new Choices(orgs.visibleTree(), org.domains(),
                CourseVersion.<CourseVersion> getEntityManager().createQuery("SELECT c.code, v.title, v.creditHours FROM Course c, "
                        + "CourseVersion v WHERE v.id = c.publishedVersionId ORDER BY v.title", Object[].class).getResultList()
                        .stream().map(r -> new CourseOption((String) r[0], (String) r[1], (java.math.BigDecimal) r[2])).toList(),
                PersonCategory.values(), Grade.values(),
                OrgLevel.values(), Now.today().getYear());
        return Templates.list(plans.visible(), choices, error, message);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm Integer year, @RestForm String title, @RestForm Long owningUnitId,
            @RestForm List<PersonCategory> categories, @RestForm List<Grade> grades, @RestForm List<OrgLevel> levels,
            @RestForm List<Long> domainIds, @RestForm List<String> courseCodes, @RestForm BigDecimal requiredHours,
            @RestForm String dueDate) {
        // a broken rule goes back to the plan list with the message (ErrorMappers, Flash)
        if (courseCodes == null || courseCodes.isEmpty() || year == null || dueDate == null || dueDate.isBlank()
                || requiredHours == null || title == null || title.isBlank()) {
            throw InvalidException.field("plan", "plan.form_incomplete");
        }
        TrainingPlan p;
        try {
            p = plans.create(new PlanService.PlanInput(year, title, owningUnitId, categories, grades, levels,
                    domainIds, null, courseCodes, requiredHours, cn.zhifa.academy.platform.web.Dates.parse("dueDate", dueDate)));
        } catch (io.quarkus.security.ForbiddenException e) {
            // the scope check answers in the security layer's words: say which field is out of scope
            throw new ForbiddenException("plan.unit_out_of_scope");
        }
        return Response.seeOther(URI.create("/plans/" + p.id)).build();
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("unit") Long unit) {
        return Templates.detail(plans.viewOf(id), plans.byUnit(id), unit == null ? List.of() : plans.people(id, unit), unit);
    }

    @POST
    @Path("offline")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response offline(@RestForm String employeeNo, @RestForm BigDecimal hours, @RestForm String date,
            @RestForm String description, @RestForm("evidence") FileUpload evidence) throws IOException {
        // a broken rule goes back to the plan list with the message (ErrorMappers, Flash)
        Long personId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> people
                .byEmployeeNo(employeeNo == null ? "" : employeeNo.trim()).map(p -> p.id()).orElse(null));
        if (personId == null) {
            throw InvalidException.field("employeeNo", "hours.employee_not_found", employeeNo);
        }
        if (evidence == null || evidence.uploadedFile() == null || evidence.fileName() == null
                || evidence.fileName().isBlank()) {
            throw InvalidException.field("evidence", "hours.evidence_missing");
        }
        plans.recordOffline(personId, hours, cn.zhifa.academy.platform.web.Dates.parse("date", date),
                description, evidence.uploadedFile(), evidence.fileName(), evidence.contentType());
        return Response.ok(page(null, "plans_offline_saved")).build();
    }
}
