package cn.zhifa.academy.caselibrary;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import io.quarkus.security.Authenticated;

/**
 * The case library as JSON (案例库接口). Everyone signed in searches and reads published cases;
 * trainers, administrators and system administrators write and review them (the reviewer is
 * never the author), and trainers and system administrators import the case folder.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Case library")
public class CaseResource {

    static final String CODE = "{code: [A-Za-z]{2,4}-\\d{4}-\\d{3,4}}";

    @Inject
    CaseLibraryService library;

    @Inject
    CaseSearchService search;

    @Inject
    CaseWorkflowService workflow;

    @Inject
    CaseImportService imports;

    @Inject
    CasesConfig config;

    @Inject
    CurrentUser user;

    /** A reason or comment for a review action. */
    public record Note(String comment) {
    }

    @GET
    @Operation(summary = "Search published cases: Chinese words, article citations in any numerals (with or without the statute) or a "
            + "code; filters domain, caseType, matter, orgLevel, year, tag; paging page/size. Hits are ranked, with "
            + "highlighted title and snippet; facets count each filter's values under the other filters.")
    public CaseSearchService.Result search(@BeanParam CaseQuery query) {
        return search.search(query);
    }

    @GET
    @Path(CODE)
    @Operation(summary = "The published version of a case, sections as Markdown and sanitised HTML; 404 when not published")
    public CaseView get(@PathParam("code") String code) {
        return library.findPublished(code.toUpperCase()).orElseThrow(() -> notFound(code));
    }

    @GET
    @Path(CODE + "/versions")
    @Operation(summary = "Version history: published and superseded versions for everyone, all versions for authors")
    public List<CaseView.VersionSummary> versions(@PathParam("code") String code) {
        List<CaseView.VersionSummary> v = library.versions(code.toUpperCase());
        if (v.isEmpty()) {
            throw notFound(code);
        }
        return v;
    }

    @GET
    @Path(CODE + "/versions/{n: \\d+}")
    @Operation(summary = "One version; superseded versions stay readable; drafts only for authors and reviewers")
    public CaseView version(@PathParam("code") String code, @PathParam("n") int n) {
        return library.version(code.toUpperCase(), n).orElseThrow(() -> notFound(code + " v" + n));
    }

    @GET
    @Path(CODE + "/versions/{n: \\d+}/markdown")
    @Produces("text/markdown; charset=UTF-8")
    @Operation(summary = "One version as a case-library/ file (YAML front matter and the seven sections)")
    public String markdown(@PathParam("code") String code, @PathParam("n") int n) {
        return library.markdown(code.toUpperCase(), n).orElseThrow(() -> notFound(code + " v" + n));
    }

    @GET
    @Path(CODE + "/related")
    @Operation(summary = "Published cases sharing the matter or a cited article, with the shared citations")
    public List<CaseView.RelatedCase> related(@PathParam("code") String code) {
        library.findPublished(code.toUpperCase()).orElseThrow(() -> notFound(code));
        return library.related(code.toUpperCase());
    }

    @GET
    @Path(CODE + "/usages")
    @Operation(summary = "Where other features (lessons, questions) use the case")
    public List<CaseUsageRef> usages(@PathParam("code") String code) {
        library.findPublished(code.toUpperCase()).orElseThrow(() -> notFound(code));
        return library.usesOf(code.toUpperCase());
    }

    // ---- authoring and review -------------------------------------------------------------

    @GET
    @Path("work")
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Versions in the workflow: status DRAFT, IN_REVIEW, APPROVED, PUBLISHED, WITHDRAWN (default: "
            + "IN_REVIEW, the review queue); mine=true for your own")
    public List<CaseView.WorkItem> work(@QueryParam("status") @DefaultValue("IN_REVIEW") CaseStatus status,
            @QueryParam("mine") boolean mine) {
        return library.work(List.of(status), mine ? user.getUsername() : null, 200);
    }

    @GET
    @Path(CODE + "/open")
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "The version being written or reviewed (draft, in review, approved); 404 when none")
    public CaseView open(@PathParam("code") String code) {
        return library.open(code.toUpperCase()).orElseThrow(() -> new NotFoundException("case.open_not_found", code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Create a case as a draft (version 1); 422 with every problem, 409 when the code is taken")
    public Response create(@NotNull CaseInput in) {
        CaseView v = workflow.create(in);
        return Response.created(URI.create("/api/v1/cases/" + v.code() + "/versions/" + v.versionNo())).entity(v).build();
    }

    @PUT
    @Path(CODE + "/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Change the draft (its author only; 409 once submitted)")
    public CaseView update(@PathParam("code") String code, @NotNull CaseInput in) {
        return workflow.updateDraft(code.toUpperCase(), in);
    }

    @POST
    @Path(CODE + "/submit")
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Submit the draft for review (its author only)")
    public CaseView submit(@PathParam("code") String code) {
        return workflow.submit(code.toUpperCase());
    }

    @POST
    @Path(CODE + "/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Approve the version in review (JSON body with an optional comment, {} for none); 403 for its author (four eyes)")
    public CaseView approve(@PathParam("code") String code, Note note) {
        return workflow.approve(code.toUpperCase(), note == null ? null : note.comment());
    }

    @POST
    @Path(CODE + "/send-back")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Return the version in review to its author with a comment; 403 for its author")
    public CaseView sendBack(@PathParam("code") String code, Note note) {
        return workflow.sendBack(code.toUpperCase(), note == null ? null : note.comment());
    }

    @POST
    @Path(CODE + "/publish")
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Publish the approved version: it enters search and supersedes the previous published version")
    public CaseView publish(@PathParam("code") String code) {
        return workflow.publish(code.toUpperCase());
    }

    @POST
    @Path(CODE + "/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Withdraw the published version (a reason is required); it leaves search")
    public CaseView withdraw(@PathParam("code") String code, Note note) {
        return workflow.withdraw(code.toUpperCase(), note == null ? null : note.comment());
    }

    @POST
    @Path(CODE + "/revise")
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Start a new draft version from the published one, which stays published until the revision is")
    public Response revise(@PathParam("code") String code) {
        CaseView v = workflow.revise(code.toUpperCase());
        return Response.created(URI.create("/api/v1/cases/" + v.code() + "/versions/" + v.versionNo())).entity(v).build();
    }

    @POST
    @Path(CODE + "/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Attach a document to the draft (multipart fields 'file' and 'title'); stored in the object store")
    public CaseView attach(@PathParam("code") String code, @RestForm("file") FileUpload file,
            @RestForm("title") String title) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("multipart field 'file' is missing");
        }
        return workflow.addAttachment(code.toUpperCase(), file.uploadedFile(), file.fileName(), file.contentType(), title);
    }

    @DELETE
    @Path(CODE + "/attachments/{mediaId}")
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Detach a document from the draft")
    public CaseView detach(@PathParam("code") String code, @PathParam("mediaId") String mediaId) {
        return workflow.removeAttachment(code.toUpperCase(), mediaId);
    }

    @POST
    @Path("import")
    @RolesAllowed({ Roles.TRAINER, Roles.SYSADMIN })
    @Operation(summary = "Import the configured case folder (academy.cases.folder): every file validated first, 422 with "
            + "each problem's file and line and nothing written; otherwise all published at once. dryRun=true only plans.")
    public CaseImportService.Outcome importFolder(@QueryParam("dryRun") boolean dryRun) {
        return imports.importFolder(java.nio.file.Path.of(config.folder()), user.getUsername(), dryRun);
    }

    private static NotFoundException notFound(String what) {
        return new NotFoundException("case.not_found", what);
    }
}
