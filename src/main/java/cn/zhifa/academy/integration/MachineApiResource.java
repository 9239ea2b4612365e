package cn.zhifa.academy.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.organization.OrgDirectory;
import cn.zhifa.academy.people.EmploymentStatus;
import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.people.PeopleService;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.web.Problem;
import cn.zhifa.academy.platform.web.ProblemException;

/**
 * The API for other systems (issue 17 item 2), e.g. the provincial 大综合一体化 enforcement
 * platform: people, qualifications and their states, training hours, exam results, all within
 * the client's organisation subtree; roster changes for read-write clients. Bearer tokens come
 * from {@code POST /oauth2/token} (client credentials). Every call is audited and rate-limited.
 */
@Path("/api/v1/machine")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machine API", description = "OAuth2 client credentials; scoped to an organisation subtree")
@SecurityScheme(securitySchemeName = "machine", type = SecuritySchemeType.OAUTH2,
        flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "/oauth2/token", scopes = {})))
@SecurityRequirement(name = "machine")
public class MachineApiResource {

    @Inject
    MachineAuth auth;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    PeopleDirectory people;

    @Inject
    PeopleService peopleService;

    @Inject
    OrgDirectory org;

    @Inject
    jakarta.enterprise.event.Event<cn.zhifa.academy.people.PeopleChanged> changed;

    static final String PERSON_EXAMPLE = """
            {"items":[{"id":1001,"name":"Zhang San","employeeNo":"E1001","category":"OFFICER","grade":"SERVING",
            "unitCode":"SFS-LJ","unitName":"Linjiang District Justice Bureau","status":"ACTIVE","statusSince":"2024-03-01"}],
            "page":0,"size":100,"total":1}""";

    @GET
    @Path("people")
    @Transactional
    @Operation(summary = "People in the client's subtree, by id; page is 0-based (size ≤ 500)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "people", value = PERSON_EXAMPLE)))
    public Map<String, Object> people(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        MachineAuth.Caller c = auth.read();
        int n = Math.max(1, Math.min(size, 500));
        OrgScope.Condition scope = c.scope().onPath("u.path", "?1");
        List<Object[]> rows = scope.bind(em.createNativeQuery(PERSON_SQL + " WHERE " + scope.text()
                + " ORDER BY p.id LIMIT " + n + " OFFSET " + (long) Math.max(0, page) * n)).getResultList();
        Number total = (Number) scope.bind(em.createNativeQuery("SELECT count(*) FROM person p JOIN org_unit u ON "
                + "u.id = p.unit_id WHERE " + scope.text())).getSingleResult();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", rows.stream().map(MachineApiResource::person).toList());
        out.put("page", page);
        out.put("size", n);
        out.put("total", total.longValue());
        return out;
    }

    static final String PERSON_SQL = "SELECT p.id, p.name, p.employee_no, p.category, p.grade, u.code, u.name, p.status, "
            + "p.status_since FROM person p JOIN org_unit u ON u.id = p.unit_id";

    private static Map<String, Object> person(Object[] r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ((Number) r[0]).longValue());
        m.put("name", r[1]);
        m.put("employeeNo", r[2]);
        m.put("category", r[3]);
        m.put("grade", r[4]);
        m.put("unitCode", r[5]);
        m.put("unitName", r[6]);
        m.put("status", r[7]);
        m.put("statusSince", String.valueOf(r[8]));
        return m;
    }

    @GET
    @Path("people/{id:\\d+}")
    @Transactional
    @Operation(summary = "One person (404 outside the client's subtree)")
    public Map<String, Object> person(@PathParam("id") long id) {
        return person(personRow(auth.read(), id));
    }

