package cn.zhifa.academy.people;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import io.quarkus.security.Authenticated;

/**
 * The personnel registry as JSON. Everyone is authenticated; what each caller sees follows
 * {@link PeopleScope} (learners: themselves), and changes need an administrator of the
 * person's unit.
 */
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "People")
public class PeopleResource {

    @Inject
    PeopleService people;

    @GET
    @Operation(summary = "People within your scope: filters category, grade, unit (subtree), domain, status, provider; "
            + "search q (name or employee number); paging page/size; sort name|employeeNo|category|grade|status|updatedAt, dir asc|desc")
    public PeopleService.Page<PersonView> list(@BeanParam PersonQuery query) {
        return people.search(query);
    }

    /** A person with their employment-status history. */
    public record PersonDetail(PersonView person, List<StatusEntry> history) {
    }

    public record StatusEntry(EmploymentStatus status, String statusLabel, LocalDate since, String reason,
            String recordedBy) {
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One person with the status history; 404 when outside your scope")
    public PersonDetail get(@PathParam("id") long id) {
        Person p = people.visible(id).orElseThrow(() -> notFound(id));
        return new PersonDetail(people.views(List.of(p)).get(0), people.history(p).stream()
                .map(h -> new StatusEntry(h.status, h.status.label, h.since, h.reason, h.recordedBy)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "sysadmin" })
    @Operation(summary = "Register a person (ID number checked, kept only as an HMAC and a masked form)")
    public Response create(@Valid @NotNull PersonInput in) {
        Person p = people.create(in);
        return Response.created(URI.create("/api/v1/people/" + p.id)).entity(people.view(p.id).orElseThrow()).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "sysadmin" })
    @Operation(summary = "Change a person; the employee number cannot change")
    public PersonView update(@PathParam("id") long id, @Valid @NotNull PersonInput in) {
        people.update(id, in);
        return people.view(id).orElseThrow();
    }

    public record StatusInput(@NotNull EmploymentStatus status,
            @NotNull @jakarta.validation.constraints.PastOrPresent LocalDate since, @Size(max = 200) String reason) {
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "sysadmin" })
    @Operation(summary = "Record a change of employment status (ACTIVE / ON_LEAVE / TRANSFERRED); the history keeps every change")
    public PersonView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusInput in) {
        people.changeStatus(id, in.status(), in.since(), in.reason());
        return people.view(id).orElseThrow();
    }

    @POST
    @Path("{id}/account")
    @RolesAllowed({ "admin", "sysadmin" })
    @Operation(summary = "Create the person's login (username = employee number); the initial password is shown once "
            + "and must be changed at first login")
    public Response createAccount(@PathParam("id") long id) {
        return Response.status(201).entity(people.createAccount(id)).build();
    }

    public record AccountsInput(@NotNull @Size(min = 1, max = 5000) List<Long> personIds) {
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "sysadmin" })
    @Operation(summary = "Create logins for many people; people who already have one are skipped")
    public List<PeopleService.NewAccount> createAccounts(@Valid @NotNull AccountsInput in) {
        return people.createAccounts(in.personIds());
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("person.not_found", id);
    }
}
