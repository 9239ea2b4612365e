package cn.zhifa.academy.people;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgService;
import cn.zhifa.academy.people.roster.RosterImportService;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.FormErrors;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.provider.ProviderService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** People pages (人员库): list with filters, detail, account creation, roster import. */
@Path("/people")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PeoplePage {

    @Inject
    OrgDirectory orgDirectory;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PeopleService.Page<PersonView> page, PersonQuery query, Filters filters,
                String queryString);

        static native TemplateInstance detail(PersonView person, List<PersonStatusChange> history, boolean canManage,
                PeopleService.NewAccount newAccount);

        static native TemplateInstance importForm(String error);

        static native TemplateInstance preview(RosterImportService.Preview preview);

        static native TemplateInstance imported(RosterImportService.Outcome outcome, List<Problem.FieldError> errors);
    }

    /** Choices for the filter form, limited to what the user may see. */
    public record Filters(List<OrgService.Node> units, List<OrgDirectory.Domain> domains,
            List<ProviderService.ProviderView> providers, PersonCategory[] categories, Grade[] grades,
            EmploymentStatus[] statuses) {
    }

    @Inject
    PeopleService people;

    @Inject
    OrgService orgs;

    @Inject
    ProviderService providers;

    @Inject
    RosterImportService imports;

    @Inject
    PeopleScope scope;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list(@BeanParam PersonQuery query) {
        Filters filters = new Filters(orgs.visibleTree(), orgDirectory.domains(), providers.list(),
                PersonCategory.values(), Grade.values(), EmploymentStatus.values());
        return Templates.list(people.search(query), query, filters, queryString(query));
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return detail(id, null);
    }

    @POST
    @Path("{id:\\d+}/account")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance createAccount(@PathParam("id") long id) {
        return detail(id, people.createAccount(id));
    }

    private TemplateInstance detail(long id, PeopleService.NewAccount created) {
        Person p = people.visible(id).orElseThrow(() -> new NotFoundException("person.not_found", id));
        return Templates.detail(people.views(List.of(p)).get(0), people.history(p), scope.canManage(p), created);
    }

    @GET
    @Path("import")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance importForm() {
        return Templates.importForm(null);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(Templates.importForm("import_err_nofile")).build();
        }
        return FormErrors.orRender(() -> Response.ok(Templates.preview(imports.preview(file.uploadedFile(),
                file.fileName(), file.contentType()))).build(),
                r -> Templates.importForm(r.status() == 413 ? "import_err_toolarge" : "import_err_unreadable"));
    }

    @POST
    @Path("import/{id:\\d+}/commit")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response commit(@PathParam("id") long id) {
        return FormErrors.orRender(() -> Response.ok(Templates.imported(imports.commit(id), List.of())).build(),
                r -> Templates.imported(null, r.errorsOrMessage()));
    }

    /** The current filters as a query string (without page), for paging and sorting links. */
    static String queryString(PersonQuery q) {
        StringBuilder sb = new StringBuilder();
        append(sb, "category", q.category);
        append(sb, "grade", q.grade);
        append(sb, "unit", q.unitId);
        append(sb, "domain", q.domainId);
        append(sb, "status", q.status);
        append(sb, "provider", q.providerId);
        append(sb, "q", q.q == null || q.q.isBlank() ? null : q.q);
        append(sb, "size", q.size == 20 ? null : q.safeSize());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, Object value) {
        if (value != null) {
            sb.append('&').append(key).append('=')
                    .append(java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
