package cn.zhifa.academy.review;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.text.FormatWords;
import cn.zhifa.academy.platform.web.FormErrors;
import cn.zhifa.academy.platform.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The review's pages: the hub (my review tasks, campaigns, recommendations), a campaign, the
 * scoring page a reviewer uses on a phone, recommendations, standards and the insights. Plain
 * forms with CSRF; each item of the scoring page is saved on its own.
 */
@Path("/review")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ScoringService.QueueLine> queue, List<ReviewViews.CampaignLine> campaigns,
                long recommendations, boolean admin);

        static native TemplateInstance newCampaign(List<ReviewStandard> standards, List<OrgDirectory.Unit> units, String error,
                Map<String, String> form);

        static native TemplateInstance campaign(ReviewViews.CampaignView c, String error, String notice, FileForm file);

        static native TemplateInstance file(ScoringService.FileView f, String error, Long savedItem);

        static native TemplateInstance recommendations(List<RecommendationService.View> items);

        static native TemplateInstance recommendation(RecommendationService.View r, String error);

        static native TemplateInstance standards(List<ReviewStandard> standards);

        static native TemplateInstance standard(ReviewStandard s, List<ScoringService.ItemView> items, StandardForm form,
                boolean editable, long usedBy, List<cn.zhifa.academy.knowledge.KnowledgePoint> knowledge,
                List<ReviewCategory> categories, boolean saved);

        static native TemplateInstance insights(ReviewInsights.Insights insights);
    }

    @Inject
    CurrentUser user;

    @Inject
    OrgDirectory orgDirectory;

    @Inject
    OrgScope scope;

    @Inject
    CampaignService campaigns;

    @Inject
    ScoringService scoring;

    @Inject
    ReviewViews views;

    @Inject
    RecommendationService recommendations;

    @Inject
    StandardService standards;

    @Inject
    ReviewInsights insights;

    @Inject
    ReviewKnowledge knowledge;

    @Inject
    cn.zhifa.academy.matters.MatterDirectory matterDirectory;

    boolean admin() {
        return user.isAdmin() || user.isSysadmin();
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(scoring.myQueue(), campaigns.visible().stream().map(views::line).toList(),
                admin() ? recommendations.visible().size() : 0, admin());
    }

    // ---- campaigns ---------------------------------------------------------------------

    List<OrgDirectory.Unit> units() {
        OrgScope.UnitFilter f = scope.unitFilter();
        return orgDirectory.unitsOrdered().stream().filter(u -> f.containsPath(u.path())).toList();
    }

    @GET
    @Path("campaigns/new")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance newCampaign() {
        return Templates.newCampaign(standards.active(), units(), null, Map.of());
    }

    @POST
    @Path("campaigns")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCampaign(MultivaluedMap<String, String> form) {
        Map<String, String> flat = new HashMap<>();
        form.forEach((k, v) -> flat.put(k, String.join(",", v)));
        return FormErrors.orRender(() -> {
            List<Long> unitIds = form.getOrDefault("unitIds", List.of()).stream().map(ReviewPage::longOrNull).toList();
            CampaignService.CampaignInput in = new CampaignService.CampaignInput(form.getFirst("name"), form.getFirst("kind"),
                    intOrNull(form.getFirst("year")), longOrNull(form.getFirst("owningUnitId")), date(form.getFirst("periodStart")),
                    date(form.getFirst("periodEnd")), longOrNull(form.getFirst("standardId")),
                    intOrNull(form.getFirst("sampleSize")), unitIds, words(form.getFirst("reviewers")));
            ReviewCampaign c = campaigns.create(in);
            return Response.seeOther(URI.create("/review/campaigns/" + c.id)).build();
        }, refused -> Templates.newCampaign(standards.active(), units(), refused.message(), flat));
    }

    @GET
    @Path("campaigns/{id:\\d+}")
    public TemplateInstance campaign(@PathParam("id") long id) {
        return Templates.campaign(views.campaign(id), null, null, fileForm(Map.of(), List.of()));
    }

    /** Runs an action of a campaign's page; a refusal shows the campaign again with the reason, under its status. */
    private Response onCampaign(long id, java.util.function.Supplier<Response> action) {
        return FormErrors.orRender(action, refused -> Templates.campaign(views.campaign(id), refused.message(), null,
                fileForm(Map.of(), List.of())));
    }

    /** A catalogue matter as the case-file form offers it; {@code towns}: ids of the towns holding it, space-separated. */
    public record MatterOption(String code, String name, String domain, String towns) {
    }

    /**
     * The case-file form: the catalogue's matters, what was typed and the errors of a refused
     * entry by field ({@code open} keeps the form unfolded after an error).
     */
    public record FileForm(List<MatterOption> matters, Map<String, String> values, Map<String, String> errors,
            List<String> all) {

        public String value(String key) {
            return values.getOrDefault(key, "");
        }

        public String error(String key) {
            return errors.get(key);
        }

        public boolean open() {
            return !all.isEmpty();
        }
    }

    FileForm fileForm(Map<String, String> values, List<Problem.FieldError> errors) {
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.merge(e.field() == null ? "" : e.field(), e.message(), (a, b) -> a + " " + b));
        return new FileForm(matterDirectory.all().stream().map(e -> new MatterOption(e.code(), e.name(), e.domainName(),
                String.join(" ", e.townIds().stream().sorted().map(String::valueOf).toList()))).toList(), values, byField,
                errors.stream().map(Problem.FieldError::message).toList());
    }

    @POST
    @Path("campaigns/{id:\\d+}/files")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response addFile(@PathParam("id") long id, @RestForm Long unitId, @RestForm String caseNo, @RestForm String matter,
            @RestForm String matterCode, @RestForm String decisionType, @RestForm String decisionDate,
            @RestForm String officers) {
        return FormErrors.orRender(() -> {
            campaigns.addCaseFile(id, new CampaignService.CaseFileInput(unitId, caseNo, matter, decisionType, date(decisionDate),
                    words(officers), matterCode));
            return Response.seeOther(URI.create("/review/campaigns/" + id + "#files")).build();
        }, refused -> {
            if (refused.errors().isEmpty()) {
                return Templates.campaign(views.campaign(id), refused.message(), null, fileForm(Map.of(), List.of()));
            }
            // the form again, unfolded, with what was typed and the errors under their fields
            Map<String, String> values = new HashMap<>();
            values.put("unitId", unitId == null ? "" : String.valueOf(unitId));
            values.put("caseNo", caseNo == null ? "" : caseNo);
            values.put("matter", matter == null ? "" : matter);
            values.put("matterCode", matterCode == null ? "" : matterCode);
            values.put("decisionType", decisionType == null ? "" : decisionType);
            values.put("decisionDate", decisionDate == null ? "" : decisionDate);
            values.put("officers", officers == null ? "" : officers);
            return Templates.campaign(views.campaign(id), null, null, fileForm(values, refused.errors()));
        });
    }

    @POST
    @Path("campaigns/{id:\\d+}/sample")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response sample(@PathParam("id") long id, @RestForm String seed) {
        return onCampaign(id, () -> {
            campaigns.sample(id, longOrNull(seed));
            return Response.seeOther(URI.create("/review/campaigns/" + id + "#files")).build();
        });
    }

    @GET
    @Path("campaigns/{id:\\d+}/verify")
    public TemplateInstance verify(@PathParam("id") long id) {
        ReviewMessages m = ReviewText.now();
        boolean ok = campaigns.verifySample(id);
        return Templates.campaign(views.campaign(id), ok ? null : m.sample_not_verified(), ok ? m.sample_verified() : null,
                fileForm(Map.of(), List.of()));
    }

    @POST
    @Path("campaigns/{id:\\d+}/finish")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response finish(@PathParam("id") long id) {
        return onCampaign(id, () -> {
            campaigns.finish(id);
            return Response.seeOther(URI.create("/review/campaigns/" + id)).build();
        });
    }

    @POST
    @Path("findings/{id:\\d+}/contest")
    @RolesAllowed({ Roles.ADMIN })
    public Response contest(@PathParam("id") long id, @RestForm String reason, @RestForm long campaign) {
        return onCampaign(campaign, () -> {
            scoring.contest(id, reason);
            return Response.seeOther(URI.create("/review/campaigns/" + campaign + "#finding-" + id)).build();
        });
    }

    @POST
    @Path("findings/{id:\\d+}/decision")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String note,
            @RestForm long campaign) {
        return onCampaign(campaign, () -> {
            scoring.decide(id, "uphold".equals(decision), note);
            return Response.seeOther(URI.create("/review/campaigns/" + campaign + "#finding-" + id)).build();
        });
    }

    @POST
    @Path("campaigns/{id:\\d+}/recommendations")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response issue(@PathParam("id") long id, @RestForm Long unitId, @RestForm String body, @RestForm String deadline,
            @RestForm("findingIds") List<Long> findingIds) {
        return onCampaign(id, () -> {
            Recommendation r = recommendations.issue(id, new RecommendationService.IssueInput(unitId, body, date(deadline),
                    findingIds));
            return Response.seeOther(URI.create("/review/recommendations/" + r.id)).build();
        });
    }

    // ---- scoring -----------------------------------------------------------------------

    @GET
    @Path("files/{id:\\d+}")
    public TemplateInstance file(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("saved") Long saved) {
        return Templates.file(scoring.view(id), null, saved);
    }

    /** One item's form: checkbox d_{deduction} per applied deduction, its text in t_{deduction}. */
    @POST
    @Path("files/{id:\\d+}/items/{item:\\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveItem(@PathParam("id") long id, @PathParam("item") long item, MultivaluedMap<String, String> form) {
        Map<Long, String> applied = new HashMap<>();
        for (String k : form.keySet()) {
            if (k.matches("d_\\d+")) {
                long d = Long.parseLong(k.substring(2));
                applied.put(d, form.getFirst("t_" + d) == null ? "" : form.getFirst("t_" + d));
            }
        }
        return onFile(id, () -> {
            scoring.saveItem(id, item, applied);
            return Response.seeOther(URI.create("/review/files/" + id + "?saved=" + item + "#item-" + item)).build();
        });
    }

    /** Runs an action of a case file's page; a refusal shows the file again with the reason, under its status. */
    private Response onFile(long id, java.util.function.Supplier<Response> action) {
        return FormErrors.orRender(action, refused -> Templates.file(scoring.view(id), refused.message(), null));
    }

    @POST
    @Path("files/{id:\\d+}/submit")
    public Response submit(@PathParam("id") long id) {
        return onFile(id, () -> {
            scoring.submit(id);
            return Response.seeOther(URI.create("/review/files/" + id)).build();
        });
    }

    @POST
    @Path("files/{id:\\d+}/scans")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response scan(@PathParam("id") long id, @RestForm("file") FileUpload file) throws IOException {
        views.requireManagedFile(id);
        return onFile(id, () -> {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw InvalidException.field("file", "review.file_missing");
            }
            try {
                views.storeScan(id, file.uploadedFile(), file.fileName(), file.contentType());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Response.seeOther(URI.create("/review/files/" + id)).build();
        });
    }

    // ---- recommendations ---------------------------------------------------------------

    @GET
    @Path("recommendations")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance recommendations() {
        return Templates.recommendations(recommendations.visible().stream().map(recommendations::view).toList());
    }

    @GET
    @Path("recommendations/{id:\\d+}")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance recommendation(@PathParam("id") long id) {
        return Templates.recommendation(recommendations.view(recommendations.require(id)), null);
    }

    @POST
    @Path("recommendations/{id:\\d+}/answer")
    @RolesAllowed({ Roles.ADMIN })
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response answer(@PathParam("id") long id, @RestForm String response,
            @RestForm("evidence") List<FileUpload> evidence) throws IOException {
        return onRecommendation(id, () -> {
            try {
                views.answer(id, response, evidence);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Response.seeOther(URI.create("/review/recommendations/" + id)).build();
        });
    }

    /** Runs an action of a recommendation's page; a refusal shows it again with the reason, under its status. */
    private Response onRecommendation(long id, java.util.function.Supplier<Response> action) {
        return FormErrors.orRender(action, refused -> Templates.recommendation(
                recommendations.view(recommendations.require(id)), refused.message()));
    }

    @POST
    @Path("recommendations/{id:\\d+}/decision")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public Response decideRecommendation(@PathParam("id") long id, @RestForm String decision, @RestForm String note) {
        return onRecommendation(id, () -> {
            recommendations.decide(id, "accept".equals(decision), note);
            return Response.seeOther(URI.create("/review/recommendations/" + id)).build();
        });
    }

    // ---- standards and insights --------------------------------------------------------

    @GET
    @Path("standards")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance standards() {
        return Templates.standards(standards.all());
    }

    List<ScoringService.ItemView> items(ReviewStandard s) {
        return s.items().stream().map(i -> new ScoringService.ItemView(i.id, i.code, i.category, i.name, i.weight,
                i.knowledgePoint, knowledge.name(i.knowledgePoint).orElse(i.knowledgePoint), false, i.weight,
                i.deductions().stream().map(d -> new ScoringService.DeductionView(d.id, d.code, d.text, d.points, null, null,
                        null)).toList())).toList();
    }

    @GET
    @Path("standards/{id:\\d+}")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance standard(@PathParam("id") long id, @org.jboss.resteasy.reactive.RestQuery String saved) {
        ReviewStandard s = standards.require(id);
        return standardPage(s, StandardForm.of(standards.doc(s)), saved != null);
    }

    private TemplateInstance standardPage(ReviewStandard s, StandardForm form, boolean saved) {
        return Templates.standard(s, items(s), form, standards.mayEdit() && s.status == ReviewStandard.Status.ACTIVE,
                ReviewCampaign.count("standardId", s.id), knowledge.all(), List.of(ReviewCategory.values()), saved);
    }

    /**
     * The standard's form: items, weights, deductions and knowledge points as fields, validated
     * by the same rules as the shipped file; a valid form becomes the next version. Errors come
     * back under the fields they concern, with what was typed.
     */
    @POST
    @Path("standards/{id:\\d+}")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editStandard(@PathParam("id") long id, MultivaluedMap<String, String> in) {
        ReviewStandard old = standards.require(id);
        StandardForm form = StandardForm.read(old.code, in);
        return FormErrors.orRender(() -> {
            ReviewStandard s = standards.edit(id, form.toDoc());
            return Response.seeOther(URI.create("/review/standards/" + s.id + "?saved=1")).build();
        }, refused -> {
            // the errors under the fields they concern; a refusal of the whole standard under its items
            form.attach(refused.errors().isEmpty() ? List.of(new Problem.FieldError("items", refused.message()))
                    : refused.errors());
            return standardPage(old, form.withBlanks(), false);
        });
    }

    @GET
    @Path("insights")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
    public TemplateInstance insights() {
        return Templates.insights(insights.insights());
    }

    // ---- form values -------------------------------------------------------------------

    static Long longOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw InvalidException.field("number", "review.number_invalid", s);
        }
    }

    static Integer intOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw InvalidException.field("number", "review.number_invalid", s);
        }
    }

    static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static List<String> words(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(s.split(FormatWords.of("review").get("list.separators"))).filter(w -> !w.isBlank())
                .toList());
    }
}
