package cn.zhifa.academy.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.zhifa.academy.platform.time.Now;

/**
 * An in-app notification (站内通知) for one account. The text is a message key of the
 * {@code qual} bundle with up to three arguments, rendered in the reader's language.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;

    public String kind;

    @Column(name = "msg_key")
    public String msgKey;

    public String arg1;

    public String arg2;

    public String arg3;

    public String link;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "created_at")
    public Instant createdAt = Now.instant();

    @Column(name = "read_at")
    public Instant readAt;

    public String a1() {
        return arg1 == null ? "" : arg1;
    }

    public String a2() {
        return arg2 == null ? "" : arg2;
    }

    public String a3() {
        return arg3 == null ? "" : arg3;
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
