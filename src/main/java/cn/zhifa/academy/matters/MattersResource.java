package cn.zhifa.academy.matters;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.platform.security.Roles;

/** The delegated-matters catalogue and readiness over the API (administrators, within their scope). */
@Path("/api/v1/matters")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Tag(name = "Delegated matters")
public class MattersResource {

    @Inject
    MatterCatalogueService catalogue;

    @Inject
    ReadinessService readiness;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The catalogue; each matter's towns limited to the caller's scope")
    public List<MatterCatalogueService.MatterView> list() {
        return catalogue.list();
    }

    @GET
    @Path("{id:\\d+}")
    @Produces(MediaType.APPLICATION_JSON)
    public MatterCatalogueService.MatterView get(@PathParam("id") long id) {
        return catalogue.view(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a matter (city-level administrators); the same rules as an import row")
    public Response create(MatterCatalogueService.Form form) {
        DelegatedMatter m = catalogue.save(null, form);
        return Response.status(201).entity(catalogue.view(m.id)).build();
    }

    @PUT
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a matter: catalogue fields (city level) and the towns inside the caller's scope")
    public MatterCatalogueService.MatterView update(@PathParam("id") long id, MatterCatalogueService.Form form) {
        catalogue.save(id, form);
        return catalogue.view(id);
    }

    @GET
    @Path("import/template.xlsx")
    @Produces(MatterXlsx.TYPE)
    @Operation(summary = "The catalogue template (XLSX, with a sheet of instructions and allowed values)")
    public Response template() throws IOException {
        return download(catalogue.template(), "matters-template.xlsx");
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a catalogue (XLSX, field 'file'): the preview with every bad row, line and column")
    public MatterCatalogueService.Preview upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("multipart field 'file' is missing");
        }
        return catalogue.preview(file.uploadedFile(), file.fileName(), file.contentType());
    }

    @POST
    @Path("import/{id}/commit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a previewed catalogue: all rows or none (422 with every error)")
    public MatterCatalogueService.Outcome commit(@PathParam("id") String id) {
        return catalogue.commit(id);
    }

    @GET
    @Path("readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness per town and matter, for the towns in the caller's scope")
    public List<ReadinessService.TownRow> readiness() {
        return readiness.grid();
    }

    @GET
    @Path("readiness/{town:\\d+}/{matter:\\d+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One readiness cell with its officers; 404 outside the caller's scope")
    public ReadinessService.Drill drill(@PathParam("town") long town, @PathParam("matter") long matter) {
        return readiness.drill(town, matter);
    }

    @GET
    @Path("readiness.xlsx")
    @Produces(MatterXlsx.TYPE)
    public Response readinessXlsx() throws IOException {
        return download(readiness.xlsx(), "matters-readiness.xlsx");
    }

    static Response download(byte[] body, String filename) {
        return Response.ok(body).type(MatterXlsx.TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
