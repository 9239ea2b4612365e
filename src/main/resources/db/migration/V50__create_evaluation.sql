-- Evaluations (考核与信用评价): one mechanism for 辅助人员责任制考核 (subject: a person) and
-- 第三方机构信用评价 (subject: a provider). A scheme is frozen once an evaluation uses it;
-- changing it then makes a new version with the same code.

CREATE TABLE eval_scheme (
    id              BIGSERIAL PRIMARY KEY,
    code            VARCHAR(40)   NOT NULL,
    version_no      INT           NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    subject_kind    VARCHAR(12)   NOT NULL CHECK (subject_kind IN ('AUXILIARY', 'PROVIDER')),
    cycle           VARCHAR(10)   NOT NULL CHECK (cycle IN ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    owning_unit_id  BIGINT        NOT NULL REFERENCES org_unit (id),
    description     VARCHAR(1000) NOT NULL DEFAULT '',
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         INT           NOT NULL DEFAULT 0,
    UNIQUE (code, version_no)
);

-- Weighted items: the item score (0..max_score) counts weight * score / max_score points.
CREATE TABLE eval_scheme_item (
    id          BIGSERIAL PRIMARY KEY,
    scheme_id   BIGINT        NOT NULL REFERENCES eval_scheme (id) ON DELETE CASCADE,
    position    INT           NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    weight      NUMERIC(5, 2) NOT NULL CHECK (weight > 0 AND weight <= 100),
    max_score   NUMERIC(6, 2) NOT NULL CHECK (max_score > 0),
    source      VARCHAR(16)   NOT NULL CHECK (source IN ('MANUAL', 'EXAM_SCORE', 'TRAINING_HOURS', 'QUALIFIED_SHARE', 'COMPLAINTS')),
    -- EXAM_SCORE: comma-separated purposes; TRAINING_HOURS: the hours target; COMPLAINTS: points per complaint
    param       VARCHAR(100),
    UNIQUE (scheme_id, code),
    UNIQUE (scheme_id, position)
);

-- Grade bands: [min_score, max_score), the top band includes 100.
CREATE TABLE eval_band (
    id                BIGSERIAL PRIMARY KEY,
    scheme_id         BIGINT        NOT NULL REFERENCES eval_scheme (id) ON DELETE CASCADE,
    position          INT           NOT NULL,
    label             VARCHAR(20)   NOT NULL,
    min_score         NUMERIC(5, 2) NOT NULL,
    max_score         NUMERIC(5, 2) NOT NULL,
    consequence       VARCHAR(200)  NOT NULL DEFAULT '',
    -- this many consecutive cycles in the band raise a flag on the subject (e.g. 2 × 不合格)
    flag_consecutive  INT           CHECK (flag_consecutive IS NULL OR flag_consecutive >= 1),
    UNIQUE (scheme_id, position),
    CHECK (max_score > min_score)
);

-- One subject's evaluation in one cycle; locked once confirmed.
CREATE TABLE evaluation (
    id            BIGSERIAL PRIMARY KEY,
    scheme_id     BIGINT        NOT NULL REFERENCES eval_scheme (id),
    subject_kind  VARCHAR(12)   NOT NULL CHECK (subject_kind IN ('AUXILIARY', 'PROVIDER')),
    person_id     BIGINT        REFERENCES person (id),
    provider_id   BIGINT        REFERENCES provider (id),
    -- the person's unit or the provider's commissioning unit: the organisation scope
    unit_id       BIGINT        NOT NULL REFERENCES org_unit (id),
    cycle_label   VARCHAR(10)   NOT NULL,
    period_start  DATE          NOT NULL,
    period_end    DATE          NOT NULL,
    status        VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED')),
    base_score    NUMERIC(6, 2),
    adjustment    NUMERIC(6, 2) NOT NULL DEFAULT 0,
    total         NUMERIC(6, 2),
    band          VARCHAR(20),
    created_by    VARCHAR(64)   NOT NULL,
    confirmed_by  VARCHAR(64),
    confirmed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version       INT           NOT NULL DEFAULT 0,
    CHECK ((subject_kind = 'AUXILIARY') = (person_id IS NOT NULL)),
    CHECK ((subject_kind = 'PROVIDER') = (provider_id IS NOT NULL)),
    CHECK (period_end > period_start)
);
CREATE UNIQUE INDEX evaluation_person_cycle ON evaluation (scheme_id, person_id, cycle_label) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX evaluation_provider_cycle ON evaluation (scheme_id, provider_id, cycle_label) WHERE provider_id IS NOT NULL;
CREATE INDEX evaluation_person ON evaluation (person_id, period_start);
CREATE INDEX evaluation_provider ON evaluation (provider_id, period_start);
CREATE INDEX evaluation_unit_period ON evaluation (unit_id, period_start);

CREATE TABLE evaluation_score (
    id             BIGSERIAL PRIMARY KEY,
    evaluation_id  BIGINT        NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    item_id        BIGINT        NOT NULL REFERENCES eval_scheme_item (id),
    score          NUMERIC(6, 2),
    note           VARCHAR(300),
    entered_by     VARCHAR(64),
    entered_at     TIMESTAMPTZ,
    UNIQUE (evaluation_id, item_id)
);

-- Raised when a person stays in a flagged band for the configured consecutive cycles.
CREATE TABLE eval_flag (
    id             BIGSERIAL PRIMARY KEY,
    person_id      BIGINT        NOT NULL REFERENCES person (id),
    evaluation_id  BIGINT        NOT NULL REFERENCES evaluation (id),
    reason         VARCHAR(300)  NOT NULL,
    raised_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    cleared_at     TIMESTAMPTZ,
    cleared_by     VARCHAR(64),
    clear_reason   VARCHAR(300),
    UNIQUE (evaluation_id)
);
CREATE INDEX eval_flag_person ON eval_flag (person_id) WHERE cleared_at IS NULL;

-- 信用事件: verified complaints and profiteering deduct, credit repair adds back.
CREATE TABLE credit_event (
    id                 BIGSERIAL PRIMARY KEY,
    provider_id        BIGINT        NOT NULL REFERENCES provider (id),
    kind               VARCHAR(16)   NOT NULL CHECK (kind IN ('COMPLAINT', 'PROFITEERING', 'REPAIR', 'COMMENDATION')),
    points             NUMERIC(5, 1) NOT NULL CHECK (points <> 0),
    occurred_on        DATE          NOT NULL,
    description        VARCHAR(500)  NOT NULL,
    evidence_media_id  BIGINT        REFERENCES media_object (id),
    recorded_by        VARCHAR(64)   NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((kind IN ('COMPLAINT', 'PROFITEERING')) = (points < 0))
);
CREATE INDEX credit_event_provider ON credit_event (provider_id, occurred_on);

-- 黑名单: blocks new commissions while in force.
CREATE TABLE provider_blacklist (
    id            BIGSERIAL PRIMARY KEY,
    provider_id   BIGINT        NOT NULL REFERENCES provider (id),
    reason        VARCHAR(500)  NOT NULL,
    starts_on     DATE          NOT NULL,
    ends_on       DATE          NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    lifted_at     TIMESTAMPTZ,
    lifted_by     VARCHAR(64),
    lift_reason   VARCHAR(300),
    CHECK (ends_on > starts_on)
);
CREATE INDEX provider_blacklist_provider ON provider_blacklist (provider_id, ends_on);

-- 委托记录: which unit commissioned which services from a provider, for which period.
CREATE TABLE provider_commission (
    id            BIGSERIAL PRIMARY KEY,
    provider_id   BIGINT        NOT NULL REFERENCES provider (id),
    unit_id       BIGINT        NOT NULL REFERENCES org_unit (id),
    services      VARCHAR(500)  NOT NULL,
    period_start  DATE          NOT NULL,
    period_end    DATE          NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK (period_end >= period_start)
);
CREATE INDEX provider_commission_provider ON provider_commission (provider_id, period_start);
