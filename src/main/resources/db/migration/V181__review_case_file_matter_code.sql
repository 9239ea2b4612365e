-- 案卷评查 (issue 14 item 2): a case file's matter is chosen from the 赋权事项 catalogue, so the
-- readiness view's "review findings" column can find the files of a matter by its code even
-- when the catalogue renames it. matter keeps the name as entered (the catalogue's name at the
-- time, or the text of a matter outside the catalogue: matter_code NULL).
ALTER TABLE review_case_file ADD COLUMN matter_code VARCHAR(40);
UPDATE review_case_file cf SET matter_code = m.code
  FROM delegated_matter m WHERE cf.matter_code IS NULL AND (cf.matter = m.code OR cf.matter = m.name);
CREATE INDEX review_case_file_matter_code ON review_case_file (matter_code) WHERE matter_code IS NOT NULL;
