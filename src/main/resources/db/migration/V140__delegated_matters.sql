-- 赋权事项: the catalogue of enforcement matters delegated to towns (乡镇、街道), the towns that
-- received each matter, and its links to courses, cases and questions (by code, directly or
-- through knowledge points). Readiness is computed from these and the existing records.
CREATE TABLE delegated_matter (
    id                BIGSERIAL PRIMARY KEY,
    -- 事项编码 as published in the catalogue; re-imports match on it
    code              VARCHAR(40)   NOT NULL UNIQUE,
    name              VARCHAR(200)  NOT NULL,
    domain_id         BIGINT        NOT NULL REFERENCES enforcement_domain (id),
    -- 法律依据: statute and articles as text, e.g. "《城乡规划法》第六十五条"
    legal_basis       VARCHAR(1000) NOT NULL,
    high_frequency    BOOLEAN       NOT NULL DEFAULT FALSE,
    -- the date the delegation takes effect
    effective_on      DATE          NOT NULL,
    -- comma-separated codes (knowledge points, course, case and question codes)
    knowledge_points  VARCHAR(500)  NOT NULL DEFAULT '',
    course_codes      VARCHAR(500)  NOT NULL DEFAULT '',
    case_codes        VARCHAR(500)  NOT NULL DEFAULT '',
    question_codes    VARCHAR(1000) NOT NULL DEFAULT '',
    created_by        VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version           INT           NOT NULL DEFAULT 0
);

CREATE TABLE delegated_matter_town (
    matter_id  BIGINT NOT NULL REFERENCES delegated_matter (id) ON DELETE CASCADE,
    unit_id    BIGINT NOT NULL REFERENCES org_unit (id),
    PRIMARY KEY (matter_id, unit_id)
);
CREATE INDEX delegated_matter_town_unit ON delegated_matter_town (unit_id);
