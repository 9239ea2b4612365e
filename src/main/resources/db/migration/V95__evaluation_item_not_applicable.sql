-- A pulled assessment item without data (no exam in the window, no hours yet) is 不适用:
-- left out of the total, the other items' weights re-normalised (issue 13).
ALTER TABLE evaluation_score ADD COLUMN not_applicable BOOLEAN NOT NULL DEFAULT FALSE;
