package cn.zhifa.academy.exam.grading;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;

/** 阅卷: the grading queue for 案例分析 answers. */
@Path("/api/v1/grading")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Grading")
public class GradingResource {

    @Inject
    GradingQueue queue;

    @Inject
    CurrentUser user;

    public record Grade(BigDecimal score, String comment, boolean complete) {
    }

    @GET
    @Operation(summary = "Answers waiting for a grader, oldest first")
    public List<GradingQueue.Pending> pending(@QueryParam("exam") Long exam,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return queue.pending(exam, Math.max(1, Math.min(limit, 500)));
    }

    @GET
    @Path("{attempt}/{position}")
    @Operation(summary = "Question, reference answer and rubric beside the candidate's response")
    public GradingQueue.Task task(@PathParam("attempt") long attempt, @PathParam("position") int position) {
        return queue.task(attempt, position);
    }

    public record RevealInput(String reason) {
    }

    @POST
    @Path("{attempt}/{position}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The candidate's name behind candidate #n of an anonymously graded exam; needs a reason, audited")
    public GradingQueue.Revealed reveal(@PathParam("attempt") long attempt, @PathParam("position") int position,
            RevealInput in) {
        return queue.reveal(attempt, position, in == null ? null : in.reason(), user.getUsername());
    }

    @PUT
    @Path("{attempt}/{position}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the score and comment as a draft, or complete the item (complete=true)")
    public GradingQueue.Task grade(@PathParam("attempt") long attempt, @PathParam("position") int position, Grade g) {
        if (g == null) {
            throw new BadRequestException();
        }
        return queue.grade(attempt, position, g.score(), g.comment(), g.complete(), user.getUsername());
    }
}
