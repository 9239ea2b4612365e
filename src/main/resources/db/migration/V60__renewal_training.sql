-- Renewal training (换证培训): plans whose audience is a named list rather than a registry rule.
-- Their assignments are opened one by one (e.g. when a qualification enters its renewal window)
-- and the audience sync neither adds nor closes them.
ALTER TABLE training_plan ADD COLUMN named_only BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE plan_assignment ADD COLUMN pinned_reason VARCHAR(300);

-- Default renewal courses (the repository's common-law courses); editable per type. A course
-- code that does not exist is skipped, so a fresh production database assigns nothing until the
-- courses are imported.
UPDATE qualification_type SET renewal_courses = 'TY-CFCX,TY-SXZD' WHERE code IN ('ZFZG', 'FZSH') AND renewal_courses = '';
