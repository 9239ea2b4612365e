-- Issue 16 (dashboards): aggregates per unit × year (× hours, × domain × exam) kept up to date by
-- the writes that change them — triggers on hours_ledger, exam_record and person — so that a panel
-- reads a few hundred rows whatever the history. Drill-downs still read the base tables (exact).
--
--   dash_person_hours  one person's hours total per year (the ledger's sum)
--   dash_unit_people   counted people per unit now (在岗, not provider staff): the hours panel's "people"
--   dash_unit_hours    counted people per unit × year × whole hours reached (floor of the total,
--                      capped at 1000): "reached the target T" = sum over whole_hours >= T, for any
--                      integer target, so changing academy.learning.annual-hours-target needs no rebuild
--   dash_unit_exam     exam records per (current) unit of the candidate × year (Asia/Shanghai) ×
--                      domain × exam: candidates, passed, score sum, latest finish
--
-- A person moving unit, changing status or category moves their contributions. dash_rebuild()
-- recomputes everything from the base tables (used below and by the benchmark after bulk loads).

CREATE TABLE dash_person_hours (
    person_id  BIGINT        NOT NULL,
    year       INT           NOT NULL,
    hours      NUMERIC(9, 1) NOT NULL,
    PRIMARY KEY (person_id, year)
);

CREATE TABLE dash_unit_people (
    unit_id  BIGINT PRIMARY KEY,
    people   INT    NOT NULL
);

CREATE TABLE dash_unit_hours (
    unit_id      BIGINT NOT NULL,
    year         INT    NOT NULL,
    whole_hours  INT    NOT NULL,
    people       INT    NOT NULL,
    PRIMARY KEY (unit_id, year, whole_hours)
);

CREATE TABLE dash_unit_exam (
    unit_id        BIGINT         NOT NULL,
    year           INT            NOT NULL,
    domain_code    VARCHAR(32)    NOT NULL,
    exam_id        BIGINT         NOT NULL,
    exam_title     VARCHAR(200)   NOT NULL,
    candidates     INT            NOT NULL,
    passed         INT            NOT NULL,
    score_sum      NUMERIC(14, 2) NOT NULL,
    last_finished  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (unit_id, year, domain_code, exam_id)
);
CREATE INDEX dash_unit_exam_year ON dash_unit_exam (year, unit_id);

CREATE FUNCTION dash_counted(p_status VARCHAR, p_category VARCHAR) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE AS $$ SELECT p_status = 'ACTIVE' AND p_category <> 'PROVIDER_STAFF' $$;

CREATE FUNCTION dash_bucket(p_hours NUMERIC) RETURNS INT
    LANGUAGE sql IMMUTABLE AS $$ SELECT LEAST(floor(p_hours), 1000)::int $$;

CREATE FUNCTION dash_exam_year(p_finished TIMESTAMPTZ) RETURNS INT
    LANGUAGE sql IMMUTABLE AS $$ SELECT EXTRACT(YEAR FROM p_finished AT TIME ZONE 'Asia/Shanghai')::int $$;

