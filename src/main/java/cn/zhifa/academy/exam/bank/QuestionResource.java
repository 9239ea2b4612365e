package cn.zhifa.academy.exam.bank;

import java.io.IOException;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.exam.ExamText;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;

/** The question bank for authors: browse, edit (new version when used), retire, XLSX import/export. */
@Path("/api/v1/questions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.SYSADMIN })
@Tag(name = "Question bank")
public class QuestionResource {

    @Inject
    QuestionQueries queries;

    @Inject
    QuestionBankService bank;

    @Inject
    QuestionImports imports;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Current questions, filtered (type, domain code, law, difficulty, status ACTIVE|RETIRED, text); page is 0-based")
    public QuestionQueries.Page list(@QueryParam("type") String type, @QueryParam("domain") String domain,
            @QueryParam("law") String law, @QueryParam("difficulty") Integer difficulty,
            @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return queries.list(new QuestionQueries.Filter(type, domain, law, difficulty, status, q), page,
                Math.max(1, Math.min(size, 200)));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One question's current version, with its key and the list of versions")
    public QuestionQueries.Detail get(@PathParam("code") String code) {
        return queries.detail(code);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit; a version already used by an exam is kept and a new version is created")
    public QuestionQueries.Detail edit(@PathParam("code") String code, QuestionInput in) {
        if (in == null) {
            throw new BadRequestException();
        }
        bank.edit(code, in, user.getUsername());
        return queries.detail(code);
    }

    @POST
    @Path("{code}/retire")
    @Operation(summary = "Retire: no longer drawn into new exams (papers already drawn keep it)")
    public QuestionQueries.Detail retire(@PathParam("code") String code) {
        bank.setRetired(code, true, user.getUsername());
        return queries.detail(code);
    }

    @POST
    @Path("{code}/restore")
    public QuestionQueries.Detail restore(@PathParam("code") String code) {
        bank.setRetired(code, false, user.getUsername());
        return queries.detail(code);
    }

    @GET
    @Path("template.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The Chinese import template with instructions")
    public Response template() {
        return attachment(QuestionXlsx.template(), ExamText.admin(ExamText.locale()).xlsx_template_file());
    }

    @GET
    @Path("template.docx")
    @Produces(QuestionWord.DOCX)
    @Operation(summary = "The Word template (issue 17): instructions and a sample of every question type in the trainers' layout")
    public Response wordTemplate() {
        return attachment(QuestionWord.template(), ExamText.admin(ExamText.locale()).docx_template_file());
    }

    @GET
    @Path("export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Export the filtered questions in the import layout")
    public Response export(@QueryParam("type") String type, @QueryParam("domain") String domain,
            @QueryParam("law") String law, @QueryParam("difficulty") Integer difficulty,
            @QueryParam("status") String status, @QueryParam("q") String q) {
        return attachment(queries.export(new QuestionQueries.Filter(type, domain, law, difficulty, status, q)),
                ExamText.admin(ExamText.locale()).bank_export_file());
    }

    public static Response attachment(byte[] body, String filename) {
        String encoded = java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body).header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded).build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a question spreadsheet (.xlsx), or a Word (.docx) or text (.txt) question bank in the trainers' layout: validated preview with every problem (row and column, or paragraph); nothing written yet")
    public QuestionImports.Preview upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null) {
            throw cn.zhifa.academy.platform.error.InvalidException.field("file", "exam.file_required");
        }
        return imports.upload(file.uploadedFile(), file.fileName(), user.getUsername());
    }

    @POST
    @Path("import/{id}/commit")
    @Operation(summary = "Import the previewed file: all rows or none (422 with every problem)")
    public QuestionBankService.ImportReport commit(@PathParam("id") String id) throws IOException {
        return imports.commit(id, user.getUsername());
    }
}
