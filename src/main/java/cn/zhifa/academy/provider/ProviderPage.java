package cn.zhifa.academy.provider;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.zhifa.academy.people.PeopleService;
import cn.zhifa.academy.people.PersonQuery;
import cn.zhifa.academy.people.PersonView;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Provider pages (第三方机构): list and detail with staff. */
@Path("/providers")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
@Produces(MediaType.TEXT_HTML)
public class ProviderPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ProviderService.ProviderView> providers);

        static native TemplateInstance detail(ProviderService.ProviderView provider, List<PersonView> staff, long staffTotal);
    }

    @Inject
    ProviderService providers;

    @Inject
    PeopleService people;

    @GET
    public TemplateInstance list() {
        return Templates.list(providers.list());
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance detail(@PathParam("id") long id) {
        ProviderService.ProviderView v = providers.view(id)
                .orElseThrow(() -> new ProblemException(404, "Not found", null));
        PersonQuery q = new PersonQuery();
        q.providerId = id;
        q.size = 200;
        q.sort = "name";
        q.dir = "asc";
        PeopleService.Page<PersonView> staff = people.search(q);
        return Templates.detail(v, staff.items(), staff.total());
    }
}
