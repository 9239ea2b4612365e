package cn.zhifa.academy.people.roster;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.security.Roles;

/** Roster import over the API: template, upload for preview, commit. */
@Path("/api/v1/people/import")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "People")
public class RosterImportResource {

    @Inject
    OrgDirectory orgDirectory;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RosterImportService imports;

    @GET
    @Path("template.xlsx")
    @Produces(XLSX)
    @Transactional
    @Operation(summary = "The roster template (XLSX, with a sheet of instructions and allowed values)")
    public Response xlsxTemplate() throws IOException {
        return download(RosterTemplate.xlsx(orgDirectory.unitsOrdered(), orgDirectory.domains()),
                RosterTemplate.filename("xlsx"), XLSX);
    }

    @GET
    @Path("template.csv")
    @Produces("text/csv")
    @Operation(summary = "The roster template as CSV (UTF-8 with BOM)")
    public Response csvTemplate() {
        return download(RosterTemplate.csv(), RosterTemplate.filename("csv"), "text/csv; charset=UTF-8");
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a roster (XLSX or CSV, field 'file') and get the preview: counts and every bad row "
            + "with line, column and reason. Nothing is imported yet.")
    public RosterImportService.Preview upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("multipart field 'file' is missing");
        }
        return imports.preview(file.uploadedFile(), file.fileName(), file.contentType());
    }

    @POST
    @Path("{id}/commit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a previewed roster: all rows or none (422 with every error)")
    public RosterImportService.Outcome commit(@PathParam("id") long id) {
        return imports.commit(id);
    }

    static Response download(byte[] body, String filename, String type) {
        String encoded = java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body).type(type).header("Content-Disposition",
                "attachment; filename=\"roster-template" + filename.substring(filename.lastIndexOf('.'))
                        + "\"; filename*=UTF-8''" + encoded)
                .build();
    }
}
