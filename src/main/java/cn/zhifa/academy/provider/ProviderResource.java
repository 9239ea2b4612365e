package cn.zhifa.academy.provider;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.Roles;

/** Third-party institutions as JSON, limited to the caller's scope. */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
@Tag(name = "Providers")
public class ProviderResource {

    @Inject
    ProviderService providers;

    @GET
    @Operation(summary = "Providers within your scope, with their staff counts")
    public List<ProviderService.ProviderView> list() {
        return providers.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One provider; 404 when outside your scope")
    public ProviderService.ProviderView get(@PathParam("id") long id) {
        return providers.view(id).orElseThrow(() -> new NotFoundException("provider.not_found", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Register a provider (unified social credit code checked)")
    public Response create(@Valid @NotNull ProviderService.ProviderInput in) {
        Provider p = providers.create(in);
        return Response.created(URI.create("/api/v1/providers/" + p.id)).entity(providers.view(p.id).orElseThrow())
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Change a provider")
    public ProviderService.ProviderView update(@PathParam("id") long id, @Valid @NotNull ProviderService.ProviderInput in) {
        providers.update(id, in);
        return providers.view(id).orElseThrow();
    }
}
