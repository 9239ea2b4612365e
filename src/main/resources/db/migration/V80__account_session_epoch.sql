-- Sessions end at logout, password change and disabling, on every node (issue 12 item 3).
-- The session cookie carries the account's session epoch; a cookie with an older epoch is refused.
ALTER TABLE account ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;

-- The epoch only grows, and a new password or disabling the account bumps it, whoever writes the
-- row (the service, an operator's SQL): no code path can forget it.
CREATE FUNCTION account_session_epoch_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.session_epoch := GREATEST(NEW.session_epoch, OLD.session_epoch);
    IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR (OLD.enabled AND NOT NEW.enabled) THEN
        NEW.session_epoch := GREATEST(NEW.session_epoch, OLD.session_epoch + 1);
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER account_session_epoch_guard BEFORE UPDATE ON account
    FOR EACH ROW EXECUTE FUNCTION account_session_epoch_guard();

-- Every node caches identities briefly and LISTENs on "account_changed"; the payload is
-- "<schema> <username>". Delivered at commit, so a node never drops a cache entry too early.
CREATE FUNCTION account_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('account_changed', TG_TABLE_SCHEMA || ' ' || OLD.username);
        RETURN OLD;
    END IF;
    IF NEW.username IS DISTINCT FROM OLD.username OR NEW.session_epoch IS DISTINCT FROM OLD.session_epoch
            OR NEW.enabled IS DISTINCT FROM OLD.enabled OR NEW.roles IS DISTINCT FROM OLD.roles
            OR NEW.must_change_password IS DISTINCT FROM OLD.must_change_password
            OR NEW.person_id IS DISTINCT FROM OLD.person_id OR NEW.org_unit_id IS DISTINCT FROM OLD.org_unit_id
            OR NEW.provider_id IS DISTINCT FROM OLD.provider_id OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
            OR NEW.locked_until IS DISTINCT FROM OLD.locked_until THEN
        PERFORM pg_notify('account_changed', TG_TABLE_SCHEMA || ' ' || OLD.username);
        IF NEW.username IS DISTINCT FROM OLD.username THEN
            PERFORM pg_notify('account_changed', TG_TABLE_SCHEMA || ' ' || NEW.username);
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER account_changed_notify AFTER UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION account_changed_notify();
