package cn.zhifa.academy.integration;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.people.IdNumberHasher;
import cn.zhifa.academy.people.ResidentIds;
import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.time.Now;

/**
 * Finds the account a login of the identity provider belongs to (issue 17 item 1). The provider
 * says who the person is (one claim, {@link SsoConfig#claim()}); our tables say which account,
 * which roles and which scope. Nothing is ever created: a login that matches no account, or an
 * account that may not log in, is refused and audited ({@code login.sso_refused}); a match is
 * audited as {@code login.sso}.
 */
@ApplicationScoped
public class SsoAccounts {

    /** What the login came to: the account's username, or the reason it was refused. */
    public record Outcome(String username, String reason) {
    }

    @Inject
    EntityManager em;

    @Inject
    SsoConfig config;

    @Inject
    IdNumberHasher idHasher;

    @Inject
    AuditLog audit;

    /**
     * @param value   the claim's value (null when the provider did not send it)
     * @param subject the provider's subject of the login ({@code sub}), for the audit trail
     * @param client  the client address
     */
    @Transactional
    public Outcome match(String value, String subject, String client) {
        String v = value == null ? "" : value.trim();
        // an ID number never reaches the audit log in clear
        String shown = config.match() != SsoConfig.Match.ID_NUMBER ? v
                : ResidentIds.isValid(v) ? ResidentIds.mask(v) : "(not an ID number)";
        if (v.isEmpty() || v.length() > 64) {
            return refuse(subject, client, "claim missing", shown);
        }
        List<String> usernames = switch (config.match()) {
            case EMPLOYEE_NO -> usernames("SELECT a.username FROM account a JOIN person p ON p.id = a.person_id "
                    + "WHERE p.employee_no = ?1", v);
            case ID_NUMBER -> ResidentIds.isValid(v)
                    ? usernames("SELECT a.username FROM account a JOIN person p ON p.id = a.person_id WHERE p.id_hash = ?1",
                            idHasher.hash(v))
                    : List.of();
            case USERNAME -> usernames("SELECT a.username FROM account a WHERE a.username = ?1", v);
        };
        if (usernames.size() != 1) {
            return refuse(subject, client, usernames.isEmpty() ? "no account" : "several accounts", shown);
        }
        Account account = Account.findByUsername(usernames.get(0)).orElseThrow();
        if (!account.enabled) {
            return refuse(subject, client, "disabled", shown);
        }
        if (account.isLockedAt(Now.instant())) {
            return refuse(subject, client, "locked", shown);
        }
        account.lastLoginAt = Now.instant();
        audit.recordAs(account.username, "login.sso", "account", account.id,
                AuditLog.detail("subject", subject, "claim", config.claim(), "client", client));
        return new Outcome(account.username, null);
    }

    private Outcome refuse(String subject, String client, String reason, String shown) {
        String actor = "sso:" + (subject == null ? "unknown" : subject);
        audit.recordAs(actor.length() > 64 ? actor.substring(0, 64) : actor, "login.sso_refused", "account", null,
                AuditLog.detail("reason", reason, "claim", config.claim(), "value", shown, "client", client));
        return new Outcome(null, reason);
    }

    @SuppressWarnings("unchecked")
    private List<String> usernames(String sql, String value) {
        return em.createNativeQuery(sql).setParameter(1, value).setMaxResults(2).getResultList();
    }
}
