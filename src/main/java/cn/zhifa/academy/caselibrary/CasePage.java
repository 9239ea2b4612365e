package cn.zhifa.academy.caselibrary;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.platform.error.NotFoundException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Reading pages of the case library (案例库): search with facets, the case, its print view. */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(CaseSearchService.Result result, CaseQuery query, boolean canAuthor);

        /**
         * @param current whether this is the published version (else an older, withdrawn or draft one)
         */
        static native TemplateInstance read(CaseView c, boolean current, List<CaseView.RelatedCase> related,
                boolean usageReported, List<CaseUsageRef> usages, List<CaseView.VersionSummary> versions,
                boolean canAuthor);

        static native TemplateInstance print(CaseView c);
    }

    @Inject
    CaseLibraryService library;

    @Inject
    CaseSearchService search;

    @GET
    public TemplateInstance search(@BeanParam CaseQuery query) {
        return Templates.search(search.search(query), query, library.canAuthor());
    }

    @GET
    @Path(CaseResource.CODE)
    public Response read(@PathParam("code") String code) {
        String c = code.toUpperCase();
        var published = library.findPublished(c);
        if (published.isEmpty()) {
            if (library.canAuthor() && library.latestVisible(c).isPresent()) {
                return Response.seeOther(URI.create("/cases/manage/" + c)).build();
            }
            throw new NotFoundException("case.not_found", c);
        }
        return Response.ok(page(published.get(), true)).build();
    }

    @GET
    @Path(CaseResource.CODE + "/v/{n: \\d+}")
    public TemplateInstance version(@PathParam("code") String code, @PathParam("n") int n) {
        CaseView v = library.version(code.toUpperCase(), n)
                .orElseThrow(() -> new NotFoundException("case.not_found", code + " v" + n));
        return page(v, v.status() == CaseStatus.PUBLISHED);
    }

    @GET
    @Path(CaseResource.CODE + "/print")
    public TemplateInstance print(@PathParam("code") String code) {
        return Templates.print(library.findPublished(code.toUpperCase())
                .orElseThrow(() -> new NotFoundException("case.not_found", code)));
    }

    @GET
    @Path(CaseResource.CODE + "/v/{n: \\d+}/print")
    public TemplateInstance printVersion(@PathParam("code") String code, @PathParam("n") int n) {
        return Templates.print(library.version(code.toUpperCase(), n)
                .orElseThrow(() -> new NotFoundException("case.not_found", code + " v" + n)));
    }

    private TemplateInstance page(CaseView v, boolean current) {
        return Templates.read(v, current, current ? library.related(v.code()) : List.of(), library.usageReported(),
                library.usesOf(v.code()), library.versions(v.code()), library.canAuthor());
    }
}
