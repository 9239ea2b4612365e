package cn.zhifa.academy.exam.delivery;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.error.NotFoundException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The candidate's pages: 我的考试, an exam's introduction with the start button, the exam page
 * (a small script over the candidate API) and the result page.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ExamPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<DeliveryViews.MyExam> exams);

        static native TemplateInstance intro(DeliveryViews.MyExam exam, Lobby lobby);

        static native TemplateInstance take(long attemptId, String title);

        static native TemplateInstance result(DeliveryViews.Result result);

        static native TemplateInstance noPerson();
    }

    @Inject
    DeliveryService delivery;

    @Inject
    ExamConfig config;

    /**
     * The lobby of an upcoming exam (issue 11): from {@code academy.exam.lobby-minutes} before it
     * opens the page counts down on the server's clock and takes the candidate in at the bell.
     */
    public record Lobby(boolean open, int minutes, long opensAtMillis, long serverNowMillis) {
    }

    @Inject
    CurrentUser user;

    @GET
    @Path("exams")
    public TemplateInstance mine() {
        Long person = user.getPersonId();
        if (person == null) {
            return Templates.noPerson();
        }
        return Templates.mine(delivery.myExams(person));
    }

    @GET
    @Path("exams/{id:\\d+}")
    public TemplateInstance intro(@PathParam("id") long id) {
        Long person = user.getPersonId();
        if (person == null) {
            return Templates.noPerson();
        }
        DeliveryViews.MyExam exam = delivery.myExams(person).stream().filter(e -> e.examId() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("exam.not_found"));
        java.time.Instant now = Now.instant();
        boolean open = exam.state().equals("UPCOMING")
                && !now.isBefore(exam.opensAt().minusSeconds(60L * config.lobbyMinutes()));
        return Templates.intro(exam, new Lobby(open, config.lobbyMinutes(), exam.opensAt().toEpochMilli(),
                now.toEpochMilli()));
    }

    @GET
    @Path("attempts/{id:\\d+}")
    public TemplateInstance take(@PathParam("id") long id) {
        DeliveryViews.Result r = delivery.result(id, user.getPersonId()); // 404 unless it is the caller's own
        return Templates.take(id, r.examTitle());
    }

    @GET
    @Path("attempts/{id:\\d+}/result")
    public TemplateInstance result(@PathParam("id") long id) {
        return Templates.result(delivery.result(id, user.getPersonId()));
    }
}
