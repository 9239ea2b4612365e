package cn.zhifa.academy.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.config.AcademyConfig;

/** Account changes that need rules and an audit trail. */
@ApplicationScoped
@Transactional
public class AccountService {

    @Inject
    AcademyConfig config;

    @Inject
    AuditLog audit;

    /**
     * Changes the password of the account, checking the current one first.
     *
     * @return the message key of the problem, or empty when the password was changed
     */
    public Optional<String> changePassword(long accountId, String current, String next, String confirm) {
        Account account = Account.findById(accountId);
        if (account == null || !account.passwordMatches(current == null ? "" : current)) {
            return Optional.of("password_err_current");
        }
        if (next == null || !next.equals(confirm)) {
            return Optional.of("password_err_mismatch");
        }
        Optional<String> weak = PasswordPolicy.violation(next, config.security().passwordMinLength());
        if (weak.isPresent()) {
            return weak;
        }
        if (next.equals(current)) {
            return Optional.of("password_err_same");
        }
        account.setPassword(next);
        boolean wasForced = account.mustChangePassword;
        account.mustChangePassword = false;
        audit.record("account.password_changed", "account", account.id, AuditLog.detail("forced", wasForced));
        return Optional.empty();
    }

    /** Creates an account with a bcrypt password; audited. */
    public Account create(String username, String displayName, String password, String roles, Long orgUnitId,
            Long providerId, boolean mustChangePassword) {
        Account a = new Account();
        a.username = username;
        a.displayName = displayName;
        a.setPassword(password);
        a.roles = roles;
        a.orgUnitId = orgUnitId;
        a.providerId = providerId;
        a.mustChangePassword = mustChangePassword;
        a.persist();
        audit.record("account.created", "account", a.id,
                AuditLog.detail("after", java.util.Map.of("username", username, "roles", roles)));
        return a;
    }
}
