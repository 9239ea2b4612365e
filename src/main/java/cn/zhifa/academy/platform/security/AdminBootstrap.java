package cn.zhifa.academy.platform.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.zhifa.academy.platform.config.AcademyConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * On a fresh production database there is nobody to log in: create the first system
 * administrator "sysadmin" from ACADEMY_BOOTSTRAP_ADMIN_PASSWORD, who must change it at
 * first login. Does nothing once any account exists.
 */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    public static final String USERNAME = "sysadmin";

    @Inject
    AcademyConfig config;

    @Inject
    AccountService accounts;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.demo().enabled() || Account.count() > 0) {
            return;
        }
        String password = config.bootstrap().adminPassword().filter(p -> !p.isBlank()).orElseThrow(
                () -> new IllegalStateException("No account exists yet: set ACADEMY_BOOTSTRAP_ADMIN_PASSWORD "
                        + "to create the first system administrator '" + USERNAME + "'"));
        accounts.create(USERNAME, io.quarkus.qute.i18n.MessageBundles.get(cn.zhifa.academy.platform.web.AppMessages.class).role_sysadmin(), password, Roles.SYSADMIN, null, null, true);
        LOG.infof("created the first system administrator '%s'; the password must be changed at first login",
                USERNAME);
    }
}
