package cn.zhifa.academy.platform.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.zhifa.academy.platform.BaseEntity;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A login account (账号). Passwords are stored as bcrypt hashes only. */
@Entity
@Table(name = "account")
@UserDefinition
public class Account extends BaseEntity {

    @Username
    @NotBlank
    @Size(max = 64)
    public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    @NotBlank
    @Size(max = 100)
    @Column(name = "display_name")
    public String displayName;

    @Roles
    @NotBlank
    public String roles;

    @Column(name = "org_unit_id")
    public Long orgUnitId;

    @Column(name = "provider_id")
    public Long providerId;

    /** The person this account belongs to (人员), if any. */
    @Column(name = "person_id")
    public Long personId;

    public boolean enabled = true;

    @Column(name = "must_change_password")
    public boolean mustChangePassword;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    /**
     * Session epoch: every session cookie carries the epoch it was issued in and is refused once
     * the account's epoch has moved on. Only the database changes it (logout bumps it with SQL; a
     * trigger bumps it on a new password or disabling), so an entity written back never lowers it.
     */
    @Column(name = "session_epoch", insertable = false, updatable = false)
    public long sessionEpoch;

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Optional<Account> byPerson(long personId) {
        return find("personId", personId).firstResultOptional();
    }

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void setPassword(String plain) {
        this.passwordHash = BcryptUtil.bcryptHash(plain);
    }

    public boolean passwordMatches(String plain) {
        return PasswordHashing.matches(plain, passwordHash);
    }
}
