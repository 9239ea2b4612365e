package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Pages of the auxiliary-staff assessment (辅助人员责任制考核). */
@Path("/evaluations")
@RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN })
@Produces(MediaType.TEXT_HTML)
public class EvaluationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<EvaluationService.EvaluationView> evaluations,
                List<SchemeService.SchemeView> schemes, long flagCount, String error);

        static native TemplateInstance detail(EvaluationService.EvaluationView e, String error);

        static native TemplateInstance confirm(EvaluationService.EvaluationView e, String error);

        static native TemplateInstance flags(List<EvaluationService.FlagView> flags);

        static native TemplateInstance scheme(SchemeService.SchemeView s);
    }

    @Inject
    EvaluationService evaluations;

    @Inject
    OrgDirectory org;

    @Inject
    PeopleDirectory people;

    @Inject
    SchemeService schemes;

    @Inject
    cn.zhifa.academy.people.PeopleScope peopleScope;

    @GET
    public TemplateInstance index() {
        return index(null);
    }

    private TemplateInstance index(String error) {
        return Templates.index(
                evaluations.list(SubjectKind.AUXILIARY, null, null, 100).stream().map(evaluations::view).toList(),
                schemes.visible(SubjectKind.AUXILIARY).stream().filter(s -> s.status == EvalScheme.Status.ACTIVE)
                        .map(schemes::view).toList(),
                evaluations.openFlags().size(), error);
    }

    @POST
    @Path("open")
    public Response open(@RestForm Long schemeId, @RestForm String employeeNo, @RestForm String cycle) {
        return FormErrors.orRender(() -> {
            Long personId = employeeNo == null ? null : personFor(employeeNo.trim());
            Evaluation e = evaluations.open(new EvaluationService.OpenInput(schemeId, personId, null, cycle));
            return Response.seeOther(URI.create("/evaluations/" + e.id)).build();
        }, refused -> index(refused.message()));
    }

    /**
     * 工号或姓名 (issue 13 item 12): an employee number, else a name that exactly one person in the
     * administrator's scope has; several people of that name are listed so the right 工号 can be
     * chosen. A person outside the scope is never found.
     */
    Long personFor(String typed) {
        String t = cn.zhifa.academy.people.roster.HalfWidth.convert(typed);
        java.util.Optional<PeopleDirectory.PersonSummary> byNo = people.byEmployeeNo(t).filter(peopleScope::canSee);
        if (byNo.isPresent()) {
            return byNo.get().id();
        }
        List<PeopleDirectory.PersonSummary> named = people.byName(t).stream().filter(peopleScope::canSee).limit(20)
                .toList();
        cn.zhifa.academy.platform.web.UxMessages m = io.quarkus.qute.i18n.MessageBundles
                .get(cn.zhifa.academy.platform.web.UxMessages.class);
        if (named.size() == 1) {
            return named.get(0).id();
        }
        if (named.isEmpty()) {
            throw InvalidException.field("employeeNo", "evaluation.person_not_found", t);
        }
        String list = String.join(m.list_sep(), named.stream().map(p -> p.employeeNo() + " " + p.name() + " · "
                + org.unit(p.unitId()).map(OrgDirectory.Unit::name).orElse("")).toList());
        throw InvalidException.field("employeeNo", "evaluation.person_ambiguous", named.size(), t, list);
    }

    /** Provider managers may read their own provider's credit evaluations. */
    @GET
    @Path("{id:\\d+}")
    @RolesAllowed({ Roles.ADMIN, Roles.SYSADMIN, Roles.PROVIDER_MANAGER })
    public TemplateInstance detail(@PathParam("id") long id) {
        return Templates.detail(evaluations.view(evaluations.require(id)), null);
    }

    @POST
    @Path("{id:\\d+}/scores")
    public Response enter(@PathParam("id") long id, @RestForm String item, @RestForm String score, @RestForm String note) {
        return FormErrors.orRender(() -> {
            evaluations.enter(id, item, number(score), note);
            return Response.seeOther(URI.create("/evaluations/" + id + "#item-" + item)).build();
        }, refused -> Templates.detail(evaluations.view(evaluations.require(id)), refused.message()));
    }

    private static BigDecimal number(String score) {
        if (score == null || score.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(score.trim());
        } catch (NumberFormatException nf) {
            throw InvalidException.field("score", "evaluation.score_not_number", score);
        }
    }

    /** 确认并锁定 cannot be undone: first a preview of the total, band and any consequence, then the question. */
    @GET
    @Path("{id:\\d+}/confirm")
    public TemplateInstance confirmPreview(@PathParam("id") long id) {
        return Templates.confirm(evaluations.view(evaluations.require(id)), null);
    }

    @POST
    @Path("{id:\\d+}/confirm")
    public Response confirm(@PathParam("id") long id) {
        return FormErrors.orRender(() -> {
            evaluations.confirm(id);
            return Response.seeOther(URI.create("/evaluations/" + id)).build();
        }, refused -> Templates.confirm(evaluations.view(evaluations.require(id)), refused.message()));
    }

    @GET
    @Path("flags")
    public TemplateInstance flags() {
        return Templates.flags(evaluations.openFlags());
    }

    @GET
    @Path("schemes/{id:\\d+}")
    public TemplateInstance scheme(@PathParam("id") long id) {
        return Templates.scheme(schemes.view(schemes.require(id)));
    }
}
