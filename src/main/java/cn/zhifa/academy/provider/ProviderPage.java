package cn.zhifa.academy.provider;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.RecordTable;
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

        static native TemplateInstance detail(ProviderService.ProviderView provider, List<ProviderStaff.Member> staff,
                long staffTotal, List<RecordTable> sections);
    }

    @Inject
    ProviderService providers;

    @Inject
    ProviderStaff people;

    /** Tables other features contribute (staff qualifications, credit history...). */
    @Inject
    jakarta.enterprise.inject.Instance<ProviderRecordSection> sections;

    @Inject
    cn.zhifa.academy.platform.web.LocaleContext locale;

    @GET
    public TemplateInstance list() {
        return Templates.list(providers.list());
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance detail(@PathParam("id") long id) {
        ProviderService.ProviderView v = providers.view(id)
                .orElseThrow(() -> new NotFoundException("provider.not_found", id));
        ProviderStaff.Page staff = people.of(id, 200);
        List<RecordTable> tables = sections.stream()
                .sorted(java.util.Comparator.comparingInt(ProviderRecordSection::order))
                .map(s -> s.forProvider(id, locale.getLocale())).flatMap(java.util.Optional::stream).toList();
        return Templates.detail(v, staff.items(), staff.total(), tables);
    }
}
