-- Qualifications (资格) and their certificates, history, annual checks and renewals;
-- in-app notifications (站内通知).

CREATE TABLE qualification_type (
    id                BIGSERIAL PRIMARY KEY,
    version           INT          NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    code              VARCHAR(40)  NOT NULL UNIQUE,
    name              VARCHAR(100) NOT NULL,
    name_en           VARCHAR(100) NOT NULL,
    -- letters that start every certificate number of this type
    number_prefix     VARCHAR(4)   NOT NULL CHECK (number_prefix ~ '^[A-Z]{2,4}$'),
    -- comma-separated PersonCategory names the type applies to
    categories        VARCHAR(200) NOT NULL,
    -- comma-separated ExamPurpose names that must all be passed
    exam_purposes     VARCHAR(200) NOT NULL DEFAULT '',
    -- true: one qualification per enforcement domain, taken from the passed non-TY exam
    per_domain        BOOLEAN      NOT NULL DEFAULT false,
    -- fixed domain when not per_domain (TY = 通用)
    domain_code       VARCHAR(10),
    -- learning hours (学时) needed in the calendar year of the decision or the one before; null = none
    required_hours    NUMERIC(6, 1),
    -- comma-separated course codes that must be completed
    required_courses  VARCHAR(500) NOT NULL DEFAULT '',
    -- null = academy.qualification.validity-years
    validity_years    INT CHECK (validity_years BETWEEN 1 AND 20),
    -- null = academy.qualification.renewal-window-months
    renewal_months    INT CHECK (renewal_months BETWEEN 1 AND 24),
    renewal_courses   VARCHAR(500) NOT NULL DEFAULT '',
    renewal_exam_code VARCHAR(40),
    issuing_body      VARCHAR(100) NOT NULL,
    active            BOOLEAN      NOT NULL DEFAULT true,
    CHECK (per_domain OR domain_code IS NOT NULL)
);

CREATE TABLE qualification (
    id                   BIGSERIAL PRIMARY KEY,
    version              INT          NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    type_id              BIGINT       NOT NULL REFERENCES qualification_type (id),
    person_id            BIGINT       NOT NULL REFERENCES person (id),
    domain_code          VARCHAR(10)  NOT NULL,
    number               VARCHAR(24)  NOT NULL UNIQUE,
    state                VARCHAR(10)  NOT NULL CHECK (state IN ('VALID', 'SUSPENDED', 'CANCELLED', 'EXPIRED')),
    state_reason         VARCHAR(500),
    state_since          DATE         NOT NULL,
    issued_on            DATE         NOT NULL,
    expires_on           DATE         NOT NULL,
    cycle                INT          NOT NULL DEFAULT 1,
    issue_mode           VARCHAR(10)  NOT NULL CHECK (issue_mode IN ('AUTO', 'MANUAL')),
    basis                VARCHAR(500) NOT NULL,
    -- cycle whose renewal window has been opened (renewal exam requested, reminders sent)
    renewal_cycle        INT,
    renewal_opened_on    DATE,
    UNIQUE (type_id, person_id, domain_code),
    CHECK (expires_on > issued_on)
);
CREATE INDEX qualification_person ON qualification (person_id);
CREATE INDEX qualification_expiry ON qualification (state, expires_on);

-- Every change of a qualification, cycle by cycle (earlier cycles stay visible here).
CREATE TABLE qualification_event (
    id               BIGSERIAL PRIMARY KEY,
    qualification_id BIGINT       NOT NULL REFERENCES qualification (id),
    cycle            INT          NOT NULL,
    action           VARCHAR(20)  NOT NULL,
    from_state       VARCHAR(10),
    to_state         VARCHAR(10)  NOT NULL,
    reason           VARCHAR(500),
    effective_on     DATE         NOT NULL,
    issued_on        DATE         NOT NULL,
    expires_on       DATE         NOT NULL,
    actor            VARCHAR(100) NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX qualification_event_q ON qualification_event (qualification_id, id);

-- 年审: one record per qualification and year.
CREATE TABLE qualification_annual_check (
    id               BIGSERIAL PRIMARY KEY,
    qualification_id BIGINT       NOT NULL REFERENCES qualification (id),
    year             INT          NOT NULL,
    passed           BOOLEAN      NOT NULL,
    note             VARCHAR(500),
    checked_by       VARCHAR(100) NOT NULL,
    checked_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (qualification_id, year)
);

-- In-app notifications (站内通知); dedup_key makes reminders idempotent across job runs and nodes.
CREATE TABLE notification (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind        VARCHAR(40)   NOT NULL,
    -- message key of the qual bundle and up to three arguments, rendered in the reader's language
    msg_key     VARCHAR(60)   NOT NULL,
    arg1        VARCHAR(200),
    arg2        VARCHAR(200),
    arg3        VARCHAR(200),
    link        VARCHAR(300),
    dedup_key   VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    read_at     TIMESTAMPTZ,
    UNIQUE (account_id, dedup_key)
);
CREATE INDEX notification_unread ON notification (account_id, read_at, id);

INSERT INTO qualification_type (code, name, name_en, number_prefix, categories, exam_purposes, per_domain,
        domain_code, required_hours, required_courses, renewal_exam_code, issuing_body)
VALUES
    ('ZFZG', '行政执法资格', 'Administrative enforcement qualification', 'ZF', 'OFFICER',
     'QUALIFICATION_GENERAL,QUALIFICATION_SPECIAL', true, NULL, 40, '', 'RENEW-ZFZG', '示范市司法局'),
    ('FZSH', '法制审核资格', 'Legal review qualification', 'FS', 'LEGAL_REVIEWER',
     'QUALIFICATION_GENERAL', false, 'TY', 40, '', 'RENEW-FZSH', '示范市司法局'),
    ('FZRY', '辅助人员上岗资格', 'Auxiliary staff work permit', 'FR', 'AUXILIARY',
     'AUXILIARY', false, 'TY', NULL, '', NULL, '示范市司法局'),
    ('DSFRY', '第三方机构人员上岗资格', 'Provider staff work permit', 'DS', 'PROVIDER_STAFF',
     'PROVIDER_STAFF', false, 'TY', NULL, '', NULL, '示范市司法局');
