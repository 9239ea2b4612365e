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

    @Inject
    PasswordPolicy policy;

    @Inject
    jakarta.persistence.EntityManager em;

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
        String employeeNo = account.personId == null ? null
                : (String) em.createNativeQuery("SELECT employee_no FROM person WHERE id = ?1")
                        .setParameter(1, account.personId).getResultStream().findFirst().orElse(null);
        Optional<String> weak = policy.violation(next, account.username, employeeNo);
        if (weak.isPresent()) {
            return weak;
        }
        if (next.equals(current)) {
            return Optional.of("password_err_same");
        }
        account.setPassword(next);
        boolean wasForced = account.mustChangePassword;
        account.mustChangePassword = false;
        // the new hash makes the database bump the session epoch (V80): every session ends
        audit.record("account.password_changed", "account", account.id, AuditLog.detail("forced", wasForced,
                "sessionsEnded", true));
        return Optional.empty();
    }

    /** The account's session epoch as stored. */
    public long sessionEpoch(long accountId) {
        return ((Number) em.createNativeQuery("SELECT session_epoch FROM account WHERE id = ?1")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    /** Logout: ends every session of the account, on every node (the epoch moves on); audited. */
    public void logout(long accountId) {
        em.createNativeQuery("UPDATE account SET session_epoch = session_epoch + 1 WHERE id = ?1")
                .setParameter(1, accountId).executeUpdate();
        audit.record("logout", "account", accountId, AuditLog.detail("sessionsEnded", true));
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
