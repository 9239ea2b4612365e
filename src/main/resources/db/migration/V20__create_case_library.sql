-- Case library (案例库): typical cases with versions, a review workflow and a Chinese
-- full-text index whose tokens the service produces (smartcn words, CJK bigrams, citations).

-- One row per case code; the content lives in its versions.
CREATE TABLE typical_case (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL UNIQUE,
    origin      VARCHAR(10)  NOT NULL CHECK (origin IN ('IMPORTED', 'AUTHORED')),
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INT          NOT NULL DEFAULT 0
);

-- Every version of a case. Published versions are never edited: a revision is a new row, and
-- the older published one becomes SUPERSEDED but stays readable.
CREATE TABLE case_version (
    id               BIGSERIAL PRIMARY KEY,
    case_id          BIGINT       NOT NULL REFERENCES typical_case (id),
    version_no       INT          NOT NULL CHECK (version_no >= 1),
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'WITHDRAWN', 'SUPERSEDED')),
    title            VARCHAR(200) NOT NULL,
    keywords         TEXT[]       NOT NULL,
    domain_id        BIGINT       NOT NULL REFERENCES enforcement_domain (id),
    matter           VARCHAR(200) NOT NULL,
    case_type        VARCHAR(16)  NOT NULL CHECK (case_type IN ('PENALTY', 'COERCION', 'INSPECTION', 'LICENSING', 'SUPERVISION', 'RECONSIDERATION', 'LITIGATION', 'DISCLOSURE')),
    org_level        VARCHAR(16)  NOT NULL CHECK (org_level IN ('CITY', 'DISTRICT', 'TOWN')),
    tags             TEXT[]       NOT NULL,
    source           VARCHAR(300) NOT NULL,
    case_date        DATE         NOT NULL,
    facts            TEXT         NOT NULL,
    investigation    TEXT         NOT NULL,
    handling         TEXT         NOT NULL,
    discretion       TEXT         NOT NULL,
    procedure_points TEXT         NOT NULL,
    significance     TEXT         NOT NULL,
    mistakes         TEXT         NOT NULL,
    -- SHA-256 of the canonical Markdown: an unchanged file re-imports as a no-op
    content_hash     VARCHAR(64)  NOT NULL,
    author           VARCHAR(64)  NOT NULL,
    reviewer         VARCHAR(64),
    review_comment   VARCHAR(1000),
    submitted_at     TIMESTAMPTZ,
    reviewed_at      TIMESTAMPTZ,
    published_at     TIMESTAMPTZ,
    published_by     VARCHAR(64),
    withdrawn_at     TIMESTAMPTZ,
    withdrawn_by     VARCHAR(64),
    withdraw_reason  VARCHAR(500),
    -- imported versions: the file inside the case folder
    source_file      VARCHAR(300),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version          INT          NOT NULL DEFAULT 0,
    UNIQUE (case_id, version_no),
    -- four eyes (四眼原则), also in the database: nobody reviews their own case
    CHECK (reviewer IS NULL OR reviewer <> author)
);
-- at most one published and at most one open (draft / in review / approved) version per case
CREATE UNIQUE INDEX case_version_one_published ON case_version (case_id) WHERE status = 'PUBLISHED';
CREATE UNIQUE INDEX case_version_one_open ON case_version (case_id) WHERE status IN ('DRAFT', 'IN_REVIEW', 'APPROVED');
CREATE INDEX case_version_status ON case_version (status, updated_at);

-- 法律依据: statute short name + article number (+ note), in the order the case lists them.
CREATE TABLE case_legal_basis (
    version_id  BIGINT       NOT NULL REFERENCES case_version (id) ON DELETE CASCADE,
    seq         INT          NOT NULL,
    law         VARCHAR(50)  NOT NULL,
    article     INT          NOT NULL CHECK (article > 0),
    note        VARCHAR(500),
    PRIMARY KEY (version_id, seq)
);
CREATE INDEX case_legal_basis_article ON case_legal_basis (law, article);

-- Attachments (documents) kept in the object store.
CREATE TABLE case_attachment (
    version_id  BIGINT       NOT NULL REFERENCES case_version (id) ON DELETE CASCADE,
    seq         INT          NOT NULL,
    media_id    BIGINT       NOT NULL REFERENCES media_object (id),
    title       VARCHAR(200) NOT NULL,
    PRIMARY KEY (version_id, seq)
);

-- The search index: exactly the published cases, one row each, with the facet columns.
-- "document" holds tokens the service produced (weights: A title/keywords/code,
-- B matter/legal basis/tags, C body, D source); PostgreSQL only stores, matches and ranks them.
-- "head" repeats the A and B tokens without the body. One GIN index covers both columns, so
-- "matches the query and has a query word in its head" is a single index scan: a search with
-- tens of thousands of matches ranks only those head hits and reads the full "document" of the
-- best few. Both vectors live out of line (toast_tuple_target), so the rows stay narrow and
-- counting facets over tens of thousands of matches reads few pages.
CREATE TABLE case_search (
    case_id         BIGINT       PRIMARY KEY REFERENCES typical_case (id),
    version_id      BIGINT       NOT NULL UNIQUE REFERENCES case_version (id),
    code            VARCHAR(32)  NOT NULL,
    domain_id       BIGINT       NOT NULL,
    case_type       VARCHAR(16)  NOT NULL,
    matter          VARCHAR(200) NOT NULL,
    org_level       VARCHAR(16)  NOT NULL,
    case_year       INT          NOT NULL,
    tags            TEXT[]       NOT NULL,
    case_date       DATE         NOT NULL,
    -- statute#article of the legal basis, for "related cases"
    citations       TEXT[]       NOT NULL,
    document        TSVECTOR     NOT NULL,
    head            TSVECTOR     NOT NULL,
    tokens_version  INT          NOT NULL
);
-- keep only the two vectors out of line; the facet columns must stay in the row (PLAIN),
-- or counting them would read TOAST for every match
ALTER TABLE case_search SET (toast_tuple_target = 128);
ALTER TABLE case_search ALTER COLUMN code SET STORAGE PLAIN, ALTER COLUMN case_type SET STORAGE PLAIN,
    ALTER COLUMN matter SET STORAGE PLAIN, ALTER COLUMN org_level SET STORAGE PLAIN,
    ALTER COLUMN tags SET STORAGE PLAIN, ALTER COLUMN citations SET STORAGE PLAIN;
CREATE INDEX case_search_tokens ON case_search USING GIN (document, head);
CREATE INDEX case_search_tags ON case_search USING GIN (tags);
CREATE INDEX case_search_citations ON case_search USING GIN (citations);
CREATE INDEX case_search_date ON case_search (case_date DESC, code);
