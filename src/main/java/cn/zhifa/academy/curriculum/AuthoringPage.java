package cn.zhifa.academy.curriculum;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
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

import cn.zhifa.academy.content.Markdown;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.FormErrors;
import cn.zhifa.academy.storage.MediaService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Trainers write courses in the browser (课程编写): drafts, lessons, preview, publish. */
@Path("/authoring/courses")
@RolesAllowed({ Roles.TRAINER, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class AuthoringPage {

    @Inject
    MediaService media;

    /** A course row of the list. */
    public record Row(String code, String title, String status, int version, boolean draft) {
    }

    /** The lesson form's state. */
    public record LessonForm(Long id, String title, LessonType type, int durationMinutes, boolean required,
            String bodyMd, String mediaId, String caseCode, String checkYaml, Integer passScore, CheckForm checks) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> courses, List<OrgDirectory.Domain> domains, String error,
                String message);

        static native TemplateInstance edit(Course course, CourseVersion draft, List<Lesson> lessons,
                List<OrgDirectory.Domain> domains, String message, String error);

        static native TemplateInstance lesson(Course course, LessonForm form, String preview, String error);
    }

    @Inject
    AuthoringService authoring;

    @Inject
    OrgDirectory org;

    @Inject
    CourseImporter importer;

    @Inject
    CurriculumConfig config;

    @Inject
    cn.zhifa.academy.platform.security.CurrentUser user;

    /** Imports the configured course folder (courses/) and shows what happened, or every problem. */
    @POST
    @Path("import")
    public Response importFolder() {
        try {
            CourseImporter.Report r = importer.importFolder(java.nio.file.Path.of(config.coursesFolder()), user.getUsername());
            return Response.ok(list(null, CurriculumText.now().import_done(r.created().size(), r.revised().size(),
                    r.unchanged().size()))).build();
        } catch (cn.zhifa.academy.content.ContentInvalidException e) {
            String problems = String.join(ErrorTexts.text(ErrorTexts.currentLocale(), "sep.list"),
                    e.problems().stream().map(Object::toString).toList());
            return Response.status(422).entity(list(CurriculumText.now().import_problems(e.problems().size(), problems),
                    null)).build();
        }
    }

    @GET
    public TemplateInstance list() {
        return list(null, null);
    }

    private TemplateInstance list(String error, String message) {
        List<Row> rows = Course.<Course> list("ORDER BY code").stream().map(c -> {
            CourseVersion v = CourseVersion.latest(c.id).orElseThrow();
            return new Row(c.code, v.title, c.status.name(), v.number, v.isDraft());
        }).toList();
        return Templates.list(rows, org.domains(), error, message);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String code, @RestForm String title, @RestForm Long domainId,
            @RestForm BigDecimal hours) {
        return FormErrors.orRender(() -> {
            authoring.create(code, new AuthoringService.CourseInput(title, "", domainId, List.of(Grade.SERVING),
                    List.of(OrgLevel.TOWN), hours == null ? BigDecimal.ONE : hours));
            return Response.seeOther(URI.create("/authoring/courses/" + code.trim().toUpperCase())).build();
        }, refused -> list(refused.message(), null));
    }

    @GET
    @Path("{code}")
    public TemplateInstance edit(@PathParam("code") String code) {
        return edit(code, null, null);
    }

    private TemplateInstance edit(String code, String message, String error) {
        Course c = authoring.course(code);
        CourseVersion latest = CourseVersion.latest(c.id).orElseThrow();
        return Templates.edit(c, latest, Lesson.ofVersion(latest.id), org.domains(), message, error);
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("code") String code, @RestForm String title, @RestForm String summary,
            @RestForm Long domainId, @RestForm List<String> grades, @RestForm List<String> levels,
            @RestForm BigDecimal hours) {
        // a broken rule goes back to the course page with the message (ErrorMappers, Flash)
        authoring.update(code, new AuthoringService.CourseInput(title, summary, domainId,
                grades.stream().map(Grade::valueOf).toList(), levels.stream().map(OrgLevel::valueOf).toList(), hours));
        return Response.seeOther(URI.create("/authoring/courses/" + code)).build();
    }

    @POST
    @Path("{code}/lessons/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("code") String code, @PathParam("id") long id, @RestForm String direction) {
        authoring.move(code, id, "up".equals(direction));
        return Response.seeOther(URI.create("/authoring/courses/" + code)).build();
    }

    @POST
    @Path("{code}/lessons/{id}/delete")
    public Response delete(@PathParam("code") String code, @PathParam("id") long id) {
        authoring.deleteLesson(code, id);
        return Response.seeOther(URI.create("/authoring/courses/" + code)).build();
    }

    @POST
    @Path("{code}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("code") String code, @RestForm boolean significant) {
        // what is missing is listed on the course page itself
        return FormErrors.orRender(() -> {
            CourseVersion v = authoring.publish(code, significant);
            return Response.ok(edit(code, CurriculumText.now().published_version(v.number), null)).build();
        }, refused -> edit(code, null, refused.withFields()));
    }

    @GET
    @Path("{code}/lessons/new")
    public TemplateInstance newLesson(@PathParam("code") String code) {
        return Templates.lesson(authoring.course(code),
                new LessonForm(null, "", LessonType.ARTICLE, 5, true, "", null, null, "", 60, CheckForm.empty()), null, null);
    }

    @GET
    @Path("{code}/lessons/{id}")
    public TemplateInstance lesson(@PathParam("code") String code, @PathParam("id") long id) {
        Lesson l = Lesson.<Lesson> findByIdOptional(id).orElseThrow(() -> new NotFoundException("lesson.not_found", id));
        return Templates.lesson(authoring.course(code), new LessonForm(l.id, l.title, l.type, l.durationMinutes,
                l.required, l.bodyMd, publicId(l.mediaId), l.caseCode, authoring.checkYaml(l), l.passScore,
                CheckForm.of(l.checkJson)), null, null);
    }

    private String publicId(Long mediaId) {
        return mediaId == null ? null : media.publicId(mediaId).map(java.util.UUID::toString).orElse(null);
    }

    /** Saves (action=save) or only renders the sanitised preview (action=preview). */
    @POST
    @Path("{code}/lessons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveLesson(@PathParam("code") String code, @RestForm Long id, @RestForm String title,
            @RestForm String type, @RestForm int durationMinutes, @RestForm boolean required, @RestForm String bodyMd,
            @RestForm String mediaId, @RestForm String caseCode, @RestForm String checkYaml, @RestForm Integer passScore,
            @RestForm String action, @RestForm List<String> qType, @RestForm List<String> qStem,
            @RestForm List<String> qOptions, @RestForm List<String> qAnswer, @RestForm List<String> qExplanation) {
        LessonType t = Arrays.stream(LessonType.values()).filter(x -> x.name().equals(type)).findFirst()
                .orElse(LessonType.ARTICLE);
        // the form editor (qStem…) replaces the YAML box; a posted checkYaml (older clients) still works
        boolean fromEditor = qStem != null && !qStem.isEmpty();
        CheckForm checks = fromEditor ? CheckForm.posted(qType, qStem, qOptions, qAnswer, qExplanation) : CheckForm.empty();
        if (fromEditor && t == LessonType.CHECK && !checks.hasErrors()) {
            checkYaml = checks.yaml();
        }
        LessonForm form = new LessonForm(id, title, t, durationMinutes, required, bodyMd, mediaId, caseCode, checkYaml,
                passScore, fromEditor ? withBlank(checks) : checks);
        Course c = authoring.course(code);
        if ("preview".equals(action)) {
            return Response.ok(Templates.lesson(c, form, Markdown.toSafeHtml(bodyMd), null)).build();
        }
        if (fromEditor && t == LessonType.CHECK && checks.hasErrors()) {
            return Response.status(400).entity(Templates.lesson(c, form, null,
                    io.quarkus.qute.i18n.MessageBundles.get(cn.zhifa.academy.platform.web.UxMessages.class)
                            .check_errors(checks.errorCount()))).build();
        }
        // the lesson form again, with what was typed
        String saveCode = checkYaml;
        return FormErrors.orRender(() -> {
            authoring.saveLesson(code, id, new AuthoringService.LessonInput(title, t, durationMinutes, required, bodyMd,
                    mediaId, caseCode, saveCode, passScore));
            return Response.seeOther(URI.create("/authoring/courses/" + code)).build();
        }, refused -> Templates.lesson(c, form, null, refused.withFields()));
    }

    /** The posted questions plus one empty block, so another question can be added. */
    private static CheckForm withBlank(CheckForm posted) {
        return posted.withBlank();
    }
}
