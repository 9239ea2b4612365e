package cn.zhifa.academy.organization;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.security.Roles;

/** Organisation units as JSON, limited to the caller's scope. */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Organisation")
public class OrgUnitResource {

    @Inject
    OrgService orgs;

    @Inject
    OrgScope scope;

    /** Wire shape of a unit. */
    public record UnitView(long id, Long parentId, String code, String name, OrgLevel level, String townType,
            int depth, List<DepartmentView> departments) {
    }

    public record DepartmentView(long id, String code, String name) {
    }

    @GET
    @Operation(summary = "The units within your scope, parents before children, with their departments")
    public List<UnitView> list() {
        return orgs.visibleTree().stream().map(n -> view(n.unit(), n.departments(), n.depth())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One unit; 403 when it lies outside your scope")
    public UnitView get(@PathParam("id") long id) {
        OrgUnit unit = orgs.find(id).orElseThrow(NotFoundException::new);
        scope.requireUnit(id);
        return view(unit, orgs.departments(id), unit.depth());
    }

    private static UnitView view(OrgUnit u, List<Department> deps, int depth) {
        return new UnitView(u.id, u.parentId, u.code, u.name, u.level, u.townType, depth,
                deps.stream().map(d -> new DepartmentView(d.id, d.code, d.name)).toList());
    }
}
