package cn.zhifa.academy.curriculum;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The learner's side of the curriculum as JSON (the lesson player uses it). */
@Path("/api/v1/learning")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Learning")
public class LearningResource {

    @Inject
    LearningService learning;

    @Inject
    Heartbeats heartbeats;

    @GET
    @Path("me")
    @Operation(summary = "My learning: open plans with their courses and progress, hours this year against the target")
    public LearningService.MyLearning me() {
        return learning.myLearning();
    }

    @GET
    @Path("courses")
    @Operation(summary = "Published courses with the learner's progress")
    public List<LearningService.CourseState> catalogue() {
        return learning.catalogue();
    }

    @POST
    @Path("courses/{code}/open")
    @Operation(summary = "Open a course (enrols on the published version the first time; prerequisites must be done)")
    public LearningService.CourseState open(@PathParam("code") String code) {
        return learning.open(code);
    }

    @GET
    @Path("lessons/{id}")
    @Operation(summary = "A lesson for the player: sanitised text, media URL (presigned on S3), progress to resume "
            + "from; a check's questions come without keys")
    public LearningService.LessonView lesson(@PathParam("id") long id) {
        return learning.lessonView(id);
    }

    public record Heartbeat(@NotNull Double position, Double duration) {
    }

    @POST
    @Path("lessons/{id}/heartbeat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Video progress heartbeat; 409 when it would skip unwatched content")
    public Uni<LearningService.Progress> heartbeat(@PathParam("id") long id, @Valid @NotNull Heartbeat hb) {
        return heartbeats.beatAsync(id, hb.position(), hb.duration()); // on the event loop (Heartbeats#beatAsync)
    }

    @POST
    @Path("lessons/{id}/read")
    @Operation(summary = "Mark an article, slides or case lesson as read")
    public LearningService.Progress read(@PathParam("id") long id) {
        return learning.markRead(id);
    }

    public record CheckAnswers(@NotNull Map<Integer, String> answers) {
    }

    @POST
    @Path("lessons/{id}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a check lesson; keys and explanations come back only with the result")
    public LearningService.CheckResult check(@PathParam("id") long id, @Valid @NotNull CheckAnswers in) {
        return learning.submitCheck(id, in.answers());
    }
}
