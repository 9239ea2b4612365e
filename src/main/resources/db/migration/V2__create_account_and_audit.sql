-- Login accounts (never named "user": reserved in PostgreSQL).
CREATE TABLE account (
    id                    BIGSERIAL PRIMARY KEY,
    username              VARCHAR(64)  NOT NULL UNIQUE,
    password_hash         VARCHAR(100) NOT NULL,
    display_name          VARCHAR(100) NOT NULL,
    -- comma-separated role names: learner, trainer, admin, provider_manager, sysadmin
    roles                 VARCHAR(200) NOT NULL,
    -- an admin acts inside this unit's subtree
    org_unit_id           BIGINT REFERENCES org_unit (id),
    -- a provider manager acts for this provider only (table arrives with the registry)
    provider_id           BIGINT,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password  BOOLEAN      NOT NULL DEFAULT FALSE,
    failed_logins         INT          NOT NULL DEFAULT 0,
    locked_until          TIMESTAMPTZ,
    last_login_at         TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version               INT          NOT NULL DEFAULT 0,
    CHECK (roles <> '')
);

-- Append-only, hash-chained audit log. Each row's hash covers the previous row's
-- hash and this row's content, so altering or removing a row breaks the chain
-- from that row on. The database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_event (
    id           BIGINT PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    action       VARCHAR(100) NOT NULL,
    entity_type  VARCHAR(60),
    entity_id    VARCHAR(60),
    detail       TEXT         NOT NULL,
    remote_addr  VARCHAR(64),
    prev_hash    VARCHAR(64)     NOT NULL,
    hash         VARCHAR(64)     NOT NULL UNIQUE
);
CREATE SEQUENCE audit_event_seq START 1 INCREMENT 1;
CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
