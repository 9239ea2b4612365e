package cn.zhifa.academy.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 12 item 10: every write operation of the OpenAPI document, fed each class of bad value
 * in each field (wrong type, overflow, huge text, NUL and control characters, unknown enum,
 * impossible date) and a malformed body, as an administrator with a valid CSRF token, never
 * answers 5xx and writes nothing (the row count of every table is unchanged). Multipart
 * operations get a broken body and a 304-character file name.
 */
@QuarkusTest
class BadInputContractTest {

    private static final Logger LOG = Logger.getLogger(BadInputContractTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@RAW@@";

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource dataSource;

    private String session;
    private String csrfToken;
    private String csrfCookie;

    record Case(String method, String path, String contentType, String body, String what) {
    }

    @Test
    void noBadInputCausesA5xxOrAWrite() throws Exception {
        Account admin = accounts.create("probe", Roles.ADMIN + "," + Roles.SYSADMIN, "SFS");
        session = TestAccounts.login(admin.username, TestAccounts.PASSWORD);
        Response token = given().cookie("academy-session", session).when().get("/api/v1/csrf-token");
        assertThat(token.statusCode()).isEqualTo(200);
        csrfToken = token.jsonPath().getString("token");
        csrfCookie = token.getCookie("academy-csrf");
        assertThat(csrfToken).isNotBlank();

        JsonNode doc = JSON.readTree(given().cookie("academy-session", session).accept("application/json")
                .when().get("/q/openapi?format=json").asString());
        List<Case> cases = cases(doc);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);

        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Response r = send(c);
            if (r.statusCode() >= 500) {
                failures.add(r.statusCode() + " " + c.method() + " " + c.path() + " [" + c.what() + "]");
            }
        }
        Map<String, Long> after = rowCounts();
        LOG.infof("bad-input contract: %d cases over the OpenAPI write operations, %d answered 5xx", cases.size(),
                failures.size());
        assertThat(failures).as("cases answered with 5xx").isEmpty();
        Map<String, String> changed = new TreeMap<>();
        before.forEach((t, n) -> {
            if (!n.equals(after.get(t))) {
                changed.put(t, n + " -> " + after.get(t));
            }
        });
        assertThat(changed).as("tables written by refused requests").isEmpty();
    }

    private Response send(Case c) {
        RequestSpecification rq = given().config(io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .redirects().follow(false).cookie("academy-session", session)
                .cookie("academy-csrf", csrfCookie).header("X-CSRF-TOKEN", csrfToken)
                .header("Accept", "application/json").contentType(c.contentType())
                .body(c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return rq.when().request(c.method(), c.path());
    }

    private List<Case> cases(JsonNode doc) throws Exception {
        List<Case> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (!p.getKey().startsWith("/api/")) {
                continue;
            }
            String path = p.getKey().replaceAll("\\{[^}]+}", "1");
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode content = op.path("requestBody").path("content");
                JsonNode json = content.get("application/json");
                if (json != null) {
                    JsonNode schema = resolve(doc, json.path("schema"));
                    out.add(new Case(method, path, "application/json", "{\"broken\": ", "malformed JSON"));
                    out.add(new Case(method, path, "application/json", "[1,2", "truncated JSON"));
                    if (schema.has("properties")) {
                        ObjectNode base = baseline(doc, schema);
                        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                        while (props.hasNext()) {
                            Map.Entry<String, JsonNode> prop = props.next();
                            for (Map.Entry<String, String> bad : badValues(doc, prop.getValue()).entrySet()) {
                                ObjectNode body = base.deepCopy();
                                String raw = bad.getValue();
                                body.put(prop.getKey(), RAW);
                                String text = JSON.writeValueAsString(body).replace("\"" + RAW + "\"", raw);
                                out.add(new Case(method, path, "application/json", text, prop.getKey() + ": " + bad.getKey()));
                            }
                        }
                    } else {
                        out.add(new Case(method, path, "application/json", "\"" + "x".repeat(100_000) + "\"", "huge string"));
                    }
                }
                if (content.has("multipart/form-data")) {
                    String b = "----probe";
                    out.add(new Case(method, path, "multipart/form-data; boundary=" + b,
                            "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc",
                            "multipart without its closing boundary"));
                    out.add(new Case(method, path, "multipart/form-data; boundary=" + b, "garbage\r\n\r\n--",
                            "multipart garbage"));
                    out.add(new Case(method, path, "multipart/form-data; boundary=" + b,
                            "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "长".repeat(300)
                                    + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n--" + b + "--\r\n",
                            "304-character file name"));
                }
            }
        }
        return out;
    }

    /** The bad values for one property, by its class, as raw JSON text. */
    private static Map<String, String> badValues(JsonNode doc, JsonNode prop) {
        JsonNode s = resolve(doc, prop);
        String type = s.path("type").asText("");
        Map<String, String> bad = new TreeMap<>();
        bad.put("wrong type (object)", "{\"unexpected\":true}");
        switch (type) {
            case "integer" -> {
                bad.put("overflow", "1e999999999");
                bad.put("fraction for an integer", "1.5");
                bad.put("huge integer", "123456789012345678901234567890");
                bad.put("text for an integer", "\"abc\"");
            }
            case "number" -> {
                bad.put("overflow", "1e999999999");
                bad.put("underflow", "1e-999999999");
                bad.put("1e400", "1e400");
                bad.put("text for a number", "\"abc\"");
            }
            case "boolean" -> bad.put("maybe", "\"maybe\"");
            case "array" -> bad.put("huge string in a list", "[\"" + "x".repeat(100_000) + "\"]");
            default -> {
                if (s.has("enum")) {
                    bad.put("unknown enum", "\"NO_SUCH_VALUE\"");
                } else if ("date".equals(s.path("format").asText())) {
                    bad.put("impossible date", "\"2026-02-30\"");
                    bad.put("garbled date", "\"abc\"");
                } else if ("date-time".equals(s.path("format").asText())) {
                    bad.put("impossible date-time", "\"2026-02-30T10:00:00Z\"");
                } else {
                    bad.put("huge string", "\"" + "x".repeat(100_000) + "\"");
                    bad.put("NUL", "\"a\\u0000b\"");
                    bad.put("control character", "\"a\\u0007b\"");
                }
            }
        }
        return bad;
    }

    /** A body whose fields are plausible, so that the bad field is what the service meets. */
    private static ObjectNode baseline(JsonNode doc, JsonNode schema) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            JsonNode s = resolve(doc, p.getValue());
            switch (s.path("type").asText("")) {
                case "integer", "number" -> o.put(p.getKey(), 1);
                case "boolean" -> o.put(p.getKey(), true);
                case "array" -> o.putArray(p.getKey());
                case "object" -> o.putObject(p.getKey());
                default -> {
                    if (s.has("enum") && s.path("enum").size() > 0) {
                        o.set(p.getKey(), s.path("enum").get(0));
                    } else if ("date".equals(s.path("format").asText())) {
                        o.put(p.getKey(), "2026-01-15");
                    } else if ("date-time".equals(s.path("format").asText())) {
                        o.put(p.getKey(), "2026-01-15T08:00:00Z");
                    } else {
                        o.put(p.getKey(), "probe");
                    }
                }
            }
        }
        return o;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = doc.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(doc, s.get("allOf").get(0));
        }
        return s;
    }

    /** Row counts of every table of the schema (the audit log included). */
    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
