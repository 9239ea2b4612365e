package cn.zhifa.academy.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile plus the production security settings exactly as application.properties
 * declares them for %prod (the keys are read from the file, so the test follows the file): Secure
 * cookies, HSTS, the role-protected API description.
 */
public class ProductionSecurityProfile implements QuarkusTestProfile {

    static final String[] PREFIXES = { "%prod.academy.security.", "%prod.quarkus.http.auth.permission.",
            "%prod.quarkus.http.auth.policy.", "%prod.quarkus.rest-csrf.cookie-force-secure" };

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> out = new HashMap<>();
        prodProperties().forEach((k, v) -> {
            for (String p : PREFIXES) {
                if (k.startsWith(p)) {
                    out.put(k.substring("%prod.".length()), v.replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1"));
                }
            }
        });
        return out;
    }

    static Map<String, String> prodProperties() {
        Properties p = new Properties();
        try (InputStream in = ProductionSecurityProfile.class.getClassLoader()
                .getResourceAsStream("application.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("%prod.")).forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
