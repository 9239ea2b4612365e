package cn.zhifa.academy.knowledge;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.Roles;

/**
 * The knowledge-point taxonomy and its coverage report, for trainers and administrators. The
 * content (courses, cases, questions) is shared city-wide, so there is no organisation scope.
 */
@Path("/api/v1/knowledge-points")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Knowledge points")
public class KnowledgeResource {

    @Inject
    KnowledgePoints points;

    @Inject
    KnowledgeCoverage coverage;

    public record Taxonomy(int version, List<KnowledgePoint> points) {
    }

    /** Where a knowledge point is taught, illustrated and tested. */
    public record Usage(KnowledgePoint point, List<Long> courseIds, List<Long> lessonIds, List<Long> caseIds,
            List<Long> questionIds) {
    }

    @GET
    public Taxonomy all() {
        return new Taxonomy(points.version(), points.all());
    }

    @GET
    @Path("{code}")
    public Usage one(@PathParam("code") String code) {
        KnowledgePoint p = points.find(code).orElseThrow(() -> new NotFoundException("knowledge.not_found", code));
        return new Usage(p, points.courseIdsFor(code), points.lessonIdsFor(code), points.caseIdsFor(code),
                points.questionIdsFor(code));
    }

    /** The coverage report; {@code gaps=true} lists only points without a lesson, a case or enough questions. */
    @GET
    @Path("coverage")
    public KnowledgeCoverage.Report coverage(@RestQuery boolean gaps) {
        return coverage.report(gaps);
    }
}
