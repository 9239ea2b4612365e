-- Registry: enforcement domains, providers, personnel, their status history, and the
-- link from accounts to people.

-- 执法领域 (the 分类 of the curriculum). "通用" is the common-law category.
CREATE TABLE enforcement_domain (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL UNIQUE,
    name        VARCHAR(50)  NOT NULL UNIQUE,
    sort_order  INT          NOT NULL DEFAULT 0
);
INSERT INTO enforcement_domain (code, name, sort_order) VALUES
    ('ZHZF', '综合行政执法', 1), ('SCJG', '市场监管', 2), ('STHJ', '生态环境', 3),
    ('JTYS', '交通运输', 4), ('WHSC', '文化市场', 5), ('NYNC', '农业农村', 6),
    ('YJGL', '应急管理', 7), ('WSJK', '卫生健康', 8), ('ZRZY', '自然资源', 9),
    ('TY', '通用', 99);

ALTER TABLE department ADD COLUMN domain_id BIGINT REFERENCES enforcement_domain (id);

-- Third-party institutions (第三方机构), identified by the 统一社会信用代码 (GB 32100).
CREATE TABLE provider (
    id                    BIGSERIAL PRIMARY KEY,
    credit_code           VARCHAR(18)  NOT NULL UNIQUE,
    name                  VARCHAR(200) NOT NULL,
    service_categories    VARCHAR(500) NOT NULL DEFAULT '',
    commissioning_unit_id BIGINT       NOT NULL REFERENCES org_unit (id),
    contract_start        DATE,
    contract_end          DATE,
    status                VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    contact_name          VARCHAR(50),
    contact_phone         VARCHAR(20),
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version               INT          NOT NULL DEFAULT 0,
    CHECK (contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start)
);
CREATE INDEX provider_unit ON provider (commissioning_unit_id);

ALTER TABLE account ADD CONSTRAINT account_provider_fk FOREIGN KEY (provider_id) REFERENCES provider (id);

-- Personnel. The resident ID number is never stored in clear: id_hash (HMAC-SHA256 with a
-- server secret) lets us check a number and keep numbers unique; id_masked is what is shown.
CREATE SEQUENCE person_seq START 1 INCREMENT 50;
CREATE TABLE person (
    id              BIGINT       PRIMARY KEY,
    name            VARCHAR(50)  NOT NULL,
    employee_no     VARCHAR(32)  NOT NULL UNIQUE,
    category        VARCHAR(20)  NOT NULL CHECK (category IN ('OFFICER', 'LEGAL_REVIEWER', 'AUXILIARY', 'PROVIDER_STAFF')),
    grade           VARCHAR(10)  NOT NULL CHECK (grade IN ('NEW', 'SERVING', 'CORE', 'LEADER')),
    unit_id         BIGINT       NOT NULL REFERENCES org_unit (id),
    department_id   BIGINT       REFERENCES department (id),
    provider_id     BIGINT       REFERENCES provider (id),
    cert_no         VARCHAR(32),
    status          VARCHAR(12)  NOT NULL CHECK (status IN ('ACTIVE', 'ON_LEAVE', 'TRANSFERRED')),
    status_since    DATE         NOT NULL,
    id_hash         VARCHAR(64)  NOT NULL UNIQUE,
    id_masked       VARCHAR(18)  NOT NULL,
    mobile          VARCHAR(11),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         INT          NOT NULL DEFAULT 0,
    CHECK ((category = 'PROVIDER_STAFF') = (provider_id IS NOT NULL))
);
CREATE INDEX person_unit ON person (unit_id);
CREATE INDEX person_provider ON person (provider_id);
CREATE INDEX person_name ON person (name varchar_pattern_ops);
CREATE INDEX person_filters ON person (category, grade, status);

CREATE TABLE person_domain (
    person_id  BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    domain_id  BIGINT NOT NULL REFERENCES enforcement_domain (id),
    PRIMARY KEY (person_id, domain_id)
);
CREATE INDEX person_domain_domain ON person_domain (domain_id);

-- Employment status history (在岗 / 离岗 / 调离): every change, never overwritten.
CREATE SEQUENCE person_status_change_seq START 1 INCREMENT 50;
CREATE TABLE person_status_change (
    id           BIGINT       PRIMARY KEY,
    person_id    BIGINT       NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    status       VARCHAR(12)  NOT NULL,
    since        DATE         NOT NULL,
    reason       VARCHAR(200),
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX person_status_change_person ON person_status_change (person_id, recorded_at);

ALTER TABLE account ADD COLUMN person_id BIGINT UNIQUE REFERENCES person (id);

-- Roster imports: the uploaded file lives in the object store between preview and commit.
CREATE TABLE roster_import (
    id            BIGSERIAL PRIMARY KEY,
    media_id      BIGINT       NOT NULL REFERENCES media_object (id),
    filename      VARCHAR(255) NOT NULL,
    uploaded_by   VARCHAR(64)  NOT NULL,
    status        VARCHAR(12)  NOT NULL CHECK (status IN ('PREVIEWED', 'COMMITTED')),
    total_rows    INT          NOT NULL,
    error_count   INT          NOT NULL,
    created_count INT,
    updated_count INT,
    unchanged_count INT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    committed_at  TIMESTAMPTZ
);
