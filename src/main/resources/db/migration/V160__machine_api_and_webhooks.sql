-- issue 17 item 2: machine clients (OAuth2 client credentials), their tokens, webhooks and deliveries
CREATE TABLE machine_client (
    id             BIGSERIAL PRIMARY KEY,
    client_id      VARCHAR(64)  NOT NULL UNIQUE,
    secret_hash    VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    org_unit_id    BIGINT       NOT NULL REFERENCES org_unit (id),
    access         VARCHAR(10)  NOT NULL CHECK (access IN ('READ', 'READ_WRITE')),
    per_minute     INT          NOT NULL DEFAULT 600 CHECK (per_minute > 0),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE machine_token (
    token_hash     VARCHAR(64)  PRIMARY KEY,
    client_id      BIGINT       NOT NULL REFERENCES machine_client (id) ON DELETE CASCADE,
    expires_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX machine_token_expiry ON machine_token (expires_at);

CREATE TABLE webhook_subscription (
    id             BIGSERIAL PRIMARY KEY,
    client_id      BIGINT       NOT NULL REFERENCES machine_client (id) ON DELETE CASCADE,
    url            VARCHAR(500) NOT NULL,
    secret         VARCHAR(100) NOT NULL,
    events         VARCHAR(500) NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE webhook_delivery (
    id               BIGSERIAL PRIMARY KEY,
    subscription_id  BIGINT       NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event            VARCHAR(40)  NOT NULL,
    event_key        VARCHAR(100) NOT NULL,
    payload          TEXT         NOT NULL,
    status           VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_status      INT,
    last_error       VARCHAR(500),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    UNIQUE (subscription_id, event_key)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);

-- how far the qualification history has been turned into webhook deliveries
CREATE TABLE webhook_cursor (
    name     VARCHAR(40) PRIMARY KEY,
    last_id  BIGINT      NOT NULL
);
INSERT INTO webhook_cursor (name, last_id) SELECT 'qualification_event', COALESCE(max(id), 0) FROM qualification_event;
