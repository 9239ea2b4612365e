-- Issue 14 items 2–4: case-file review (案卷评查), supervision recommendations (监督建议书) and
-- the targeted training that findings trigger.

-- 评查标准: a versioned, weighted checklist. A version used by a campaign is never changed:
-- an edit writes the next version (same code) and retires the previous one.
CREATE TABLE review_standard (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    version_no  INT          NOT NULL,
    name        VARCHAR(100) NOT NULL,
    status      VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    -- bands as "优秀:90,良好:80,合格:60,不合格:0" (label:minimum, highest first)
    bands       VARCHAR(200) NOT NULL,
    source      VARCHAR(200) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (code, version_no)
);

-- one checklist item: its weight (points out of 100) and its knowledge point
CREATE TABLE review_standard_item (
    id              BIGSERIAL PRIMARY KEY,
    standard_id     BIGINT       NOT NULL REFERENCES review_standard (id),
    position        INT          NOT NULL,
    code            VARCHAR(40)  NOT NULL,
    category        VARCHAR(20)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    weight          NUMERIC(6,2) NOT NULL CHECK (weight > 0),
    knowledge_point VARCHAR(60)  NOT NULL,
    UNIQUE (standard_id, code)
);

-- the deductions a reviewer may apply to an item (扣分点)
CREATE TABLE review_standard_deduction (
    id        BIGSERIAL PRIMARY KEY,
    item_id   BIGINT        NOT NULL REFERENCES review_standard_item (id),
    position  INT           NOT NULL,
    code      VARCHAR(40)   NOT NULL,
    text      VARCHAR(300)  NOT NULL,
    points    NUMERIC(6,2)  NOT NULL CHECK (points > 0),
    UNIQUE (item_id, code)
);

CREATE TABLE review_campaign (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    kind           VARCHAR(10)  NOT NULL CHECK (kind IN ('ANNUAL', 'SPECIAL')),
    year           INT          NOT NULL,
    owning_unit_id BIGINT       NOT NULL REFERENCES org_unit (id),
    period_start   DATE         NOT NULL,
    period_end     DATE         NOT NULL,
    standard_id    BIGINT       NOT NULL REFERENCES review_standard (id),
    sample_size    INT          NOT NULL CHECK (sample_size > 0),
    -- the random sampling: its seed and when it ran (the result is review_case_file.sample_order)
    sample_seed    BIGINT,
    sampled_at     TIMESTAMPTZ,
    sampled_by     VARCHAR(100),
    status         VARCHAR(12)  NOT NULL CHECK (status IN ('DRAFT', 'REVIEWING', 'FINISHED')),
    finished_at    TIMESTAMPTZ,
    finished_by    VARCHAR(100),
    created_by     VARCHAR(100) NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    CHECK (period_end >= period_start)
);

CREATE TABLE review_campaign_unit (
    campaign_id BIGINT NOT NULL REFERENCES review_campaign (id),
    unit_id     BIGINT NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (campaign_id, unit_id)
);

CREATE TABLE review_reviewer (
    campaign_id BIGINT NOT NULL REFERENCES review_campaign (id),
    person_id   BIGINT NOT NULL REFERENCES person (id),
    PRIMARY KEY (campaign_id, person_id)
);

-- a case file entered as metadata; sampled ones carry their draw position and reviewer
CREATE TABLE review_case_file (
    id                 BIGSERIAL PRIMARY KEY,
    campaign_id        BIGINT       NOT NULL REFERENCES review_campaign (id),
    unit_id            BIGINT       NOT NULL REFERENCES org_unit (id),
    case_no            VARCHAR(80)  NOT NULL,
    matter             VARCHAR(200) NOT NULL,
    decision_type      VARCHAR(60)  NOT NULL,
    decision_date      DATE         NOT NULL,
    sample_order       INT,
    reviewer_person_id BIGINT REFERENCES person (id),
    status             VARCHAR(12)  NOT NULL CHECK (status IN ('ENTERED', 'SAMPLED', 'SCORED')),
    total              NUMERIC(6,2),
    band               VARCHAR(20),
    scored_at          TIMESTAMPTZ,
    created_by         VARCHAR(100) NOT NULL,
    version            INT          NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    UNIQUE (campaign_id, case_no)
);
CREATE INDEX review_case_file_unit ON review_case_file (unit_id);
CREATE INDEX review_case_file_reviewer ON review_case_file (reviewer_person_id) WHERE reviewer_person_id IS NOT NULL;

