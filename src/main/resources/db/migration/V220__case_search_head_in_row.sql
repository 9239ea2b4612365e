-- Issue 16, case search at 100,000 cases.
-- The head vector (title, keywords, matter, tags, citations: about a kilobyte) stays in the row, so
-- ranking the first 2,001 matches on their heads reads no TOAST. The full document stays out of line
-- (only the reranked candidates read it). Rewriting the vector moves the existing rows' heads in.
ALTER TABLE case_search ALTER COLUMN head SET STORAGE MAIN;
UPDATE case_search SET head = head || CAST('' AS tsvector);
