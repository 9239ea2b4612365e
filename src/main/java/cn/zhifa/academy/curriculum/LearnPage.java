package cn.zhifa.academy.curriculum;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** 我的学习: the learner's plans, courses, lesson player, checks and hours. */
@Path("/learn")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class LearnPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(LearningService.MyLearning learning);

        static native TemplateInstance catalogue(List<LearningService.CourseState> courses);

        static native TemplateInstance course(LearningService.CourseState course);

        static native TemplateInstance lesson(LearningService.LessonView lesson, LearningService.CheckResult result);

        static native TemplateInstance noPerson();
    }

    @Inject
    LearningService learning;

    @Inject
    LearningStatements statements;

    @Inject
    cn.zhifa.academy.platform.web.LocaleContext locale;

    /**
     * 我的学习, rendered here inside one transaction (issue 16): the page's reads, the layout's
     * bell and the 高频事项 path read while the template renders all run on the transaction's one
     * pooled connection (Agroal hands the enlisted connection back to the plain-JDBC reads as
     * well). Returned as a template instance, the page rendered after the method: the bell's read
     * outside any transaction kept its connection to the end of the request while the path's
     * transaction asked for a second one, and 64 learners starved the pool (LearningPoolTest).
     */
    @GET
    @Transactional
    public String mine() {
        statements.useGenericPlans();
        TemplateInstance page = learning.isLearner() ? Templates.mine(learning.myLearning()) : Templates.noPerson();
        return page.setLocale(locale.getLocale()).render();
    }

    @GET
    @Path("courses")
    public TemplateInstance catalogue() {
        if (!learning.isLearner()) {
            return Templates.noPerson();
        }
        return Templates.catalogue(learning.catalogue());
    }

    @GET
    @Path("courses/{code}")
    public TemplateInstance course(@PathParam("code") String code) {
        if (!learning.isLearner()) {
            return Templates.noPerson();
        }
        return Templates.course(learning.openOrLocked(code));
    }

    @GET
    @Path("lessons/{id:\\d+}")
    public Response lesson(@PathParam("id") long id) {
        if (!learning.isLearner()) {
            return Response.ok(Templates.noPerson()).build();
        }
        // a lesson of a course that is still locked: the course page says what to finish first
        java.util.Optional<String> locked = learning.lockedCourseOf(id);
        if (locked.isPresent()) {
            return Response.seeOther(URI.create("/learn/courses/" + locked.get())).build();
        }
        return Response.ok(Templates.lesson(learning.lessonView(id), null)).build();
    }

    /** "I have read it" on an article, slides or case lesson; back to the lesson. */
    @POST
    @Path("lessons/{id:\\d+}/read")
    public Response read(@PathParam("id") long id) {
        learning.markRead(id);
        return Response.seeOther(URI.create("/learn/lessons/" + id)).build();
    }

    /** A check's answers from the form: fields q0, q1, … (checkboxes repeat the field). */
    @POST
    @Path("lessons/{id:\\d+}/check")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance check(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Map<Integer, String> answers = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.matches("q\\d+")) {
                answers.put(Integer.parseInt(k.substring(1)), String.join(",", v));
            }
        });
        LearningService.CheckResult result = learning.submitCheck(id, answers);
        return Templates.lesson(learning.lessonView(id), result);
    }
}
