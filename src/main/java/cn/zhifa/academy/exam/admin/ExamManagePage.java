package cn.zhifa.academy.exam.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.exam.ExamInput;
import cn.zhifa.academy.exam.ExamScope;
import cn.zhifa.academy.exam.ExamService;
import cn.zhifa.academy.exam.GradingMethod;
import cn.zhifa.academy.exam.OverrideInput;
import cn.zhifa.academy.exam.ReviewPolicy;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.grading.GradingQueue;
import cn.zhifa.academy.exam.paper.BlueprintInput;
import cn.zhifa.academy.exam.paper.BlueprintService;
import cn.zhifa.academy.exam.paper.QuestionPool;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.people.PersonCategory;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.web.FormErrors;
import cn.zhifa.academy.records.ExamPurpose;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 考试管理 pages: the hub, the blueprint builder (组卷规则), scheduling an exam with its audience,
 * publishing and cancelling, overrides, the live monitor and the results. Everything goes through
 * the engine's services, which check the organisation scope and audit every change; a refusal
 * comes back on the same page ({@link FormErrors#orRender}), in the reader's language, with what the user typed.
 */
@Path("/exam-admin")
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class ExamManagePage {

    @Inject
    OrgDirectory orgDirectory;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hub(List<ExamAdminViews.ExamView> exams, int blueprints, int pending,
                boolean canBank, String done);

        static native TemplateInstance blueprints(List<ExamAdminViews.BlueprintView> blueprints);

        static native TemplateInstance blueprint(Long id, ExamAdminForms.BlueprintForm form, Choices choices,
                ExamAdminFormat.Errors errors, boolean shortfall, List<ExamAdminViews.ExamView> usedBy, String done,
                List<QuestionPool.RubricMismatch> rubricWarnings);

        static native TemplateInstance exam(ExamAdminViews.ExamView exam, ExamAdminForms.ExamForm form, Choices choices,
                ExamAdminFormat.Errors errors, ExamAdminForms.OverrideForm override, ExamAdminFormat.Errors overrideErrors,
                String done, String error);

        static native TemplateInstance monitor(ExamAdminViews.ExamView exam, ExamReports.Monitor monitor);

        static native TemplateInstance publish(ExamAdminViews.ExamView exam, long eligible);

        static native TemplateInstance results(ExamAdminViews.ExamView exam, List<ExamReports.ResultRow> results,
                List<ExamReports.ItemStat> stats);
    }

    /** What the forms offer, limited to the manager's scope. */
    public record Choices(List<ExamAdminPageQueries.UnitChoice> units, List<ExamAdminPageQueries.Choice> providers,
            List<OrgDirectory.Domain> domains, List<ExamAdminViews.BlueprintView> blueprints,
            List<ExamAdminViews.ExamView> resitOf, ExamPurpose[] purposes, PersonCategory[] categories, Grade[] grades,
            GradingMethod[] methods, ReviewPolicy[] policies, QuestionType[] types, List<String> laws) {
    }

    private static final List<String> DONE = List.of("created", "saved", "published", "cancelled", "override");

    @Inject
    ExamAdminService views;

    @Inject
    BlueprintService blueprints;

    @Inject
    ExamService exams;

    @Inject
    ExamReports reports;

    @Inject
    GradingQueue grading;

    @Inject
    ExamAdminPageQueries pageQueries;

    @Inject
    ExamScope scope;

    @Inject
    ExamConfig config;

    @Inject
    CurrentUser user;

    private Choices choices() {
        List<ExamAdminViews.ExamView> all = views.exams();
        return new Choices(pageQueries.units(), pageQueries.providers(), orgDirectory.domains(), views.blueprints(),
                all.stream().filter(e -> !e.purpose().equals(ExamPurpose.RESIT.name())).toList(), ExamPurpose.values(),
                PersonCategory.values(), Grade.values(), GradingMethod.values(), ReviewPolicy.values(),
                QuestionType.values(), Laws.all().stream().map(Laws.Law::name).toList());
    }

    private static String safeDone(String done) {
        return done != null && DONE.contains(done) ? "done_" + done : null;
    }

    /** What only the form can get wrong (a number or a time it cannot read) is refused like the engine's rules. */
    private static void refuseUnread(List<FieldError> unread) {
        if (!unread.isEmpty()) {
            throw InvalidException.fields(unread);
        }
    }

    @GET
    public TemplateInstance hub(@RestQuery String done) {
        return Templates.hub(views.exams(), views.blueprints().size(), grading.pending(null, 500).size(),
                user.isTrainer() || user.isSysadmin(), safeDone(done));
    }

    // --- blueprints (组卷规则) ---

    @GET
    @Path("blueprints")
    public TemplateInstance blueprintList() {
        return Templates.blueprints(views.blueprints());
    }

    @GET
    @Path("blueprints/new")
    public TemplateInstance newBlueprint() {
        return Templates.blueprint(null, ExamAdminForms.BlueprintForm.blank(scope.defaultUnit()), choices(),
                ExamAdminFormat.Errors.NONE, false, List.of(), null, List.of());
    }

    @POST
    @Path("blueprints/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createBlueprint(@BeanParam ExamAdminForms.BlueprintForm form) {
        return saveBlueprint(null, form);
    }

    @GET
    @Path("blueprints/{id: \\d+}")
    public TemplateInstance editBlueprint(@PathParam("id") long id, @RestQuery String done) {
        ExamAdminViews.BlueprintView b = views.blueprint(id);
        return Templates.blueprint(id, ExamAdminForms.BlueprintForm.of(b), choices(), ExamAdminFormat.Errors.NONE, false,
                usedBy(id), safeDone(done), blueprints.rubricWarnings(id));
    }

    @POST
    @Path("blueprints/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateBlueprint(@PathParam("id") long id, @BeanParam ExamAdminForms.BlueprintForm form) {
        views.blueprint(id); // 404 outside the scope before anything else
        return saveBlueprint(id, form);
    }

    private List<ExamAdminViews.ExamView> usedBy(long blueprintId) {
        return views.exams().stream().filter(e -> e.blueprintId() == blueprintId).toList();
    }

    private Response saveBlueprint(Long id, ExamAdminForms.BlueprintForm form) {
        // a refusal shows the builder again with what was typed, each message beside its row
        return FormErrors.orRender(() -> {
            List<FieldError> unread = new ArrayList<>();
            BlueprintInput in = form.toInput(unread);
            refuseUnread(unread);
            long saved = id == null ? blueprints.create(in, user.getUsername()).id : blueprints.update(id, in).id;
            return Response.seeOther(URI.create("/exam-admin/blueprints/" + saved + "?done=" + (id == null ? "created" : "saved")))
                    .build();
        }, refused -> {
            form.attach(refused.errorsOrMessage());
            return Templates.blueprint(id, form, choices(), new ExamAdminFormat.Errors(refused.errorsOrMessage()),
                    refused.status() == 422, id == null ? List.of() : usedBy(id), null, List.of());
        });
    }

    // --- exams (考试安排) ---

    @GET
    @Path("exams/new")
    public TemplateInstance newExam(@RestQuery Long blueprint) {
        return Templates.exam(null, ExamAdminForms.ExamForm.blank(scope.defaultUnit(), blueprint, config.defaultBands()),
                choices(), ExamAdminFormat.Errors.NONE, null, ExamAdminFormat.Errors.NONE, null, null);
    }

    @POST
    @Path("exams/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createExam(@BeanParam ExamAdminForms.ExamForm form) {
        return FormErrors.orRender(() -> {
            List<FieldError> unread = new ArrayList<>();
            ExamInput in = form.toInput(unread);
            refuseUnread(unread);
            long id = exams.create(in, user.getUsername()).id;
            return Response.seeOther(URI.create("/exam-admin/exams/" + id + "?done=created")).build();
        }, refused -> Templates.exam(null, form, choices(), new ExamAdminFormat.Errors(refused.errorsOrMessage()), null,
                ExamAdminFormat.Errors.NONE, null, null));
    }

    @GET
    @Path("exams/{id: \\d+}")
    public TemplateInstance exam(@PathParam("id") long id, @RestQuery String done) {
        return examPage(id, null, ExamAdminFormat.Errors.NONE, null, ExamAdminFormat.Errors.NONE, safeDone(done), null);
    }

    private TemplateInstance examPage(long id, ExamAdminForms.ExamForm form, ExamAdminFormat.Errors errors,
            ExamAdminForms.OverrideForm override, ExamAdminFormat.Errors overrideErrors, String done, String error) {
        ExamAdminViews.ExamView e = views.exam(id);
        return Templates.exam(e, form != null ? form : ExamAdminForms.ExamForm.of(e, pageQueries.listedEmployeeNos(id)),
                choices(), errors, override != null ? override : ExamAdminForms.OverrideForm.blank(), overrideErrors, done,
                error);
    }

    @POST
    @Path("exams/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateExam(@PathParam("id") long id, @BeanParam ExamAdminForms.ExamForm form) {
        views.exam(id);
        return FormErrors.orRender(() -> {
            List<FieldError> unread = new ArrayList<>();
            ExamInput in = form.toInput(unread);
            refuseUnread(unread);
            exams.update(id, in);
            return Response.seeOther(URI.create("/exam-admin/exams/" + id + "?done=saved")).build();
        }, refused -> examPage(id, form, new ExamAdminFormat.Errors(refused.errorsOrMessage()), null,
                ExamAdminFormat.Errors.NONE, null, null));
    }

    /** 发布考试 freezes the pool and opens the exam: first say to how many people, then ask. */
    @GET
    @Path("exams/{id: \\d+}/publish")
    public TemplateInstance publishPreview(@PathParam("id") long id) {
        ExamAdminViews.ExamView e = views.exam(id);
        return Templates.publish(e, reports.eligibleCount(id));
    }

    @POST
    @Path("exams/{id: \\d+}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id) {
        // a refusal is shown on the exam's page, with its status
        return FormErrors.orRender(() -> {
            exams.publish(id);
            return Response.seeOther(URI.create("/exam-admin/exams/" + id + "?done=published")).build();
        }, refused -> examPage(id, null, ExamAdminFormat.Errors.NONE, null, ExamAdminFormat.Errors.NONE, null,
                refused.message()));
    }

    @POST
    @Path("exams/{id: \\d+}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, @RestForm String reason) {
        return FormErrors.orRender(() -> {
            exams.cancel(id, reason);
            return Response.seeOther(URI.create("/exam-admin/exams/" + id + "?done=cancelled")).build();
        }, refused -> examPage(id, null, ExamAdminFormat.Errors.NONE, null, ExamAdminFormat.Errors.NONE, null,
                refused.message()));
    }

    @POST
    @Path("exams/{id: \\d+}/overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") long id, @BeanParam ExamAdminForms.OverrideForm form) {
        views.exam(id);
        return FormErrors.orRender(() -> {
            List<FieldError> unread = new ArrayList<>();
            OverrideInput in = form.toInput(unread);
            refuseUnread(unread);
            exams.addOverride(id, in, user.getUsername());
            return Response.seeOther(URI.create("/exam-admin/exams/" + id + "?done=override#overrides")).build();
        }, refused -> examPage(id, null, ExamAdminFormat.Errors.NONE, form,
                new ExamAdminFormat.Errors(refused.errorsOrMessage()), null, null));
    }

    // --- monitor and results ---

    @GET
    @Path("exams/{id: \\d+}/monitor")
    public TemplateInstance monitor(@PathParam("id") long id) {
        return Templates.monitor(views.exam(id), reports.monitor(id));
    }

    @GET
    @Path("exams/{id: \\d+}/results")
    public TemplateInstance results(@PathParam("id") long id) {
        return Templates.results(views.exam(id), reports.results(id), reports.itemStats(id));
    }
}
