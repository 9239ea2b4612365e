-- Question bank, blueprints (组卷规则), exams, attempts and the answer event log.

-- A question keeps its code; its content lives in versions. A version used by any attempt
-- is frozen: an edit then creates the next version and the question points to it.
CREATE TABLE question (
    id                  BIGSERIAL PRIMARY KEY,
    code                VARCHAR(40)  NOT NULL UNIQUE,
    status              VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    current_version_id  BIGINT,
    created_by          VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             INT          NOT NULL DEFAULT 0
);

CREATE TABLE question_version (
    id            BIGSERIAL PRIMARY KEY,
    question_id   BIGINT        NOT NULL REFERENCES question (id),
    number        INT           NOT NULL,
    type          VARCHAR(16)   NOT NULL CHECK (type IN ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL', 'CASE_ANALYSIS')),
    stem_md       TEXT          NOT NULL,
    -- JSON array of option texts (choice types), else '[]'
    options_json  TEXT          NOT NULL DEFAULT '[]',
    -- JSON key: choice types an array of option indexes; TRUE_FALSE [0|1] (1 = 正确);
    -- FILL an array of accepted answers; CASE_ANALYSIS [] (reference answer below)
    key_json      TEXT          NOT NULL,
    reference_answer TEXT,
    rubric_json   TEXT          NOT NULL DEFAULT '[]',
    explanation   TEXT          NOT NULL DEFAULT '',
    law           VARCHAR(40)   NOT NULL,
    articles      VARCHAR(200)  NOT NULL DEFAULT '',
    domain_code   VARCHAR(32)   NOT NULL,
    difficulty    INT           NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    grades        VARCHAR(100)  NOT NULL DEFAULT '',
    levels        VARCHAR(50)   NOT NULL DEFAULT '',
    tags          VARCHAR(300)  NOT NULL DEFAULT '',
    source_case   VARCHAR(32),
    default_points NUMERIC(5, 2),
    content_hash  VARCHAR(64)   NOT NULL,
    used          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (question_id, number)
);
ALTER TABLE question ADD CONSTRAINT question_current_version_fk
    FOREIGN KEY (current_version_id) REFERENCES question_version (id);
CREATE INDEX question_version_filter ON question_version (type, domain_code, law, difficulty);

CREATE TABLE blueprint (
    id                 BIGSERIAL PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    owner_unit_id      BIGINT        NOT NULL REFERENCES org_unit (id),
    pass_mark          NUMERIC(6, 2) NOT NULL CHECK (pass_mark >= 0),
    shuffle_questions  BOOLEAN       NOT NULL DEFAULT TRUE,
    shuffle_options    BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version            INT           NOT NULL DEFAULT 0
);

-- One section draws `count` questions of one type matching the filters (empty = any).
CREATE TABLE blueprint_section (
    id              BIGSERIAL PRIMARY KEY,
    blueprint_id    BIGINT        NOT NULL REFERENCES blueprint (id) ON DELETE CASCADE,
    position        INT           NOT NULL,
    type            VARCHAR(16)   NOT NULL CHECK (type IN ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL', 'CASE_ANALYSIS')),
    question_count  INT           NOT NULL CHECK (question_count > 0),
    points          NUMERIC(5, 2) NOT NULL CHECK (points > 0),
    -- 多选: share of the points for a correct subset with no wrong option (NULL = all or nothing)
    partial_credit  NUMERIC(3, 2) CHECK (partial_credit IS NULL OR (partial_credit > 0 AND partial_credit < 1)),
    domain_codes    VARCHAR(200)  NOT NULL DEFAULT '',
    laws            VARCHAR(300)  NOT NULL DEFAULT '',
    difficulty_min  INT           NOT NULL DEFAULT 1 CHECK (difficulty_min BETWEEN 1 AND 5),
    difficulty_max  INT           NOT NULL DEFAULT 5 CHECK (difficulty_max BETWEEN 1 AND 5),
    tags            VARCHAR(300)  NOT NULL DEFAULT '',
    UNIQUE (blueprint_id, position),
    CHECK (difficulty_min <= difficulty_max)
);

CREATE TABLE exam (
    id                BIGSERIAL PRIMARY KEY,
    code              VARCHAR(40)   NOT NULL UNIQUE,
    title             VARCHAR(200)  NOT NULL,
    description       VARCHAR(2000) NOT NULL DEFAULT '',
    purpose           VARCHAR(24)   NOT NULL,
    resit_of_exam_id  BIGINT        REFERENCES exam (id),
    domain_code       VARCHAR(32)   NOT NULL,
    blueprint_id      BIGINT        NOT NULL REFERENCES blueprint (id),
    owner_unit_id     BIGINT        NOT NULL REFERENCES org_unit (id),
    opens_at          TIMESTAMPTZ   NOT NULL,
    closes_at         TIMESTAMPTZ   NOT NULL,
    duration_minutes  INT           NOT NULL CHECK (duration_minutes > 0),
    max_attempts      INT           NOT NULL DEFAULT 1 CHECK (max_attempts > 0),
    grading_method    VARCHAR(12)   NOT NULL DEFAULT 'HIGHEST' CHECK (grading_method IN ('HIGHEST', 'LATEST', 'FIRST', 'AVERAGE')),
    review_policy     VARCHAR(16)   NOT NULL DEFAULT 'AFTER_CLOSE' CHECK (review_policy IN ('SCORE_ONLY', 'AFTER_SUBMIT', 'AFTER_CLOSE')),
    -- "90:优秀,80:良好,60:合格,0:不合格" (lower bound in percent : band)
    bands             VARCHAR(300)  NOT NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    published_at      TIMESTAMPTZ,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version           INT           NOT NULL DEFAULT 0,
    CHECK (closes_at > opens_at)
);
CREATE INDEX exam_window ON exam (status, closes_at);

-- The questions each section may draw from, frozen when the exam is published: every
-- candidate draws from the same pool, and the versions in it are marked used (immutable).
CREATE TABLE exam_pool (
    exam_id              BIGINT NOT NULL REFERENCES exam (id),
    section_position     INT    NOT NULL,
    question_version_id  BIGINT NOT NULL REFERENCES question_version (id),
    PRIMARY KEY (exam_id, section_position, question_version_id)
);

-- Audience: filters of one kind are OR-ed, kinds are AND-ed; PERSON rows always qualify.
CREATE TABLE exam_audience (
    exam_id  BIGINT       NOT NULL REFERENCES exam (id) ON DELETE CASCADE,
    kind     VARCHAR(10)  NOT NULL CHECK (kind IN ('CATEGORY', 'GRADE', 'UNIT', 'PROVIDER', 'PERSON')),
    value    VARCHAR(64)  NOT NULL,
    reason   VARCHAR(500),
    PRIMARY KEY (exam_id, kind, value)
);

-- Extra time / attempts / another window for a person or an organisation subtree.
CREATE TABLE exam_override (
    id              BIGSERIAL PRIMARY KEY,
    exam_id         BIGINT        NOT NULL REFERENCES exam (id),
    person_id       BIGINT        REFERENCES person (id),
    unit_id         BIGINT        REFERENCES org_unit (id),
    extra_minutes   INT           NOT NULL DEFAULT 0 CHECK (extra_minutes >= 0),
    extra_attempts  INT           NOT NULL DEFAULT 0 CHECK (extra_attempts >= 0),
    opens_at        TIMESTAMPTZ,
    closes_at       TIMESTAMPTZ,
    reason          VARCHAR(500)  NOT NULL CHECK (length(trim(reason)) > 0),
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);
CREATE INDEX exam_override_exam ON exam_override (exam_id);

CREATE TABLE exam_attempt (
    id               BIGSERIAL PRIMARY KEY,
    exam_id          BIGINT        NOT NULL REFERENCES exam (id),
    person_id        BIGINT        NOT NULL REFERENCES person (id),
    number           INT           NOT NULL,
    status           VARCHAR(12)   NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED', 'GRADED')),
    started_at       TIMESTAMPTZ   NOT NULL,
    deadline_at      TIMESTAMPTZ   NOT NULL,
    submitted_at     TIMESTAMPTZ,
    submit_kind      VARCHAR(10)   CHECK (submit_kind IN ('CANDIDATE', 'AUTO')),
    device_id        VARCHAR(64),
    max_score        NUMERIC(7, 2) NOT NULL,
    score            NUMERIC(7, 2),
    percent          NUMERIC(5, 2),
    band             VARCHAR(16),
    passed           BOOLEAN,
    pending_items    INT           NOT NULL DEFAULT 0,
    graded_at        TIMESTAMPTZ,
    version          INT           NOT NULL DEFAULT 0,
    UNIQUE (exam_id, person_id, number)
);
CREATE INDEX exam_attempt_person ON exam_attempt (person_id, exam_id);
CREATE INDEX exam_attempt_open_deadline ON exam_attempt (deadline_at) WHERE status = 'IN_PROGRESS';

-- The candidate's paper: the exact question versions and option order, and the answers.
CREATE TABLE attempt_item (
    attempt_id           BIGINT        NOT NULL REFERENCES exam_attempt (id),
    position             INT           NOT NULL,
    question_version_id  BIGINT        NOT NULL REFERENCES question_version (id),
    section_position     INT           NOT NULL,
    points               NUMERIC(5, 2) NOT NULL,
    partial_credit       NUMERIC(3, 2),
    -- displayed option i is original option option_order[i], e.g. "2,0,3,1"
    option_order         VARCHAR(40)   NOT NULL DEFAULT '',
    -- JSON, canonical (original option indexes / texts); NULL = unanswered
    answer_json          TEXT,
    answer_seq           BIGINT        NOT NULL DEFAULT 0,
    answered_at          TIMESTAMPTZ,
    flagged              BOOLEAN       NOT NULL DEFAULT FALSE,
    score                NUMERIC(5, 2),
    graded_by            VARCHAR(64),
    graded_at            TIMESTAMPTZ,
    grader_comment       VARCHAR(2000),
    PRIMARY KEY (attempt_id, position)
);
CREATE INDEX attempt_item_question ON attempt_item (question_version_id);

-- Every save as received (accepted or not), for appeals.
CREATE TABLE answer_event (
    id           BIGSERIAL PRIMARY KEY,
    attempt_id   BIGINT        NOT NULL REFERENCES exam_attempt (id),
    position     INT           NOT NULL,
    seq          BIGINT        NOT NULL,
    answer_json  TEXT,
    flagged      BOOLEAN,
    device_id    VARCHAR(64),
    outcome      VARCHAR(12)   NOT NULL CHECK (outcome IN ('APPLIED', 'STALE', 'LATE')),
    received_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX answer_event_attempt ON answer_event (attempt_id, position, seq);
