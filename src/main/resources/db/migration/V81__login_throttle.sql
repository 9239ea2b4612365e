-- Failed logins are throttled per (username, client address) with growing delays instead of
-- locking the account for everybody (issue 12 item 4). Rows exist for unknown usernames too,
-- so that the answer never tells which usernames exist; a job removes stale rows.
CREATE TABLE login_throttle (
    username        VARCHAR(64)  NOT NULL,
    client          VARCHAR(64)  NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMPTZ  NOT NULL,
    blocked_until   TIMESTAMPTZ,
    PRIMARY KEY (username, client)
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);
