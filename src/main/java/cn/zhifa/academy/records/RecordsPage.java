package cn.zhifa.academy.records;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.PeopleDirectory.PersonSummary;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleScope;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.pdf.CjkPdf;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.time.Now;
import cn.zhifa.academy.platform.web.LocaleContext;
import cn.zhifa.academy.platform.web.RecordTable;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The personal record (学习档案): every {@link PersonRecordSection} bean's table in order, as a
 * page and as a PDF. Administrators see the people of their subtree, a learner only
 * themselves (我的档案); anyone else gets 404.
 */
@Path("/records")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class RecordsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance person(PersonHeader person, List<RecordTable> sections, boolean self);

        static native TemplateInstance noPerson();
    }

    /** The page head: who the record belongs to. */
    public record PersonHeader(long id, String name, String employeeNo, String category, String unit) {
    }

    @Inject
    Instance<PersonRecordSection> sections;

    @Inject
    PeopleScope scope;

    @Inject
    PeopleDirectory people;

    @Inject
    OrgDirectory org;

    @Inject
    CurrentUser user;

    @Inject
    LocaleContext locale;

    @GET
    @Path("me")
    public Response mine() {
        Long self = user.getPersonId();
        if (self == null) {
            return Response.ok(Templates.noPerson()).build();
        }
        return Response.seeOther(URI.create("/records/people/" + self)).build();
    }

    @GET
    @Path("people/{id:\\d+}")
    @Transactional
    public TemplateInstance person(@PathParam("id") long id) {
        PersonSummary p = visible(id);
        return Templates.person(header(p), tables(p.id(), locale.getLocale()),
                Long.valueOf(p.id()).equals(user.getPersonId()));
    }

    @GET
    @Path("people/{id:\\d+}/record.pdf")
    @Produces("application/pdf")
    @Transactional
    public Response pdf(@PathParam("id") long id) throws IOException {
        PersonSummary p = visible(id);
        Locale loc = locale.getLocale();
        RecordMessages m = RecordText.of(loc);
        PersonHeader h = header(p);
        try (CjkPdf pdf = new CjkPdf(m.rec_title_of(p.name()), CjkPdf.calendar(Now.today()))) {
            pdf.paragraph(m.rec_title_of(h.name()), 18);
            pdf.paragraph(m.rec_person_facts(h.category(), h.unit(), h.employeeNo()), 10);
            pdf.paragraph(m.rec_generated(Now.today().toString()), 8);
            for (RecordTable t : tables(p.id(), loc)) {
                pdf.gap(10);
                pdf.paragraph(t.title(), 13);
                if (t.summary() != null) {
                    pdf.paragraph(t.summary(), 9);
                }
                if (t.isEmpty()) {
                    pdf.paragraph(t.emptyText(), 9);
                } else {
                    pdf.table(t.headers(), t.rows(), 8.5f);
                }
            }
            return Response.ok(pdf.bytes(), "application/pdf")
                    .header("Content-Disposition", "inline; filename=\"record-" + p.employeeNo() + ".pdf\"")
                    .header("Cache-Control", "no-store").build();
        }
    }

    List<RecordTable> tables(long personId, Locale loc) {
        List<PersonRecordSection> ordered = new ArrayList<>();
        sections.forEach(ordered::add);
        ordered.sort(Comparator.comparingInt(PersonRecordSection::order));
        List<RecordTable> out = new ArrayList<>();
        for (PersonRecordSection s : ordered) {
            s.forPerson(personId, loc).ifPresent(out::add);
        }
        return out;
    }

    private PersonSummary visible(long id) {
        return people.find(id).filter(scope::canSee).orElseThrow(() -> new NotFoundException("person.not_found", id));
    }

    private PersonHeader header(PersonSummary p) {
        return new PersonHeader(p.id(), p.name(), p.employeeNo(), p.category().label,
                org.unit(p.unitId()).map(OrgDirectory.Unit::name).orElse(""));
    }
}
