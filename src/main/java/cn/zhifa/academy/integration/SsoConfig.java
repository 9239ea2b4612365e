package cn.zhifa.academy.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Single sign-on with the government's identity provider (issue 17 item 1), prefix
 * {@code academy.sso}. The provider itself (issuer, client, secret, logout) is quarkus-oidc's
 * {@code quarkus.oidc.*}; these settings say how a login of the provider finds our account.
 */
@ConfigMapping(prefix = "academy.sso")
public interface SsoConfig {

    /** How the claim's value is compared with our records. */
    enum Match {
        /** The claim holds the employee number (警号/工号) of a person with an account. */
        EMPLOYEE_NO,
        /** The claim holds a resident ID number; it is hashed with our ID-hash key and compared with the person's hash. */
        ID_NUMBER,
        /** The claim holds our username itself. */
        USERNAME
    }

    /** Offer "使用政务账号登录" and run the provider's code flow on /sso/login. */
    @WithDefault("false")
    boolean enabled();

    /** The ID-token (or user-info) claim that identifies the person, e.g. {@code employee_number}. */
    @WithDefault("employee_number")
    String claim();

    /** What the claim holds. */
    @WithDefault("employee-no")
    Match match();
}
