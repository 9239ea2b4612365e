package cn.zhifa.academy.caselibrary;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.content.Markdown;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.FormErrors;
import cn.zhifa.academy.platform.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Trainer pages of the case library (案例编写与审核): the work overview, the authoring form with a
 * server-rendered preview, a case's workflow page with the review actions, and the folder import.
 * Refusals (four eyes, wrong status) come back as a friendly message on the same page.
 */
@jakarta.ws.rs.Path("/cases/manage")
@RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class CaseAuthoringPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<WorkList> lists, boolean canImport);

        static native TemplateInstance form(CaseForm form, boolean creating, List<String> domains, CaseType[] types,
                List<String> levels, List<Problem.FieldError> errors, Preview preview);

        static native TemplateInstance manage(String code, CaseView open, CaseView published, CaseView latest,
                List<CaseView.VersionSummary> versions, boolean mine, String done, String error);

        static native TemplateInstance importPage(String folder, CaseImportService.Outcome outcome,
                List<ContentProblem> problems, boolean canImport);
    }

    /** The outcome key of each action, shown as a message after the redirect. */
    private static final java.util.Map<String, String> DONE = java.util.Map.of("submit", "submitted", "approve",
            "approved", "send-back", "sent_back", "publish", "published", "withdraw", "withdrawn", "revise", "revised");

    /** One list on the overview: its element id, title and empty-text message keys, the versions. */
    public record WorkList(String id, String titleKey, String emptyKey, List<CaseView.WorkItem> items) {
    }

    /** What the preview shows: the title and the sections rendered exactly as readers will see them. */
    public record Preview(String title, List<CaseView.SectionView> sections) {
    }

    @Inject
    CaseLibraryService library;

    @Inject
    CaseWorkflowService workflow;

    @Inject
    CaseImportService imports;

    @Inject
    CasesConfig config;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance dashboard() {
        String me = user.getUsername();
        return Templates.dashboard(List.of(
                new WorkList("my-work", "manage_mine", "manage_mine_empty",
                        library.work(EnumSet.of(CaseStatus.DRAFT, CaseStatus.IN_REVIEW, CaseStatus.APPROVED), me, 50)),
                new WorkList("review-queue", "manage_queue", "manage_queue_empty",
                        library.work(EnumSet.of(CaseStatus.IN_REVIEW), null, 100)),
                new WorkList("approved", "manage_approved", "manage_approved_empty",
                        library.work(EnumSet.of(CaseStatus.APPROVED), null, 100)),
                new WorkList("recent", "manage_recent", "manage_recent_empty",
                        library.work(EnumSet.of(CaseStatus.PUBLISHED, CaseStatus.WITHDRAWN), null, 20))), canImport());
    }

    @GET
    @jakarta.ws.rs.Path("new")
    public TemplateInstance newForm() {
        return form(CaseForm.blank(), true, List.of(), null);
    }

    @POST
    @jakarta.ws.rs.Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam CaseForm form) {
        return save(form, true, null);
    }

    @GET
    @jakarta.ws.rs.Path(CaseResource.CODE + "/edit")
    public TemplateInstance editForm(@PathParam("code") String code) {
        CaseView open = library.open(code.toUpperCase())
                .filter(v -> v.status() == CaseStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("case.open_not_found", code));
        return form(CaseForm.of(open), false, List.of(), null);
    }

    @POST
    @jakarta.ws.rs.Path(CaseResource.CODE + "/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("code") String code, @BeanParam CaseForm form) {
        form.code = code.toUpperCase();
        return save(form, false, code.toUpperCase());
    }

    private Response save(CaseForm form, boolean creating, String code) {
        CaseForm.Converted converted = form.toInput();
        List<Problem.FieldError> errors = new ArrayList<>(converted.issues().stream()
                .map(i -> new Problem.FieldError(i.field(), i.message())).toList());
        if (form.preview() || !errors.isEmpty()) {
            if (form.preview()) {
                CaseRules.check(converted.input(), library.domainNames()).issues()
                        .forEach(i -> errors.add(new Problem.FieldError(i.field(), i.message())));
            }
            int status = errors.isEmpty() || form.preview() ? 200 : 422;
            return Response.status(status).entity(form(form, creating, errors, preview(converted.input())))
                    .build();
        }
        // the form again, with what was typed and every problem
        return FormErrors.orRender(() -> {
            CaseView saved = creating ? workflow.create(converted.input()) : workflow.updateDraft(code, converted.input());
            return Response.seeOther(URI.create("/cases/manage/" + saved.code() + "?done=saved")).build();
        }, refused -> form(form, creating, refused.errorsOrMessage(), preview(converted.input())));
    }

    private static Preview preview(CaseInput in) {
        List<CaseView.SectionView> sections = new ArrayList<>();
        for (CaseSection s : CaseSection.values()) {
            String md = in.sections() == null ? "" : in.sections().getOrDefault(s.key(), "");
            sections.add(new CaseView.SectionView(s.key(), s.heading, md, Markdown.toSafeHtml(md)));
        }
        return new Preview(in.title() == null ? "" : in.title(), sections);
    }

    @GET
    @jakarta.ws.rs.Path(CaseResource.CODE)
    public TemplateInstance manage(@PathParam("code") String code, @QueryParam("done") String done) {
        return manage(code.toUpperCase(), done, null);
    }

    private TemplateInstance manage(String code, String done, String error) {
        CaseView latest = library.latestVisible(code).orElseThrow(() -> new NotFoundException("case.not_found", code));
        CaseView open = library.open(code).orElse(null);
        CaseView published = library.findPublished(code).orElse(null);
        boolean mine = open != null && open.author().equals(user.getUsername());
        return Templates.manage(code, open, published, latest, library.versions(code), mine, safeDone(done), error);
    }

    /** Only known outcome keys reach the page (they select a message). */
    private static String safeDone(String done) {
        return done != null && List.of("saved", "submitted", "approved", "sent_back", "published", "withdrawn", "revised",
                "attached", "detached").contains(done) ? "done_" + done : null;
    }

    @POST
    @jakarta.ws.rs.Path(CaseResource.CODE + "/{action: submit|approve|send-back|publish|withdraw|revise}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("code") String code, @PathParam("action") String action,
            @RestForm("comment") String comment) {
        String c = code.toUpperCase();
        // a refusal is shown on the case's page (#action-error), with its status
        return FormErrors.orRender(() -> {
            switch (action) {
                case "submit" -> workflow.submit(c);
                case "approve" -> workflow.approve(c, comment);
                case "send-back" -> workflow.sendBack(c, comment);
                case "publish" -> workflow.publish(c);
                case "withdraw" -> workflow.withdraw(c, comment);
                case "revise" -> workflow.revise(c);
                default -> throw new NotFoundException("case.not_found", c);
            }
            return Response.seeOther(URI.create("/cases/manage/" + c + "?done=" + DONE.get(action))).build();
        }, refused -> manage(c, null, refused.message()));
    }

    @POST
    @jakarta.ws.rs.Path(CaseResource.CODE + "/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("code") String code, @RestForm("file") FileUpload file,
            @RestForm("title") String title) throws IOException {
        String c = code.toUpperCase();
        return FormErrors.orRender(() -> {
            if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
                throw InvalidException.field("file", "upload.file_missing");
            }
            try {
                workflow.addAttachment(c, file.uploadedFile(), file.fileName(), file.contentType(), title);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Response.seeOther(URI.create("/cases/manage/" + c + "?done=attached")).build();
        }, refused -> manage(c, null, switch (refused.status()) {
            // the upload edge answers in its own words: say it for people
            case 413 -> ErrorTexts.text(ErrorTexts.currentLocale(), "upload.too_large");
            case 415 -> ErrorTexts.text(ErrorTexts.currentLocale(), "upload.case_type_unsupported");
            default -> refused.message();
        }));
    }

    @POST
    @jakarta.ws.rs.Path(CaseResource.CODE + "/attachments/{mediaId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response detach(@PathParam("code") String code, @PathParam("mediaId") String mediaId) {
        String c = code.toUpperCase();
        // a broken rule goes back to the case's page with the message (ErrorMappers, Flash)
        workflow.removeAttachment(c, mediaId);
        return Response.seeOther(URI.create("/cases/manage/" + c + "?done=detached")).build();
    }

    @GET
    @jakarta.ws.rs.Path("import")
    public TemplateInstance importPage() {
        return Templates.importPage(config.folder(), null, List.of(), canImport());
    }

    @POST
    @jakarta.ws.rs.Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.TRAINER, Roles.SYSADMIN })
    public Response runImport(@RestForm("dryRun") boolean dryRun) {
        try {
            CaseImportService.Outcome o = imports.importFolder(Path.of(config.folder()), user.getUsername(), dryRun);
            return Response.ok(Templates.importPage(config.folder(), o, List.of(), true)).build();
        } catch (ContentInvalidException e) {
            return Response.status(422).entity(Templates.importPage(config.folder(), null, e.problems(), true)).build();
        }
    }

    private boolean canImport() {
        return user.isTrainer() || user.isSysadmin();
    }

    private TemplateInstance form(CaseForm form, boolean creating, List<Problem.FieldError> errors, Preview preview) {
        return Templates.form(form, creating, domains(), CaseType.values(),
                java.util.Arrays.stream(cn.zhifa.academy.organization.OrgLevel.values()).map(OrgLevels::label).toList(),
                errors, preview);
    }

    private List<String> domains() {
        return List.copyOf(library.domainNames());
    }
}
