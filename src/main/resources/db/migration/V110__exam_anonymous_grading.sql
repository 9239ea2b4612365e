-- 匿名阅卷 (issue 13 item 4): graders of an exam with anonymous grading see "考生 #n", not names.
-- On by default for qualification exams and their resits; existing exams follow the same rule.
ALTER TABLE exam ADD COLUMN anonymous_grading BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE exam SET anonymous_grading = TRUE
 WHERE purpose IN ('QUALIFICATION_GENERAL', 'QUALIFICATION_SPECIAL')
    OR (purpose = 'RESIT' AND resit_of_exam_id IN
        (SELECT id FROM exam WHERE purpose IN ('QUALIFICATION_GENERAL', 'QUALIFICATION_SPECIAL')));
