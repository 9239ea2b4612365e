package cn.zhifa.academy.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Single sign-on on, against a real Keycloak process ({@link KeycloakResource}), with the
 * password form switched off (the configuration a city that logs in only through its identity
 * provider runs). Accounts are matched by the ID token's {@code employee_number} claim.
 */
public class SsoProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("academy.sso.enabled", "true",
                "academy.sso.claim", "employee_number",
                "academy.sso.match", "employee-no",
                "academy.security.form-login", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}
