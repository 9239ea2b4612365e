package cn.zhifa.academy.platform;

import static cn.zhifa.academy.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhifa.academy.exam.ExamAudience;
import cn.zhifa.academy.people.Person;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.provider.Provider;
import cn.zhifa.academy.support.Api;
import cn.zhifa.academy.support.ScopeData;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Walks every GET route with path parameters (from the OpenAPI document, plus the page routes)
 * and every GET list as a district administrator of 临江区 (scoped like {@code admin.linjiang}),
 * with ids of 青山区 and 云溪县 records: each answers 404 (or 403 for a role that may not use it at
 * all), and no answer anywhere — lists, own exams' audiences, results, monitors, exports —
 * carries a name, employee number or title from the other districts (issue 12, item 2).
 */
@QuarkusTest
class ScopeWalkTest {

    /** Page routes (HTML) walked in addition to whatever the OpenAPI document lists. */
    static final List<String> PAGE_ROUTES = List.of("/exam-admin/exams/{id}", "/exam-admin/exams/{id}/monitor",
            "/exam-admin/exams/{id}/results", "/exam-admin/blueprints/{id}", "/exam-admin/grading/{attempt}/{position}",
            "/exams/{id}", "/attempts/{id}", "/attempts/{id}/result", "/people/{id}", "/records/people/{id}",
            "/records/people/{id}/record.pdf", "/providers/{id}", "/evaluations/providers/{id}", "/evaluations/{id}",
            "/qualifications/{id}", "/qualifications/{id}/certificate.pdf", "/plans/{id}", "/exam-admin", "/people",
            "/providers", "/qualifications", "/evaluations", "/dashboard", "/org", "/plans", "/records");

    /** Public by design (certificate verification shows the holder), or not a read of records. */
    static final List<String> SKIPPED = List.of("/verify/", "/lang/", "/q/", "/login", "/logout");

    static final Pattern PARAM = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Inject
    TestAccounts accounts;

    Api as(String prefix, String role, String unit) {
        return Api.as(accounts.create(prefix, role, unit).username, PASSWORD);
    }

    Api candidate(Person p) {
        return Api.as(accounts.create("walk-cand", Roles.LEARNER, null, null, p.id).username, PASSWORD);
    }

