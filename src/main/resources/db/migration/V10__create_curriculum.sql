-- Curriculum (分类分级分层): courses with frozen published versions, micro-lessons,
-- training plans with registry-driven assignments, learning progress and the hours ledger.

CREATE TABLE course (
    id                  BIGSERIAL PRIMARY KEY,
    code                VARCHAR(32)  NOT NULL UNIQUE,
    -- 分类: an enforcement domain, or 通用
    domain_id           BIGINT       NOT NULL REFERENCES enforcement_domain (id),
    status              VARCHAR(12)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    -- the version learners start now (null until first publication)
    published_version_id BIGINT,
    created_by          VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             INT          NOT NULL DEFAULT 0
);

-- A version is editable while draft and frozen once published.
CREATE TABLE course_version (
    id            BIGSERIAL PRIMARY KEY,
    course_id     BIGINT        NOT NULL REFERENCES course (id),
    number        INT           NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    summary       VARCHAR(1000) NOT NULL DEFAULT '',
    -- 分级 and 分层, comma-separated enum names
    grades        VARCHAR(100)  NOT NULL,
    levels        VARCHAR(50)   NOT NULL,
    credit_hours  NUMERIC(5, 1) NOT NULL CHECK (credit_hours >= 0),
    content_hash  VARCHAR(64),
    significant   BOOLEAN       NOT NULL DEFAULT FALSE,
    published_at  TIMESTAMPTZ,
    published_by  VARCHAR(64),
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (course_id, number)
);
ALTER TABLE course ADD CONSTRAINT course_published_version_fk
    FOREIGN KEY (published_version_id) REFERENCES course_version (id);

CREATE TABLE course_prerequisite (
    course_id        BIGINT NOT NULL REFERENCES course (id),
    prerequisite_id  BIGINT NOT NULL REFERENCES course (id),
    PRIMARY KEY (course_id, prerequisite_id),
    CHECK (course_id <> prerequisite_id)
);

CREATE TABLE lesson (
    id                  BIGSERIAL PRIMARY KEY,
    course_version_id   BIGINT        NOT NULL REFERENCES course_version (id) ON DELETE CASCADE,
    -- stable across versions: progress follows the key when a course is revised
    lesson_key          VARCHAR(100)  NOT NULL,
    position            INT           NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    type                VARCHAR(10)   NOT NULL CHECK (type IN ('VIDEO', 'ARTICLE', 'SLIDES', 'CASE', 'CHECK')),
    duration_minutes    INT           NOT NULL CHECK (duration_minutes > 0),
    required            BOOLEAN       NOT NULL DEFAULT TRUE,
    body_md             TEXT          NOT NULL DEFAULT '',
    media_id            BIGINT        REFERENCES media_object (id),
    subtitles_media_id  BIGINT        REFERENCES media_object (id),
    case_code           VARCHAR(32),
    -- check lessons: the questions as JSON (keys included; never sent to learners)
    check_json          TEXT,
    pass_score          INT,
    UNIQUE (course_version_id, lesson_key),
    UNIQUE (course_version_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE training_plan (
    id              BIGSERIAL PRIMARY KEY,
    year            INT           NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    owning_unit_id  BIGINT        NOT NULL REFERENCES org_unit (id),
    -- audience: empty list = any; the unit subtree is owning_unit_id's unless narrowed
    categories      VARCHAR(100)  NOT NULL DEFAULT '',
    grades          VARCHAR(100)  NOT NULL DEFAULT '',
    levels          VARCHAR(50)   NOT NULL DEFAULT '',
    domain_ids      VARCHAR(200)  NOT NULL DEFAULT '',
    audience_unit_id BIGINT       REFERENCES org_unit (id),
    required_hours  NUMERIC(5, 1) NOT NULL CHECK (required_hours >= 0),
    due_date        DATE          NOT NULL,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         INT           NOT NULL DEFAULT 0
);

CREATE TABLE training_plan_course (
    plan_id    BIGINT NOT NULL REFERENCES training_plan (id) ON DELETE CASCADE,
    course_id  BIGINT NOT NULL REFERENCES course (id),
    PRIMARY KEY (plan_id, course_id)
);

-- Who a plan applies to. Closed (not deleted) when the person leaves the audience.
CREATE TABLE plan_assignment (
    id            BIGSERIAL PRIMARY KEY,
    plan_id       BIGINT       NOT NULL REFERENCES training_plan (id) ON DELETE CASCADE,
    person_id     BIGINT       NOT NULL REFERENCES person (id),
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    closed_at     TIMESTAMPTZ,
    close_reason  VARCHAR(200),
    UNIQUE (plan_id, person_id)
);
CREATE INDEX plan_assignment_person ON plan_assignment (person_id, status);

CREATE TABLE enrollment (
    id                 BIGSERIAL PRIMARY KEY,
    person_id          BIGINT       NOT NULL REFERENCES person (id),
    course_id          BIGINT       NOT NULL REFERENCES course (id),
    course_version_id  BIGINT       NOT NULL REFERENCES course_version (id),
    started_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at       TIMESTAMPTZ,
    UNIQUE (person_id, course_id)
);

CREATE TABLE lesson_progress (
    id                 BIGSERIAL PRIMARY KEY,
    enrollment_id      BIGINT        NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
    lesson_key         VARCHAR(100)  NOT NULL,
    furthest_seconds   NUMERIC(9, 1) NOT NULL DEFAULT 0,
    position_seconds   NUMERIC(9, 1) NOT NULL DEFAULT 0,
    duration_seconds   NUMERIC(9, 1),
    check_score        INT,
    completed_at       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (enrollment_id, lesson_key)
);

-- 学时台账. A course credits its hours once per person per year (the partial unique index);
-- offline training (classroom days…) carries an evidence file.
CREATE TABLE hours_ledger (
    id                 BIGSERIAL PRIMARY KEY,
    person_id          BIGINT        NOT NULL REFERENCES person (id),
    year               INT           NOT NULL,
    hours              NUMERIC(5, 1) NOT NULL CHECK (hours > 0),
    source             VARCHAR(10)   NOT NULL CHECK (source IN ('COURSE', 'OFFLINE')),
    course_id          BIGINT        REFERENCES course (id),
    description        VARCHAR(200)  NOT NULL,
    evidence_media_id  BIGINT        REFERENCES media_object (id),
    recorded_by        VARCHAR(64)   NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((source = 'COURSE') = (course_id IS NOT NULL)),
    CHECK (source = 'COURSE' OR evidence_media_id IS NOT NULL)
);
CREATE UNIQUE INDEX hours_once_per_course_year ON hours_ledger (person_id, course_id, year) WHERE source = 'COURSE';
CREATE INDEX hours_person_year ON hours_ledger (person_id, year);
