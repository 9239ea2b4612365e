-- Issue 16: a search's facets, total and ranking are kept in memory for the same query and filters
-- until the library changes (CaseSearchCache). The generation says when it changed: every statement
-- that writes case_search (publish, withdraw, re-index, import, a bulk load, on any node) raises it
-- in the same transaction, so a search that reads a generation also sees the rows it stands for.
CREATE TABLE case_search_generation (
    id         int    PRIMARY KEY CHECK (id = 1),
    generation bigint NOT NULL
);
INSERT INTO case_search_generation (id, generation) VALUES (1, 1);

CREATE FUNCTION case_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the table beside the one written, whatever the writer's search_path
    EXECUTE format('UPDATE %I.case_search_generation SET generation = generation + 1 WHERE id = 1', TG_TABLE_SCHEMA);
    RETURN NULL;
END $$;

CREATE TRIGGER case_search_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_search
    FOR EACH STATEMENT EXECUTE FUNCTION case_search_changed();
