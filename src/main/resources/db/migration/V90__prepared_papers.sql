-- Issue 11 (exam day at city scale): every candidate's paper is drawn before the bell.
-- A prepared paper is an exam_attempt in status PREPARED with its attempt_item rows; it has no
-- start and no deadline until its candidate presses 开始, which is one UPDATE that stamps both.
-- Prepared attempts are invisible to candidates and to every report until they are started.
ALTER TABLE exam_attempt DROP CONSTRAINT exam_attempt_status_check;
ALTER TABLE exam_attempt ADD CONSTRAINT exam_attempt_status_check
    CHECK (status IN ('PREPARED', 'IN_PROGRESS', 'SUBMITTED', 'GRADED'));
ALTER TABLE exam_attempt ALTER COLUMN started_at DROP NOT NULL;
ALTER TABLE exam_attempt ALTER COLUMN deadline_at DROP NOT NULL;
ALTER TABLE exam_attempt ADD CONSTRAINT exam_attempt_clock_unless_prepared
    CHECK (status = 'PREPARED' OR (started_at IS NOT NULL AND deadline_at IS NOT NULL));
-- at most one paper waiting or running per candidate and exam: a prepared paper and an
-- on-demand draw can never both exist, whichever comes first (the other is ON CONFLICT DO NOTHING)
CREATE UNIQUE INDEX exam_attempt_one_open ON exam_attempt (exam_id, person_id)
    WHERE status IN ('PREPARED', 'IN_PROGRESS');