CREATE TABLE review_case_officer (
    case_file_id BIGINT NOT NULL REFERENCES review_case_file (id),
    person_id    BIGINT NOT NULL REFERENCES person (id),
    PRIMARY KEY (case_file_id, person_id)
);
CREATE INDEX review_case_officer_person ON review_case_officer (person_id);

-- an item the reviewer has gone through (with or without deductions)
CREATE TABLE review_item_check (
    case_file_id BIGINT       NOT NULL REFERENCES review_case_file (id),
    item_id      BIGINT       NOT NULL REFERENCES review_standard_item (id),
    checked_by   VARCHAR(100) NOT NULL,
    checked_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_file_id, item_id)
);

-- a deduction applied to a case file, with the reviewer's finding text; contested at most once
CREATE TABLE review_finding (
    id               BIGSERIAL PRIMARY KEY,
    case_file_id     BIGINT       NOT NULL REFERENCES review_case_file (id),
    item_id          BIGINT       NOT NULL REFERENCES review_standard_item (id),
    deduction_id     BIGINT       NOT NULL REFERENCES review_standard_deduction (id),
    points           NUMERIC(6,2) NOT NULL,
    knowledge_point  VARCHAR(60)  NOT NULL,
    text             VARCHAR(1000) NOT NULL,
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('OPEN', 'CONTESTED', 'UPHELD', 'WITHDRAWN')),
    contest_reason   VARCHAR(1000),
    contested_by     VARCHAR(100),
    contested_at     TIMESTAMPTZ,
    decision_note    VARCHAR(1000),
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMPTZ,
    created_by       VARCHAR(100) NOT NULL,
    version          INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    UNIQUE (case_file_id, deduction_id)
);
CREATE INDEX review_finding_kp ON review_finding (knowledge_point);

-- 监督建议书
CREATE TABLE review_recommendation (
    id              BIGSERIAL PRIMARY KEY,
    campaign_id     BIGINT        NOT NULL REFERENCES review_campaign (id),
    unit_id         BIGINT        NOT NULL REFERENCES org_unit (id),
    number          VARCHAR(80)   NOT NULL UNIQUE,
    body            VARCHAR(4000) NOT NULL,
    deadline        DATE          NOT NULL,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('ISSUED', 'ANSWERED', 'RETURNED', 'ACCEPTED')),
    issued_by       VARCHAR(100)  NOT NULL,
    response        VARCHAR(4000),
    responded_by    VARCHAR(100),
    responded_at    TIMESTAMPTZ,
    decision_note   VARCHAR(1000),
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMPTZ,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX review_recommendation_open ON review_recommendation (deadline) WHERE status IN ('ISSUED', 'RETURNED');

CREATE TABLE review_recommendation_finding (
    recommendation_id BIGINT NOT NULL REFERENCES review_recommendation (id),
    finding_id        BIGINT NOT NULL REFERENCES review_finding (id),
    PRIMARY KEY (recommendation_id, finding_id)
);

-- which finding put which officer into which targeted plan (评查整改学习)
CREATE TABLE review_training (
    finding_id  BIGINT      NOT NULL REFERENCES review_finding (id),
    person_id   BIGINT      NOT NULL REFERENCES person (id),
    plan_id     BIGINT      NOT NULL REFERENCES training_plan (id),
    assigned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (finding_id, person_id)
);
CREATE INDEX review_training_person ON review_training (person_id);

-- stored files of the review: a case file's scans, a recommendation's rectification evidence
ALTER TABLE media_object DROP CONSTRAINT media_object_owner_kind;
ALTER TABLE media_object ADD CONSTRAINT media_object_owner_kind CHECK (owner_kind IN ('UPLOAD', 'LESSON_MEDIA',
    'CASE_ATTACHMENT', 'QUESTION_IMAGE', 'IMPORT_FILE', 'EVIDENCE', 'CREDIT_EVIDENCE', 'CERTIFICATE',
    'REVIEW_CASE_FILE', 'REVIEW_EVIDENCE'));

-- exam blueprints: a section may draw from the candidate's weak knowledge points first
ALTER TABLE blueprint_section ADD COLUMN weak_points BOOLEAN NOT NULL DEFAULT FALSE;
