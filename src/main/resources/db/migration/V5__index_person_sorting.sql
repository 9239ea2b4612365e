-- People lists sort by name by default; the LIKE index (varchar_pattern_ops) cannot serve ORDER BY.
CREATE INDEX person_name_sort ON person (name, id);
CREATE INDEX person_domain_person ON person_domain (domain_id, person_id);