CREATE FUNCTION dash_add_people(p_unit BIGINT, p_delta INT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO dash_unit_people AS d (unit_id, people) VALUES (p_unit, p_delta)
    ON CONFLICT (unit_id) DO UPDATE SET people = d.people + EXCLUDED.people
$$;

CREATE FUNCTION dash_add_bucket(p_unit BIGINT, p_year INT, p_bucket INT, p_delta INT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO dash_unit_hours AS d (unit_id, year, whole_hours, people) VALUES (p_unit, p_year, p_bucket, p_delta)
    ON CONFLICT (unit_id, year, whole_hours) DO UPDATE SET people = d.people + EXCLUDED.people
$$;

CREATE FUNCTION dash_add_exam(p_unit BIGINT, p_finished TIMESTAMPTZ, p_domain VARCHAR, p_exam BIGINT, p_title VARCHAR,
                              p_passed BOOLEAN, p_score NUMERIC, p_sign INT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO dash_unit_exam AS d (unit_id, year, domain_code, exam_id, exam_title, candidates, passed, score_sum,
                                     last_finished)
    VALUES (p_unit, dash_exam_year(p_finished), p_domain, p_exam, p_title, p_sign,
            CASE WHEN p_passed THEN p_sign ELSE 0 END, p_sign * p_score, p_finished)
    ON CONFLICT (unit_id, year, domain_code, exam_id) DO UPDATE SET
        candidates = d.candidates + EXCLUDED.candidates,
        passed = d.passed + EXCLUDED.passed,
        score_sum = d.score_sum + EXCLUDED.score_sum,
        exam_title = CASE WHEN p_sign > 0 THEN EXCLUDED.exam_title ELSE d.exam_title END,
        last_finished = CASE WHEN p_sign > 0 THEN GREATEST(d.last_finished, EXCLUDED.last_finished)
                             ELSE d.last_finished END
$$;

-- one person's hours total of a year changes by p_delta
CREATE FUNCTION dash_hours_delta(p_person BIGINT, p_year INT, p_delta NUMERIC) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_after    NUMERIC;
    v_inserted BOOLEAN;
    v_unit     BIGINT;
    v_counted  BOOLEAN;
    v_old      INT;
    v_new      INT;
BEGIN
    INSERT INTO dash_person_hours AS d (person_id, year, hours) VALUES (p_person, p_year, p_delta)
    ON CONFLICT (person_id, year) DO UPDATE SET hours = d.hours + EXCLUDED.hours
    RETURNING d.hours, (xmax = 0) INTO v_after, v_inserted;
    SELECT unit_id, dash_counted(status, category) INTO v_unit, v_counted FROM person WHERE id = p_person;
    IF NOT coalesce(v_counted, FALSE) THEN
        RETURN;
    END IF;
    v_new := dash_bucket(v_after);
    IF v_inserted THEN
        PERFORM dash_add_bucket(v_unit, p_year, v_new, 1);
        RETURN;
    END IF;
    v_old := dash_bucket(v_after - p_delta);
    IF v_old = v_new THEN
        RETURN;
    END IF;
    -- lower bucket first: two writers always lock aggregate rows in the same order
    IF v_old < v_new THEN
        PERFORM dash_add_bucket(v_unit, p_year, v_old, -1);
        PERFORM dash_add_bucket(v_unit, p_year, v_new, 1);
    ELSE
        PERFORM dash_add_bucket(v_unit, p_year, v_new, 1);
        PERFORM dash_add_bucket(v_unit, p_year, v_old, -1);
    END IF;
END $$;

CREATE FUNCTION dash_on_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM dash_hours_delta(OLD.person_id, OLD.year, -OLD.hours);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM dash_hours_delta(NEW.person_id, NEW.year, NEW.hours);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER dash_hours AFTER INSERT OR UPDATE OF person_id, year, hours OR DELETE ON hours_ledger
    FOR EACH ROW EXECUTE FUNCTION dash_on_hours();

CREATE FUNCTION dash_on_exam() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM dash_add_exam((SELECT unit_id FROM person WHERE id = OLD.person_id), OLD.finished_at, OLD.domain_code,
                              OLD.exam_id, OLD.exam_title, OLD.passed, OLD.score, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM dash_add_exam((SELECT unit_id FROM person WHERE id = NEW.person_id), NEW.finished_at, NEW.domain_code,
                              NEW.exam_id, NEW.exam_title, NEW.passed, NEW.score, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER dash_exam AFTER INSERT OR UPDATE OF person_id, finished_at, domain_code, exam_id, exam_title, passed, score
    OR DELETE ON exam_record FOR EACH ROW EXECUTE FUNCTION dash_on_exam();

-- a person's unit, status or category changes: move what they contribute
CREATE FUNCTION dash_on_person() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_old_counted BOOLEAN := TG_OP <> 'INSERT' AND dash_counted(OLD.status, OLD.category);
    v_new_counted BOOLEAN := TG_OP <> 'DELETE' AND dash_counted(NEW.status, NEW.category);
    r RECORD;
BEGIN
    IF TG_OP = 'UPDATE' AND v_old_counted = v_new_counted AND OLD.unit_id = NEW.unit_id THEN
        RETURN NULL;
    END IF;
    IF v_old_counted THEN
        PERFORM dash_add_people(OLD.unit_id, -1);
        FOR r IN SELECT year, hours FROM dash_person_hours WHERE person_id = OLD.id LOOP
            PERFORM dash_add_bucket(OLD.unit_id, r.year, dash_bucket(r.hours), -1);
        END LOOP;
    END IF;
    IF v_new_counted THEN
        PERFORM dash_add_people(NEW.unit_id, 1);
        FOR r IN SELECT year, hours FROM dash_person_hours WHERE person_id = NEW.id LOOP
            PERFORM dash_add_bucket(NEW.unit_id, r.year, dash_bucket(r.hours), 1);
        END LOOP;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.unit_id <> NEW.unit_id THEN
        FOR r IN SELECT * FROM exam_record WHERE person_id = NEW.id LOOP
            PERFORM dash_add_exam(OLD.unit_id, r.finished_at, r.domain_code, r.exam_id, r.exam_title, r.passed, r.score, -1);
            PERFORM dash_add_exam(NEW.unit_id, r.finished_at, r.domain_code, r.exam_id, r.exam_title, r.passed, r.score, 1);
        END LOOP;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER dash_person AFTER INSERT OR UPDATE OF unit_id, status, category OR DELETE ON person
    FOR EACH ROW EXECUTE FUNCTION dash_on_person();

-- everything again from the base tables (after bulk loads that bypassed the triggers)
CREATE FUNCTION dash_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM dash_person_hours;
    DELETE FROM dash_unit_people;
    DELETE FROM dash_unit_hours;
    DELETE FROM dash_unit_exam;
    INSERT INTO dash_person_hours (person_id, year, hours)
        SELECT person_id, year, sum(hours) FROM hours_ledger GROUP BY person_id, year;
    INSERT INTO dash_unit_people (unit_id, people)
        SELECT unit_id, count(*) FROM person WHERE dash_counted(status, category) GROUP BY unit_id;
    INSERT INTO dash_unit_hours (unit_id, year, whole_hours, people)
        SELECT p.unit_id, h.year, dash_bucket(h.hours), count(*)
        FROM dash_person_hours h JOIN person p ON p.id = h.person_id
        WHERE dash_counted(p.status, p.category) GROUP BY 1, 2, 3;
    INSERT INTO dash_unit_exam (unit_id, year, domain_code, exam_id, exam_title, candidates, passed, score_sum, last_finished)
        SELECT p.unit_id, dash_exam_year(x.finished_at), x.domain_code, x.exam_id, max(x.exam_title), count(*),
               count(*) FILTER (WHERE x.passed), sum(x.score), max(x.finished_at)
        FROM exam_record x JOIN person p ON p.id = x.person_id GROUP BY 1, 2, 3, 4;
END $$;

SELECT dash_rebuild();
