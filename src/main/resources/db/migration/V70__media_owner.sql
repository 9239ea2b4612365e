-- Issue 12 item 1: every stored file knows what it belongs to, is addressed by a random
-- public id instead of its sequence number, and import files expire.
--
--   owner_kind  UPLOAD (not yet attached), LESSON_MEDIA (owner_id = course), CASE_ATTACHMENT
--               (typical_case), QUESTION_IMAGE (question), IMPORT_FILE (roster_import, or
--               NULL for a question-bank import), EVIDENCE (person: offline training),
--               CREDIT_EVIDENCE (provider), CERTIFICATE (qualification)
--   expires_at  when the retention job deletes the bytes (import files only)
--   purged_at   when the bytes were deleted; the row stays for the foreign keys and the audit
ALTER TABLE media_object
    ADD COLUMN public_id  UUID,
    ADD COLUMN owner_kind VARCHAR(20),
    ADD COLUMN owner_id   BIGINT,
    ADD COLUMN expires_at TIMESTAMPTZ,
    ADD COLUMN purged_at  TIMESTAMPTZ;

UPDATE media_object SET public_id = gen_random_uuid();

-- backfill the owner from every table that points at media_object (first match wins)
UPDATE media_object m SET owner_kind = 'LESSON_MEDIA', owner_id = x.course_id
  FROM (SELECT DISTINCT ON (mid) mid, course_id FROM (
          SELECT l.media_id AS mid, v.course_id FROM lesson l JOIN course_version v ON v.id = l.course_version_id
           WHERE l.media_id IS NOT NULL
          UNION ALL
          SELECT l.subtitles_media_id, v.course_id FROM lesson l JOIN course_version v ON v.id = l.course_version_id
           WHERE l.subtitles_media_id IS NOT NULL) s ORDER BY mid, course_id) x
 WHERE m.id = x.mid AND m.owner_kind IS NULL;

UPDATE media_object m SET owner_kind = 'CASE_ATTACHMENT', owner_id = x.case_id
  FROM (SELECT DISTINCT ON (a.media_id) a.media_id, v.case_id FROM case_attachment a
          JOIN case_version v ON v.id = a.version_id ORDER BY a.media_id, v.case_id) x
 WHERE m.id = x.media_id AND m.owner_kind IS NULL;

-- roster files kept before this version hold ID numbers in clear: they expire at once, so the
-- first run of the retention job removes them (an import still in preview must be uploaded again)
UPDATE media_object m SET owner_kind = 'IMPORT_FILE', owner_id = r.id, expires_at = now()
  FROM roster_import r WHERE r.media_id = m.id AND m.owner_kind IS NULL;

UPDATE media_object m SET owner_kind = 'EVIDENCE', owner_id = x.person_id
  FROM (SELECT DISTINCT ON (evidence_media_id) evidence_media_id, person_id FROM hours_ledger
         WHERE evidence_media_id IS NOT NULL ORDER BY evidence_media_id, id) x
 WHERE m.id = x.evidence_media_id AND m.owner_kind IS NULL;

UPDATE media_object m SET owner_kind = 'CREDIT_EVIDENCE', owner_id = x.provider_id
  FROM (SELECT DISTINCT ON (evidence_media_id) evidence_media_id, provider_id FROM credit_event
         WHERE evidence_media_id IS NOT NULL ORDER BY evidence_media_id, id) x
 WHERE m.id = x.evidence_media_id AND m.owner_kind IS NULL;

-- images in question stems: ![图](/api/v1/media/12/content)
UPDATE media_object m SET owner_kind = 'QUESTION_IMAGE', owner_id = x.question_id
  FROM (SELECT DISTINCT ON (mid) mid, question_id FROM (
          SELECT CAST(r[1] AS BIGINT) AS mid, v.question_id
            FROM question_version v, regexp_matches(v.stem_md, '/api/v1/media/([0-9]+)/content', 'g') AS r) s
         ORDER BY mid, question_id) x
 WHERE m.id = x.mid AND m.owner_kind IS NULL;

-- question-bank imports were kept with no reference: the unreferenced workbooks
UPDATE media_object SET owner_kind = 'IMPORT_FILE', expires_at = created_at + INTERVAL '30 days'
 WHERE owner_kind IS NULL
   AND content_type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

UPDATE media_object SET owner_kind = 'UPLOAD' WHERE owner_kind IS NULL;

-- stems now name images by their public id; the sequence number is no longer accepted
UPDATE question_version v SET stem_md = (
    SELECT string_agg(CASE WHEN p.ord % 2 = 0 THEN p.part
                           ELSE COALESCE((SELECT CAST(m.public_id AS TEXT) FROM media_object m
                                           WHERE m.id = CAST(p.part AS BIGINT)), p.part) END, '' ORDER BY p.ord)
      FROM (SELECT part, ord - 1 AS ord
              FROM regexp_split_to_table(regexp_replace(v.stem_md, '(/api/v1/media/)([0-9]+)(/content)',
                                                        E'\\1\x01\\2\x01\\3', 'g'), E'\x01')
                   WITH ORDINALITY AS t(part, ord)) p)
 WHERE v.stem_md ~ '/api/v1/media/[0-9]+/content';

ALTER TABLE media_object
    ALTER COLUMN public_id SET DEFAULT gen_random_uuid(),
    ALTER COLUMN public_id SET NOT NULL,
    ALTER COLUMN owner_kind SET DEFAULT 'UPLOAD',
    ALTER COLUMN owner_kind SET NOT NULL,
    ADD CONSTRAINT media_object_public_id UNIQUE (public_id),
    ADD CONSTRAINT media_object_owner_kind CHECK (owner_kind IN ('UPLOAD', 'LESSON_MEDIA', 'CASE_ATTACHMENT',
        'QUESTION_IMAGE', 'IMPORT_FILE', 'EVIDENCE', 'CREDIT_EVIDENCE', 'CERTIFICATE'));

CREATE INDEX media_object_expiry ON media_object (expires_at) WHERE expires_at IS NOT NULL AND purged_at IS NULL;
