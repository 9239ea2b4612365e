package cn.zhifa.academy.platform.security;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.web.ProblemException;

/**
 * Login throttling for administrators: who is being slowed down now, and lifting it for an
 * account (all client addresses). System administrators see and lift all; a unit administrator
 * lifts only for accounts of the units in scope.
 */
@Path("/api/v1/login-throttles")
@Tag(name = "Security")
@Produces(MediaType.APPLICATION_JSON)
public class LoginThrottleResource {

    @Inject
    LoginThrottle throttle;

    @Inject
    OrgScope scope;

    @Inject
    CurrentUser user;

    public record Lifted(String username, int rows) {
    }

    @GET
    @RolesAllowed(Roles.SYSADMIN)
    @Operation(summary = "(username, client address) pairs that must wait before the next login attempt")
    public List<LoginThrottle.Block> blocked() {
        return throttle.blocked(Now.instant());
    }

    @DELETE
    @Path("{username}")
    @RolesAllowed({ Roles.SYSADMIN, Roles.ADMIN })
    @Operation(summary = "Lift the login delays of an account (every client address); audited")
    public Lifted lift(@PathParam("username") String username) {
        Account account = Account.findByUsername(username).orElse(null);
        boolean mayAct = user.isSysadmin()
                || (account != null && account.orgUnitId != null && scope.canActOnUnit(account.orgUnitId));
        if (!mayAct) {
            throw ProblemException.notFound("No account " + username + " in your scope.");
        }
        return new Lifted(username, throttle.lift(username));
    }
}
