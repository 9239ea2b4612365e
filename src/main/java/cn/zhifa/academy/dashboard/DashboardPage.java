package cn.zhifa.academy.dashboard;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.evaluation.EvalMessages;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.LocaleContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The dashboard page (统计看板): charts, their tables, drill-down and XLSX exports. */
@Path("/dashboard")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
public class DashboardPage {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<DashboardService.Panel> panels, int year, List<Integer> years);

        static native TemplateInstance drill(DashboardService.Drill drill, int year);
    }

    @Inject
    DashboardService dashboards;

    @Inject
    LocaleContext locale;

    EvalMessages messages() {
        return MessageBundles.get(EvalMessages.class, Localized.Literal.of(locale.getTag()));
    }

    static int year(Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw cn.zhifa.academy.platform.error.InvalidException.field("year", "dashboard.year_invalid");
        }
        return year == null ? DashboardService.currentYear() : year;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@QueryParam("year") Integer year) {
        int y = year(year);
        int now = DashboardService.currentYear();
        return Templates.dashboard(dashboards.all(y, messages()), y, List.of(now, now - 1, now - 2, now - 3, now - 4));
    }

    @GET
    @Path("people")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance drill(@QueryParam("panel") String panel, @QueryParam("key") String key,
            @QueryParam("year") Integer year) {
        return Templates.drill(dashboards.drill(panel, key, year(year), messages()), year(year));
    }

    @GET
    @Path("people.xlsx")
    @Produces(XLSX)
    public Response drillXlsx(@QueryParam("panel") String panel, @QueryParam("key") String key,
            @QueryParam("year") Integer year) {
        return file(dashboards.xlsx(dashboards.drill(panel, key, year(year), messages())), "people-" + panel + ".xlsx");
    }

    @GET
    @Path("{panel}.xlsx")
    @Produces(XLSX)
    public Response xlsx(@PathParam("panel") String panel, @QueryParam("year") Integer year) {
        return file(dashboards.xlsx(dashboards.panel(panel, year(year), messages())), panel + "-" + year(year) + ".xlsx");
    }

    static Response file(byte[] bytes, String name) {
        return Response.ok(bytes, XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
