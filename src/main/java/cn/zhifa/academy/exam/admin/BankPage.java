package cn.zhifa.academy.exam.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.content.Laws;
import cn.zhifa.academy.exam.bank.ImportProblem;
import cn.zhifa.academy.exam.bank.QuestionBankService;
import cn.zhifa.academy.exam.bank.QuestionForm;
import cn.zhifa.academy.exam.bank.QuestionImportException;
import cn.zhifa.academy.exam.bank.QuestionImports;
import cn.zhifa.academy.exam.bank.QuestionInput;
import cn.zhifa.academy.exam.bank.QuestionQueries;
import cn.zhifa.academy.exam.bank.QuestionType;
import cn.zhifa.academy.exam.bank.QuestionVersion;
import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.Grade;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 题库 pages for authors: browse with filters, a question with its key and versions, the edit
 * form (a used version is kept and a new one made), retire/restore, and the spreadsheet import
 * (upload → preview with every bad cell → commit all or nothing). Same roles as the bank's API.
 */
@Path("/exam-admin/questions")
@RolesAllowed({ Roles.TRAINER, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class BankPage {

    @Inject
    OrgDirectory orgDirectory;

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(QuestionQueries.Page page, QuestionQueries.Filter filter, Choices choices,
                String queryString);

        static native TemplateInstance detail(QuestionQueries.Detail q, List<ExamAdminPageQueries.VersionRow> versions,
                String done, String error);

        static native TemplateInstance edit(String code, QuestionQueries.Detail q, QuestionForm form, Choices choices,
                List<ImportProblem> problems);

        static native TemplateInstance importForm(String error);

        static native TemplateInstance preview(QuestionImports.Preview preview);

        static native TemplateInstance imported(QuestionBankService.ImportReport report, List<ImportProblem> problems);
    }

    /** What the filter and edit forms offer. */
    public record Choices(QuestionType[] types, List<OrgDirectory.Domain> domains, List<String> laws, Grade[] grades,
            List<String> levels, List<cn.zhifa.academy.knowledge.KnowledgePoint> knowledge) {
    }

    @Inject
    cn.zhifa.academy.knowledge.KnowledgePoints knowledgePoints;

    @Inject
    QuestionQueries queries;

    @Inject
    QuestionBankService bank;

    @Inject
    QuestionImports imports;

    @Inject
    ExamAdminPageQueries pageQueries;

    @Inject
    CurrentUser user;

    Choices choices() {
        return new Choices(QuestionType.values(), orgDirectory.domains(), Laws.all().stream().map(Laws.Law::name).toList(),
                Grade.values(), List.of("CITY", "DISTRICT", "TOWN"), knowledgePoints.all());
    }

    @GET
    public TemplateInstance list(@RestQuery String type, @RestQuery String domain, @RestQuery String law,
            @RestQuery String difficulty, @RestQuery String status, @RestQuery String q, @RestQuery Integer page) {
        Integer diff = null;
        try {
            diff = difficulty == null || difficulty.isBlank() ? null : Integer.valueOf(difficulty.trim());
        } catch (NumberFormatException e) {
            // an unreadable difficulty is no filter
        }
        QuestionQueries.Filter f = new QuestionQueries.Filter(blank(type), blank(domain), blank(law), diff,
                "RETIRED".equals(status) ? "RETIRED" : "ACTIVE", blank(q));
        int p = page == null ? 0 : Math.max(0, page);
        return Templates.list(queries.list(f, p, PAGE_SIZE), f, choices(), queryString(f));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The filters as a query string (without page), for the pager and the export link. */
    static String queryString(QuestionQueries.Filter f) {
        StringBuilder sb = new StringBuilder();
        append(sb, "type", f.type());
        append(sb, "domain", f.domain());
        append(sb, "law", f.law());
        append(sb, "difficulty", f.difficulty());
        append(sb, "status", "RETIRED".equals(f.status()) ? "RETIRED" : null);
        append(sb, "q", f.q());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, Object value) {
        if (value != null) {
            sb.append('&').append(key).append('=').append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }

    @GET
    @Path("{code}")
    public TemplateInstance detail(@PathParam("code") String code, @RestQuery String done) {
        return detail(code, safeDone(done), null);
    }

    private TemplateInstance detail(String code, String done, String error) {
        return Templates.detail(queries.detail(code), pageQueries.versions(code), done, error);
    }

    private static String safeDone(String done) {
        return done != null && List.of("saved", "new_version", "unchanged", "retired", "restored", "question_created").contains(done)
                ? "done_" + done : null;
    }

    /** 新建题目: one question of any type in the bank's form, every bad field named (issue 13 item 9). */
    @GET
    @Path("new")
    public TemplateInstance newForm(@RestQuery String type) {
        return Templates.edit(null, null, QuestionForm.blank(type), choices(), List.of());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam QuestionForm form) {
        List<ImportProblem> problems = new ArrayList<>();
        String code = form.code == null ? "" : form.code.trim();
        QuestionInput in = form.toInput(code, problems);
        if (!problems.isEmpty()) {
            return Response.status(400).entity(Templates.edit(null, null, form, choices(), problems)).build();
        }
        // a refused question shows the form again with what was typed and every bad field
        return FormErrors.orRender(() -> {
            bank.create(in, user.getUsername());
            return Response.seeOther(URI.create("/exam-admin/questions/" + enc(code) + "?done=question_created")).build();
        }, refused -> formAgain(refused, Templates.edit(null, null, form, choices(), QuestionImportException.rowsOf(refused))));
    }

    /**
     * The form again after a refusal: the question's bad fields are the form's input (400, where
     * the API answers 422), anything else keeps its own status.
     */
    private static Response formAgain(FormErrors.Refusal refused, TemplateInstance page) {
        return Response.status(refused.error() instanceof QuestionImportException ? 400 : refused.status()).entity(page)
                .build();
    }

    @GET
    @Path("{code}/edit")
    public TemplateInstance editForm(@PathParam("code") String code) {
        QuestionQueries.Detail d = queries.detail(code);
        return Templates.edit(code, d, QuestionForm.of(d), choices(), List.of());
    }

    @POST
    @Path("{code}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("code") String code, @BeanParam QuestionForm form) {
        QuestionQueries.Detail before = queries.detail(code);
        List<ImportProblem> problems = new ArrayList<>();
        QuestionInput in = form.toInput(code, problems);
        if (!problems.isEmpty()) {
            return Response.status(400).entity(Templates.edit(code, before, form, choices(), problems)).build();
        }
        // a refused edit shows the form again with what was typed: the bad fields, each beside its
        // own, or the reason
        return FormErrors.orRender(() -> {
            QuestionVersion v = bank.edit(code, in, user.getUsername());
            String done = v.number != before.version() ? "new_version"
                    : queries.detail(code).equals(before) ? "unchanged" : "saved";
            return Response.seeOther(URI.create("/exam-admin/questions/" + enc(code) + "?done=" + done)).build();
        }, refused -> formAgain(refused, Templates.edit(code, before, form, choices(), QuestionImportException.rowsOf(refused))));
    }

    @POST
    @Path("{code}/{action: retire|restore}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("code") String code, @PathParam("action") String action) {
        boolean retire = "retire".equals(action);
        bank.setRetired(code, retire, user.getUsername());
        return Response.seeOther(URI.create("/exam-admin/questions/" + enc(code) + "?done=" + (retire ? "retired" : "restored")))
                .build();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GET
    @Path("import")
    public TemplateInstance importForm() {
        return Templates.importForm(null);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(Templates.importForm("import_err_nofile")).build();
        }
        // the upload edge refuses with 413 (too large) or 415 (a type it cannot read)
        return FormErrors.orRender(() -> {
            try {
                return Response.ok(Templates.preview(imports.upload(file.uploadedFile(), file.fileName(),
                        user.getUsername()))).build();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, refused -> Templates.importForm(refused.status() == 413 ? "import_err_toolarge" : "word_import_err_type"));
    }

    @POST
    @Path("import/{id}/commit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response commit(@PathParam("id") String id) {
        // a refused import (422) lists every bad cell with its line; nothing was written
        return FormErrors.orRender(() -> {
            try {
                return Response.ok(Templates.imported(imports.commit(id, user.getUsername()), List.of())).build();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, refused -> Templates.imported(null, QuestionImportException.rowsOf(refused)));
    }
}
