package cn.zhifa.academy.matters;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.platform.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 赋权事项 pages for administrators: catalogue, edit form, XLSX import, readiness and its drill-down. */
@Path("/matters")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class MattersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<MatterCatalogueService.MatterView> matters, boolean canEdit);

        static native TemplateInstance form(MatterCatalogueService.MatterView matter, MatterCatalogueService.Form form,
                List<OrgDirectory.Domain> domains, List<OrgDirectory.Unit> towns, boolean canEdit, boolean saved,
                List<Problem.FieldError> errors);

        static native TemplateInstance importForm(String error);

        static native TemplateInstance preview(MatterCatalogueService.Preview preview);

        static native TemplateInstance imported(MatterCatalogueService.Outcome outcome, List<Problem.FieldError> errors);

        static native TemplateInstance readiness(List<ReadinessService.TownRow> towns, long redTotal,
                boolean findingsAvailable);

        static native TemplateInstance drill(ReadinessService.Drill drill);
    }

    @Inject
    MatterCatalogueService catalogue;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    ReadinessService readiness;

    @Inject
    MatterAccess access;

    @Inject
    ReviewFindingsPort findings;

    @GET
    public TemplateInstance list() {
        return Templates.list(catalogue.list(), access.canEditCatalogue());
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        if (!access.canEditCatalogue()) {
            throw new io.quarkus.security.ForbiddenException();
        }
        return form(null, new MatterCatalogueService.Form("", "", "", "", false, List.of(), "", "", "", "", "", null),
                false, null);
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("saved") boolean saved) {
        MatterCatalogueService.MatterView m = catalogue.view(id);
        return form(m, formOf(m, id), saved, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        return save(null, fields);
    }

    @POST
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return save(id, fields);
    }

    private Response save(Long id, MultivaluedMap<String, String> fields) {
        MatterCatalogueService.Form f = new MatterCatalogueService.Form(fields.getFirst("code"), fields.getFirst("name"),
                fields.getFirst("domain"), fields.getFirst("legalBasis"), "true".equals(fields.getFirst("highFrequency")),
                fields.getOrDefault("towns", List.of()), fields.getFirst("effectiveOn"), fields.getFirst("knowledgePoints"),
                fields.getFirst("courses"), fields.getFirst("cases"), fields.getFirst("questions"),
                parseInt(fields.getFirst("version")));
        // the form again, with what was typed and the problems by column
        return FormErrors.orRender(() -> {
            DelegatedMatter m = catalogue.save(id, f);
            return Response.seeOther(URI.create("/matters/" + m.id + "?saved=true")).build();
        }, refused -> form(id == null ? null : catalogue.view(id), f, false, refused.errorsOrMessage()));
    }

    private static Integer parseInt(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private MatterCatalogueService.Form formOf(MatterCatalogueService.MatterView m, long id) {
        return new MatterCatalogueService.Form(m.code(), m.name(), m.domainName(), m.legalBasis(), m.highFrequency(),
                new ArrayList<>(catalogue.townCodesInScope(id)), m.effectiveOn(), String.join(",", m.knowledgePoints()),
                String.join(",", m.courses()), String.join(",", m.cases()), String.join(",", m.questions()), m.version());
    }

    private TemplateInstance form(MatterCatalogueService.MatterView m, MatterCatalogueService.Form f, boolean saved,
            List<Problem.FieldError> errors) {
        return Templates.form(m, f, orgDirectory.domains(), access.towns(), access.canEditCatalogue(), saved, errors);
    }

    @GET
    @Path("template.xlsx")
    @Produces(MatterXlsx.TYPE)
    public Response template() throws IOException {
        return MattersResource.download(catalogue.template(), "matters-template.xlsx");
    }

    @GET
    @Path("import")
    public TemplateInstance importForm() {
        return Templates.importForm(null);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(Templates.importForm(null)).build();
        }
        return FormErrors.orRender(() -> {
            try {
                return Response.ok(Templates.preview(catalogue.preview(file.uploadedFile(), file.fileName(),
                        file.contentType()))).build();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, refused -> Templates.importForm(refused.message()));
    }

    @POST
    @Path("import/{id}/commit")
    public Response commit(@PathParam("id") String id) {
        // a refused file: every problem by line and column, nothing imported
        return FormErrors.orRender(() -> Response.ok(Templates.imported(catalogue.commit(id), List.of())).build(),
                refused -> Templates.imported(null, refused.errorsOrMessage()));
    }

    @GET
    @Path("readiness")
    public TemplateInstance readiness() {
        List<ReadinessService.TownRow> towns = readiness.grid();
        long red = towns.stream().mapToLong(ReadinessService.TownRow::redCount).sum();
        boolean available = !(findings instanceof NoReviewFindings);
        return Templates.readiness(towns, red, available);
    }

    @GET
    @Path("readiness.xlsx")
    @Produces(MatterXlsx.TYPE)
    public Response readinessXlsx() throws IOException {
        return MattersResource.download(readiness.xlsx(), "matters-readiness.xlsx");
    }

    @GET
    @Path("readiness/{town:\\d+}/{matter:\\d+}")
    public TemplateInstance drill(@PathParam("town") long town, @PathParam("matter") long matter) {
        return Templates.drill(readiness.drill(town, matter));
    }

    @GET
    @Path("readiness/{town:\\d+}/{matter:\\d+}.xlsx")
    @Produces(MatterXlsx.TYPE)
    public Response drillXlsx(@PathParam("town") long town, @PathParam("matter") long matter) throws IOException {
        return MattersResource.download(readiness.drillXlsx(town, matter), "matters-readiness-people.xlsx");
    }
}
