-- Organisation tree 市 → 区县 → 镇街 and the departments inside its units.
-- "path" is a materialised path of ids ("/1/4/9/") so that a subtree is one
-- indexed prefix scan: the organisation-scope checks rely on it.
CREATE TABLE org_unit (
    id          BIGSERIAL PRIMARY KEY,
    parent_id   BIGINT REFERENCES org_unit (id),
    code        VARCHAR(32)  NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(16)  NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'TOWN')),
    town_type   VARCHAR(32),
    path        VARCHAR(512) NOT NULL UNIQUE,
    sort_order  INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INT          NOT NULL DEFAULT 0,
    CHECK ((level = 'CITY') = (parent_id IS NULL))
);
CREATE INDEX org_unit_path_prefix ON org_unit (path varchar_pattern_ops);
CREATE INDEX org_unit_parent ON org_unit (parent_id);

CREATE TABLE department (
    id           BIGSERIAL PRIMARY KEY,
    org_unit_id  BIGINT       NOT NULL REFERENCES org_unit (id),
    code         VARCHAR(32)  NOT NULL UNIQUE,
    name         VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version      INT          NOT NULL DEFAULT 0,
    UNIQUE (org_unit_id, name)
);
