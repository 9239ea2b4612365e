package cn.zhifa.academy.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.zhifa.academy.platform.web.AppMessages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class I18nTest {

    private static Set<String> keys(String file) throws IOException {
        try (InputStream in = I18nTest.class.getResourceAsStream("/messages/" + file)) {
            assertThat(in).as(file).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            p.forEach((k, v) -> assertThat(v.toString()).as(file + " " + k).isNotBlank());
            return new TreeSet<>(p.stringPropertyNames());
        }
    }

    @Test
    void everyMessageKeyExistsInChineseAndEnglish() throws IOException {
        Set<String> zh = keys("msg_zh-CN.properties");
        Set<String> en = keys("msg_en.properties");
        Set<String> declared = Arrays.stream(AppMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(zh).as("keys in zh-CN").isEqualTo(declared);
        assertThat(en).as("keys in en").isEqualTo(declared);
    }

    /** Every bundle (msg, and any feature's own) has the same keys in both languages. */
    @Test
    void everyBundleHasBothLanguagesWithTheSameKeys() throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/resources/messages");
        try (var files = java.nio.file.Files.list(dir)) {
            List<String> zhFiles = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("_zh-CN.properties"))
                    .toList();
            assertThat(zhFiles).contains("msg_zh-CN.properties");
            for (String zhFile : zhFiles) {
                String enFile = zhFile.replace("_zh-CN.properties", "_en.properties");
                assertThat(keys(enFile)).as(enFile).isEqualTo(keys(zhFile));
            }
        }
    }

    /**
     * Every message key that code throws a domain error with (or names a wrong field with) is in
     * the errors bundle; the test above keeps errors_en complete with the same keys.
     */
    @Test
    void everyErrorKeyThrownInCodeIsInTheErrorsBundle() throws IOException {
        Set<String> known = keys("errors_zh-CN.properties");
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("new (NotFound|Conflict|Forbidden)Exception\\(|"
                + "(InvalidException|ConflictException)\\.(field|of|fields|on)\\(|new FieldError\\(|ErrorTexts\\.text\\(");
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"");
        Set<String> used = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = java.nio.file.Files.readString(f);
                if (!src.contains("cn.zhifa.academy.platform.error") && !f.toString().contains("platform/error")
                        && !f.toString().contains("platform/web")) {
                    continue;
                }
                java.util.regex.Matcher m = call.matcher(src);
                while (m.find()) {
                    java.util.regex.Matcher k = key.matcher(arguments(src, m.end()));
                    while (k.find()) {
                        used.add(k.group(1));
                        assertThat(known).as(f + " uses " + k.group(1)).contains(k.group(1));
                    }
                }
            }
        }
        assertThat(used).as("keys found in code").hasSizeGreaterThan(30).contains("learning.no_person", "date.invalid");
    }

    /** The text of a call's arguments: from after the opening parenthesis to the matching one. */
    private static String arguments(String src, int from) {
        int depth = 1;
        boolean quoted = false;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' && src.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return src.substring(from, i);
            }
        }
        return src.substring(from);
    }

    @Test
    void chineseIsTheDefault() {
        given().when().get("/login").then().body(containsString("lang=\"zh-CN\""), containsString("用户名"));
    }

    @Test
    void theLanguageSwitchSticksInACookieAndGoesBack() {
        Response r = given().redirects().follow(false).when().get("/lang/en?back=/login");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getHeader("Location")).endsWith("/login");
        assertThat(r.getDetailedCookie("academy-lang").getValue()).isEqualTo("en");
        assertThat(r.getDetailedCookie("academy-lang").getMaxAge()).isGreaterThan(30L * 24 * 3600);

        given().cookie("academy-lang", "en").when().get("/login").then()
                .body(containsString("lang=\"en\""), containsString("Username"), not(containsString("用户名")));
    }

    @Test
    void theSwitchIsNotAnOpenRedirect() {
        for (String evil : new String[] { "https://evil.example/", "//evil.example/x", "/\\evil.example" }) {
            Response r = given().redirects().follow(false).queryParam("back", evil).when().get("/lang/en");
            assertThat(URI.create(r.getHeader("Location")).getPath()).as(evil).isEqualTo("/");
            assertThat(URI.create(r.getHeader("Location")).getHost()).as(evil).isEqualTo("localhost");
        }
    }
}
