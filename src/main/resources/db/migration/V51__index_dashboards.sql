-- Dashboard aggregates read one year of the hours ledger and of the exam records at a time:
-- covering indexes let them scan that year alone (index-only) instead of the whole table.
-- Measured with DashboardBenchmark (docs/operations.md, Benchmarks).
CREATE INDEX hours_year_person ON hours_ledger (year, person_id) INCLUDE (hours);
CREATE INDEX exam_record_finished ON exam_record (finished_at) INCLUDE (person_id, exam_id, domain_code, passed, score);
-- completed enrollments of a person, for plan completion
CREATE INDEX enrollment_completed ON enrollment (course_id, person_id) WHERE completed_at IS NOT NULL;
