package cn.zhifa.academy.organization;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** The catalogue of enforcement domains (执法领域). */
@Path("/api/v1/domains")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Organisation")
public class DomainResource {

    public record DomainView(long id, String code, String name) {
    }

    @GET
    @Operation(summary = "All enforcement domains, the general one (TY) last")
    public List<DomainView> list() {
        return EnforcementDomain.<EnforcementDomain> ordered().stream().map(d -> new DomainView(d.id, d.code, d.name))
                .toList();
    }
}
