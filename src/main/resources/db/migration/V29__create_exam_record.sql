-- 考试档案: each person's kept result per exam, maintained by the exam engine through the
-- ExamResultRecorded event. Qualifications, evaluations, records and dashboards read it;
-- the exam engine's own tables (V30+) stay the source of truth.
CREATE TABLE exam_record (
    id             BIGSERIAL PRIMARY KEY,
    person_id      BIGINT        NOT NULL REFERENCES person (id),
    exam_id        BIGINT        NOT NULL,
    exam_code      VARCHAR(40)   NOT NULL,
    exam_title     VARCHAR(200)  NOT NULL,
    purpose        VARCHAR(24)   NOT NULL,
    resit          BOOLEAN       NOT NULL DEFAULT FALSE,
    domain_code    VARCHAR(32)   NOT NULL,
    score          NUMERIC(5, 2) NOT NULL CHECK (score >= 0 AND score <= 100),
    band           VARCHAR(16)   NOT NULL,
    passed         BOOLEAN       NOT NULL,
    attempts_used  INT           NOT NULL DEFAULT 1,
    finished_at    TIMESTAMPTZ   NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (person_id, exam_id)
);
CREATE INDEX exam_record_person ON exam_record (person_id, finished_at DESC);
CREATE INDEX exam_record_exam ON exam_record (exam_id);
CREATE INDEX exam_record_domain_finished ON exam_record (domain_code, finished_at);