    private Object[] personRow(MachineAuth.Caller c, long id) {
        OrgScope.Condition scope = c.scope().onPath("u.path", "?1");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery(PERSON_SQL + " WHERE " + scope.text() + " AND p.id = ?2"))
                .setParameter(2, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("integration.person_not_found", id);
        }
        return rows.get(0);
    }

    @GET
    @Path("people/{id:\\d+}/qualifications")
    @Transactional
    @Operation(summary = "A person's qualifications with their states (VALID, SUSPENDED, CANCELLED, EXPIRED)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "qualifications", value = """
                    [{"number":"ZF-2025-000123","type":"XZZF","typeName":"Administrative enforcement qualification","domain":"WHSC","state":"SUSPENDED",
                    "stateSince":"2026-05-02","issuedOn":"2025-01-10","expiresOn":"2030-01-09"}]""")))
    public List<Map<String, Object>> qualifications(@PathParam("id") long id) {
        personRow(auth.read(), id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT q.number, t.code, t.name, q.domain_code, q.state, q.state_since, "
                + "q.issued_on, q.expires_on FROM qualification q JOIN qualification_type t ON t.id = q.type_id "
                + "WHERE q.person_id = ?1 ORDER BY q.issued_on DESC, q.id").setParameter(1, id).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", r[0]);
            m.put("type", r[1]);
            m.put("typeName", r[2]);
            m.put("domain", r[3]);
            m.put("state", r[4]);
            m.put("stateSince", String.valueOf(r[5]));
            m.put("issuedOn", String.valueOf(r[6]));
            m.put("expiresOn", String.valueOf(r[7]));
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("people/{id:\\d+}/training-hours")
    @Transactional
    @Operation(summary = "A person's training hours per entry, newest first")
    public List<Map<String, Object>> hours(@PathParam("id") long id) {
        personRow(auth.read(), id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT year, hours, source, description, recorded_at FROM hours_ledger "
                + "WHERE person_id = ?1 ORDER BY recorded_at DESC, id DESC").setParameter(1, id).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", r[0]);
            m.put("hours", r[1]);
            m.put("source", r[2]);
            m.put("description", r[3]);
            m.put("recordedAt", String.valueOf(r[4] instanceof java.sql.Timestamp t ? t.toInstant() : r[4]));
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("people/{id:\\d+}/exam-results")
    @Transactional
    @Operation(summary = "A person's kept exam results")
    public List<Map<String, Object>> exams(@PathParam("id") long id) {
        personRow(auth.read(), id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT exam_code, exam_title, purpose, score, band, passed, finished_at "
                + "FROM exam_record WHERE person_id = ?1 ORDER BY finished_at DESC").setParameter(1, id).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("examCode", r[0]);
            m.put("examTitle", r[1]);
            m.put("purpose", r[2]);
            m.put("score", r[3]);
            m.put("band", r[4]);
            m.put("passed", r[5]);
            m.put("finishedAt", String.valueOf(r[6] instanceof java.sql.Timestamp t ? t.toInstant() : r[6]));
            out.add(m);
        }
        return out;
    }

    /** One roster change pushed by another system. */
    public record RosterChange(String employeeNo, String status, String since, String unitCode, String reason) {
    }

    @POST
    @Path("roster/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Push roster changes (employment status, transfer to another unit of the subtree): "
            + "all or nothing, 422 with every bad item; read-write clients only")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "changes", value = """
            [{"employeeNo":"E1001","status":"ON_LEAVE","since":"2026-06-01","reason":"seconded"},
             {"employeeNo":"E1002","status":"ACTIVE","since":"2026-06-01","unitCode":"SFS-LJ-WJ","reason":"transferred in"}]""")))
    public Map<String, Object> roster(List<RosterChange> changes) {
        MachineAuth.Caller c = auth.write();
        if (changes == null || changes.isEmpty() || changes.size() > 1000) {
            throw InvalidException.field("changes", "integration.changes_count", 1, 1000);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Runnable> apply = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RosterChange ch = changes.get(i);
            String at = "[" + i + "]";
            PeopleDirectory.PersonSummary p = ch.employeeNo() == null ? null
                    : people.byEmployeeNo(ch.employeeNo().trim()).orElse(null);
            if (p == null || !inScope(c, p.unitId())) {
                errors.add(new Problem.FieldError(at + ".employeeNo", "no such person within this client's scope"));
                continue;
            }
            EmploymentStatus status;
            LocalDate since;
            try {
                status = EmploymentStatus.valueOf(String.valueOf(ch.status()));
                since = LocalDate.parse(String.valueOf(ch.since()));
            } catch (RuntimeException e) {
                errors.add(new Problem.FieldError(at, "status (ACTIVE, ON_LEAVE, TRANSFERRED) and since (yyyy-MM-dd) are required"));
                continue;
            }
            Long unitId = null;
            if (ch.unitCode() != null && !ch.unitCode().isBlank()) {
                OrgDirectory.Unit u = org.unitByCode(ch.unitCode().trim()).orElse(null);
                if (u == null || !c.scope().containsPath(u.path())) {
                    errors.add(new Problem.FieldError(at + ".unitCode", "no such unit within this client's scope"));
                    continue;
                }
                unitId = u.id();
            }
            Long target = unitId;
            apply.add(() -> peopleService.changeStatusFromMachine(c.actor(), p.id(), status, since, target,
                    ch.reason()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Roster changes have errors", errors.size() + " bad changes; nothing applied",
                    errors);
        }
        apply.forEach(Runnable::run);
        changed.fire(new cn.zhifa.academy.people.PeopleChanged("person.status_changed"));
        return Map.of("applied", apply.size());
    }

    private boolean inScope(MachineAuth.Caller c, long unitId) {
        return org.unit(unitId).map(u -> c.scope().containsPath(u.path())).orElse(false);
    }
}
