package cn.zhifa.academy.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.people.PeopleDirectory;
import cn.zhifa.academy.platform.security.Account;
import cn.zhifa.academy.platform.security.AccountNotifier;
import cn.zhifa.academy.platform.security.OrgHierarchy;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.time.Now;

/**
 * Creates and reads in-app notifications. Sending is idempotent per account and dedup key
 * ({@code INSERT ... ON CONFLICT DO NOTHING}), so a job that runs twice, or on two nodes,
 * reminds once.
 */
@ApplicationScoped
@Transactional
public class NotificationService implements AccountNotifier {

    @Inject
    EntityManager em;

    @Inject
    PeopleDirectory people;

    @Inject
    OrgHierarchy tree;

    /** What to say: message key of the qual bundle and its arguments. */
    public record Message(String kind, String msgKey, String arg1, String arg2, String arg3, String link) {
    }

    @Override
    public boolean notifyAccount(long accountId, String kind, String msgKey, String arg1, String arg2, String arg3,
            String link, String dedupKey) {
        return send(accountId, new Message(kind, msgKey, arg1, arg2, arg3, link), dedupKey);
    }

    /** Sends to one account; returns whether a new notification was created. */
    public boolean send(long accountId, Message m, String dedupKey) {
        int n = em.createNativeQuery("INSERT INTO notification (account_id, kind, msg_key, arg1, arg2, arg3, link, "
                + "dedup_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (account_id, dedup_key) DO NOTHING")
                .setParameter(1, accountId).setParameter(2, m.kind()).setParameter(3, m.msgKey())
                .setParameter(4, cut(m.arg1())).setParameter(5, cut(m.arg2())).setParameter(6, cut(m.arg3()))
                .setParameter(7, m.link()).setParameter(8, dedupKey).executeUpdate();
        return n > 0;
    }

    /**
     * The accounts to tell about a person: the person's own account(s) and the administrators of
     * the nearest unit above (or at) the person's unit that has any.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> holderAndAdmins(long personId) {
        Set<Long> out = new LinkedHashSet<>();
        Account.<Account> list("personId = ?1 AND enabled = true", personId).forEach(a -> out.add(a.id));
        out.addAll(adminsOf(personId));
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> adminsOf(long personId) {
        Optional<PeopleDirectory.PersonSummary> p = people.find(personId);
        if (p.isEmpty()) {
            return List.of();
        }
        String path = tree.pathOf(p.get().unitId()).orElseThrow();
        List<Account> admins = Account.list("enabled = true AND orgUnitId IS NOT NULL");
        List<Account> candidates = new ArrayList<>();
        for (Account a : admins) {
            if (a.roleSet().contains(Roles.ADMIN)) {
                Optional<String> au = tree.pathOf(a.orgUnitId);
                if (au.isPresent() && path.startsWith(au.get())) {
                    candidates.add(a);
                }
            }
        }
        int deepest = candidates.stream().map(a -> tree.pathOf(a.orgUnitId).orElseThrow().length())
                .max(Comparator.naturalOrder()).orElse(-1);
        return candidates.stream().filter(a -> tree.pathOf(a.orgUnitId).orElseThrow().length() == deepest)
                .map(a -> a.id).toList();
    }

    /**
     * The bell's count, on every page: plain SQL (issue 16: the bell took 17 % of 我的学习's CPU in
     * the profile, most of it Panache's count re-deriving its count query from the HQL on every call).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(long accountId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM notification WHERE account_id = ?1 AND read_at IS NULL")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notification> recent(long accountId, int limit) {
        return Notification.<Notification> find("accountId = ?1 ORDER BY id DESC", accountId).page(0, limit).list();
    }

    /** Marks one of the account's notifications read; empty when it is not theirs. */
    public Optional<Notification> markRead(long accountId, long id) {
        Notification n = Notification.findById(id);
        if (n == null || !n.accountId.equals(accountId)) {
            return Optional.empty();
        }
        if (n.readAt == null) {
            n.readAt = Now.instant();
        }
        return Optional.of(n);
    }

    public int markAllRead(long accountId) {
        return Notification.update("readAt = ?1 WHERE accountId = ?2 AND readAt IS NULL", Now.instant(), accountId);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }
}
