-- Issue 11, item 7: every refused save is logged with its true reason. Until now a save refused
-- because the attempt was already submitted, or because another device had taken it over, was
-- logged as LATE.
ALTER TABLE answer_event ALTER COLUMN outcome TYPE VARCHAR(16);
ALTER TABLE answer_event DROP CONSTRAINT answer_event_outcome_check;
ALTER TABLE answer_event ADD CONSTRAINT answer_event_outcome_check
    CHECK (outcome IN ('APPLIED', 'STALE', 'LATE', 'SUBMITTED', 'DEVICE_REPLACED'));
