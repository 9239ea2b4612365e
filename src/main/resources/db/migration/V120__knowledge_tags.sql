-- Knowledge-point tags (知识点标签, issue 14 item 1) of lessons and typical cases, written by the
-- content importers. Codes are those of courses/knowledge-points.yaml (checked on import, not by
-- a foreign key: the taxonomy is a file). Question tags live in question_version.tags as
-- "知识点:<code>", so that every question version keeps the tags it was written with.
CREATE TABLE knowledge_tag (
    subject_kind VARCHAR(16) NOT NULL CHECK (subject_kind IN ('LESSON', 'CASE')),
    subject_id   BIGINT      NOT NULL,
    code         VARCHAR(64) NOT NULL,
    PRIMARY KEY (subject_kind, subject_id, code)
);

CREATE INDEX knowledge_tag_by_code ON knowledge_tag (code, subject_kind);