    /** First id of an entity whose unit lies under the unit with the given code, or null. */
    static Long firstUnder(String entity, String unitExpr, String unitCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String path = cn.zhifa.academy.organization.OrgUnit.findByCode(unitCode).orElseThrow().path;
            List<Long> ids = Panache.getEntityManager().createQuery("SELECT x.id FROM " + entity + " x WHERE "
                    + OrgScope.unitWithin(unitExpr, ":p") + " ORDER BY x.id", Long.class)
                    .setParameter("p", OrgScope.subtreePattern(path)).setMaxResults(1).getResultList();
            return ids.isEmpty() ? null : ids.get(0);
        });
    }

    static Long qualificationUnder(String unitCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String path = cn.zhifa.academy.organization.OrgUnit.findByCode(unitCode).orElseThrow().path;
            List<Long> ids = Panache.getEntityManager().createQuery("SELECT q.id FROM Qualification q, Person p WHERE "
                    + "p.id = q.personId AND " + OrgScope.unitWithin("p.unitId", ":p") + " ORDER BY q.id", Long.class)
                    .setParameter("p", OrgScope.subtreePattern(path)).setMaxResults(1).getResultList();
            return ids.isEmpty() ? null : ids.get(0);
        });
    }

    @Test
    void aDistrictAdminFindsNothingOfOtherDistrictsOnAnyRoute() throws IOException {
        Api lj = as("walk-lj", Roles.ADMIN, "SFS-LJ");
        Api qsAdmin = as("walk-qs", Roles.ADMIN, "SFS-QS");
        Api sys = as("walk-sys", Roles.SYSADMIN, null);
        Person mine = ScopeData.person("SFS-LJ-JB", "本区");
        Person foreign = ScopeData.person("SFS-QS-QS", "外区甲");
        Person stray = ScopeData.person("SFS-QS-SM", "外区乙");

        // 青山区's own exam, taken by its own officer
        long foreignExam = ScopeData.publishedExam(qsAdmin, List.of(foreign.employeeNo));
        long foreignAttempt = ScopeData.start(candidate(foreign), foreignExam);
        Map<String, Object> foreignView = qsAdmin.get().when().get("/api/v1/exams/" + foreignExam).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        long foreignBlueprint = ((Number) foreignView.get("blueprintId")).longValue();
        String foreignBlueprintName = (String) foreignView.get("blueprintName");

        // 临江区's exam, with a stray 青山区 candidate on its list (a renewal request or older data leaves such rows)
        long ownExam = ScopeData.publishedExam(lj, List.of(mine.employeeNo));
        QuarkusTransaction.requiringNew().run(() -> new ExamAudience(ownExam, ExamAudience.Kind.PERSON,
                String.valueOf(stray.id), null).persist());
        long ownAttempt = ScopeData.start(candidate(mine), ownExam);
        ScopeData.start(candidate(stray), ownExam);
        long ownBlueprint = lj.get().when().get("/api/v1/exams/" + ownExam).then().statusCode(200).extract().jsonPath()
                .getLong("blueprintId");

        String yunxiProvider = "云溪县绿源环境检测有限公司";
        long foreignProvider = QuarkusTransaction.requiringNew()
                .call(() -> Provider.<Provider> find("name", yunxiProvider).firstResult().id);
        long ownProvider = QuarkusTransaction.requiringNew()
                .call(() -> Provider.<Provider> find("name", "临江区城联市容管理服务有限公司").firstResult().id);

        // id pairs (another district's, our own) by the path segment before the parameter
        Map<String, Long[]> ids = new LinkedHashMap<>();
        ids.put("exams", new Long[] { foreignExam, ownExam });
        ids.put("blueprints", new Long[] { foreignBlueprint, ownBlueprint });
        ids.put("attempts", new Long[] { foreignAttempt, ownAttempt });
        ids.put("grading", new Long[] { foreignAttempt, ownAttempt });
        ids.put("people", new Long[] { foreign.id, mine.id });
        ids.put("providers", new Long[] { foreignProvider, ownProvider });
        ids.put("org-units", new Long[] { ScopeData.unit("SFS-QS"), ScopeData.unit("SFS-LJ") });
        ids.put("qualifications", new Long[] { qualificationUnder("SFS-QS"), qualificationUnder("SFS-LJ") });
        ids.put("evaluations", new Long[] { firstUnder("Evaluation", "x.unitId", "SFS-YX"),
                firstUnder("Evaluation", "x.unitId", "SFS-LJ") });
        ids.put("assessments", ids.get("evaluations"));
        ids.put("plans", new Long[] { firstUnder("TrainingPlan", "x.owningUnitId", "SFS-QS"),
                firstUnder("TrainingPlan", "x.owningUnitId", "SFS-LJ") });

        Set<String> markers = new LinkedHashSet<>(List.of(foreign.name, foreign.employeeNo, stray.name, stray.employeeNo,
                (String) foreignView.get("code"), (String) foreignView.get("title"), foreignBlueprintName, yunxiProvider));

        // every GET route of the OpenAPI document, and the page routes
        Map<String, Object> paths = sys.get().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> routes = new TreeSet<>();
        paths.forEach((path, ops) -> {
            if (((Map<?, ?>) ops).containsKey("get")) {
                routes.add(PARAM.matcher(path).replaceAll("{$1}"));
            }
        });
        assertThat(routes).as("the OpenAPI document lists the exam routes").contains("/api/v1/exams/{id}/results",
                "/api/v1/people/{id}");
        routes.addAll(PAGE_ROUTES);

        List<String> leaks = new ArrayList<>();
        int foreignChecked = 0;
        int walked = 0;
        for (String route : routes) {
            if (SKIPPED.stream().anyMatch(route::startsWith)) {
                continue;
            }
            if (!route.contains("{")) {
                walked++;
                check(lj, route, route, markers, leaks);
                continue;
            }
            Long[] pair = idsFor(route, ids);
            for (int side = 0; side < 2; side++) {
                String url = fill(route, pair == null ? null : pair[side]);
                if (url == null) {
                    continue;
                }
                walked++;
                Response r = check(lj, route, url, markers, leaks);
                if (side == 0 && pair != null) {
                    foreignChecked++;
                    // 404 or 403; or an answer that does not depend on the id at all (the same as for no such record)
                    String differs = r.statusCode() == 404 || r.statusCode() == 403 ? null
                            : differenceFromNoRecord(lj, route, pair[0], r);
                    if (differs != null) {
                        leaks.add(url + " answered " + r.statusCode() + " for another district's id: " + differs);
                    }
                }
            }
        }
        assertThat(foreignChecked).as("routes tried with another district's ids").isGreaterThan(30);
        assertThat(walked).isGreaterThan(100);
        assertThat(leaks).as("answers reaching another district").isEmpty();
    }

    /**
     * Null when the route answers a record id that does not exist exactly as it answered {@code r}
     * (the id itself, e.g. in the language switch's return link, and the CSRF token aside);
     * otherwise where the answers part.
     */
    static String differenceFromNoRecord(Api who, String route, long id, Response r) {
        long missing = 987_654_321L;
        Response none = who.get().redirects().follow(false).when().get(fill(route, missing));
        String a = normalised(r.asString(), id);
        String b = normalised(none.asString(), missing);
        if (none.statusCode() == r.statusCode() && a.equals(b)) {
            return null;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return "status " + none.statusCode() + " for no record; differs at “"
                + a.substring(Math.max(0, i - 40), Math.min(a.length(), i + 80)) + "”";
    }

    /**
     * Without the per-request CSRF token, the inline SVG icons (their path data is full of small
     * numbers that a small id would match) and the id.
     */
    static String normalised(String body, long id) {
        return body.replaceAll("(csrf-token\"? (value|content)=\")[^\"]*", "$1")
                .replaceAll("(?s)<svg\\b.*?</svg>", "<svg/>")
                .replaceAll("(?<![0-9])" + id + "(?![0-9])", "#");
    }

    /** The id pair for the route's first id parameter, by the literal segment before it. */
    static Long[] idsFor(String route, Map<String, Long[]> ids) {
        String[] parts = route.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                Long[] pair = ids.get(parts[i - 1]);
                return pair == null || pair[0] == null || pair[1] == null ? null : pair;
            }
        }
        return null;
    }

    /** The route with every parameter filled: the id where one is given, harmless values elsewhere. */
    static String fill(String route, Long id) {
        Matcher m = PARAM.matcher(route);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (first && id != null) {
                value = String.valueOf(id);
            } else {
                value = switch (name) {
                    case "position" -> "1";
                    case "panel" -> "exams";
                    case "code" -> "AL-001";
                    case "tag" -> "zh-CN";
                    default -> "1";
                };
            }
            first = false;
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Response check(Api who, String route, String url, Set<String> markers, List<String> leaks) throws IOException {
        Response r = who.get().redirects().follow(false).when().get(url);
        String body = text(r);
        for (String marker : markers) {
            if (body.contains(marker)) {
                leaks.add(url + " (" + route + ") shows “" + marker + "”");
            }
        }
        return r;
    }

    /** The answer as text: spreadsheets cell by cell, everything else as sent. */
    static String text(Response r) throws IOException {
        String type = r.contentType() == null ? "" : r.contentType();
        if (r.statusCode() == 200 && type.contains("spreadsheetml")) {
            StringBuilder sb = new StringBuilder();
            DataFormatter f = new DataFormatter();
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
                for (Sheet s : wb) {
                    for (Row row : s) {
                        row.forEach(c -> sb.append(f.formatCellValue(c)).append('\t'));
                    }
                }
            }
            return sb.toString();
        }
        return r.asString();
    }
}
