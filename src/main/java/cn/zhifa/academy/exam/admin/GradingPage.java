package cn.zhifa.academy.exam.admin;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import cn.zhifa.academy.exam.grading.GradingQueue;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 阅卷 pages: the queue of 案例分析 answers waiting for a grader, and one answer with the question,
 * reference answer and rubric beside the candidate's response. The page saves drafts through the
 * grading API as the grader types; 完成评分 posts the form and moves on to the next waiting answer.
 */
@Path("/exam-admin/grading")
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class GradingPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<GradingQueue.Pending> pending, List<ExamAdminViews.ExamView> exams,
                Long exam, String done);

        static native TemplateInstance task(GradingQueue.Task task, Long exam, int waiting, String score, String comment,
                String error, String revealed, String revealError);
    }

    @Inject
    GradingQueue queue;

    @Inject
    ExamAdminService views;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list(@RestQuery Long exam, @RestQuery String done) {
        return Templates.queue(queue.pending(exam, 200), views.exams().stream().filter(e -> e.status().equals("PUBLISHED")).toList(),
                exam, "graded".equals(done) ? "done_graded" : null);
    }

    @GET
    @Path("{attempt: \\d+}/{position: \\d+}")
    public TemplateInstance task(@PathParam("attempt") long attempt, @PathParam("position") int position,
            @RestQuery Long exam) {
        GradingQueue.Task t = queue.task(attempt, position);
        return Templates.task(t, exam, queue.pending(exam, 200).size(), t.score() == null ? "" : t.score().stripTrailingZeros().toPlainString(),
                t.comment() == null ? "" : t.comment(), null, null, null);
    }

    /**
     * 显示姓名: the name behind "考生 #n", shown once on the answer's page after the grader gave a
     * reason; the reveal is audited. Without a reason the page says so under the field.
     */
    @POST
    @Path("{attempt: \\d+}/{position: \\d+}/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reveal(@PathParam("attempt") long attempt, @PathParam("position") int position,
            @RestForm String reason, @RestQuery Long exam) {
        // the name, or the reason it is refused, is shown under the field on the answer's page
        return FormErrors.orRender(() -> {
            String revealed = queue.reveal(attempt, position, reason, user.getUsername()).candidate();
            return Response.ok(revealPage(attempt, position, exam, revealed, null)).header("Cache-Control", "no-store")
                    .build();
        }, refused -> revealPage(attempt, position, exam, null, refused.message()));
    }

    private TemplateInstance revealPage(long attempt, int position, Long exam, String revealed, String error) {
        GradingQueue.Task t = queue.task(attempt, position);
        return Templates.task(t, exam, queue.pending(exam, 200).size(),
                t.score() == null ? "" : t.score().stripTrailingZeros().toPlainString(), t.comment() == null ? "" : t.comment(),
                null, revealed, error);
    }

    /** 完成评分: completes the item, then opens the next answer waiting (in the same exam when filtered). */
    @POST
    @Path("{attempt: \\d+}/{position: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("attempt") long attempt, @PathParam("position") int position,
            @RestForm String score, @RestForm String comment, @RestQuery Long exam) {
        // a refusal shows the answer's page again with what the grader typed
        return FormErrors.orRender(() -> {
            BigDecimal value;
            try {
                value = score == null || score.isBlank() ? null : new BigDecimal(score.trim());
            } catch (NumberFormatException e) {
                throw InvalidException.field("score", "exam.grading_score_number");
            }
            queue.grade(attempt, position, value, comment, true, user.getUsername());
            List<GradingQueue.Pending> next = queue.pending(exam, 1);
            String q = exam == null ? "" : "?exam=" + exam;
            if (next.isEmpty()) {
                return Response.seeOther(URI.create("/exam-admin/grading" + (q.isEmpty() ? "?done=graded" : q + "&done=graded")))
                        .build();
            }
            return Response.seeOther(URI.create("/exam-admin/grading/" + next.get(0).attemptId() + "/"
                    + next.get(0).position() + q)).build();
        }, refused -> Templates.task(queue.task(attempt, position), exam, queue.pending(exam, 200).size(),
                score == null ? "" : score, comment == null ? "" : comment, refused.message(), null, null));
    }
}
