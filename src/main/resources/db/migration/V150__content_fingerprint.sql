-- Issue 16 (start-up): the fingerprint of each content folder (courses, cases, question bank) as of
-- its last successful import at start. A start whose folder has the same fingerprint skips the
-- import without reading a file, so nothing on the start path grows with the amount of content.
CREATE TABLE content_fingerprint (
    kind          VARCHAR(40)  PRIMARY KEY,
    folder        VARCHAR(500) NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    files         INT          NOT NULL,
    imported_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
