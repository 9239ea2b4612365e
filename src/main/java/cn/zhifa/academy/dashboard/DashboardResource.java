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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.evaluation.EvalMessages;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.LocaleContext;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Dashboard panels as JSON and XLSX, over the caller's unit subtree. */
@Path("/api/v1/dashboard")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Dashboards")
public class DashboardResource {

    @Inject
    DashboardService dashboards;

    @Inject
    LocaleContext locale;

    EvalMessages messages() {
        return MessageBundles.get(EvalMessages.class, Localized.Literal.of(locale.getTag()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every panel for a year (default: this year)")
    public List<DashboardService.Panel> all(@QueryParam("year") Integer year) {
        return dashboards.all(DashboardPage.year(year), messages());
    }

    @GET
    @Path("{panel}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One panel: hours, plans, domains, exams, expiring, grades or credit")
    public DashboardService.Panel panel(@PathParam("panel") String panel, @QueryParam("year") Integer year) {
        return dashboards.panel(panel, DashboardPage.year(year), messages());
    }

    @GET
    @Path("{panel}/people")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The people behind one row (key from the row's drillKey); 404 when the row is outside your scope")
    public DashboardService.Drill people(@PathParam("panel") String panel, @QueryParam("key") String key,
            @QueryParam("year") Integer year) {
        return dashboards.drill(panel, key, DashboardPage.year(year), messages());
    }

    @GET
    @Path("{panel}/xlsx")
    @Produces(DashboardPage.XLSX)
    @Operation(summary = "One panel's table as XLSX")
    public Response xlsx(@PathParam("panel") String panel, @QueryParam("year") Integer year) {
        return DashboardPage.file(dashboards.xlsx(dashboards.panel(panel, DashboardPage.year(year), messages())),
                panel + ".xlsx");
    }
}
