-- Issue 12 item 8: a keyed audit chain with positions.
--
-- seq    the event's position in the chain (1, 2, 3 …), assigned under the chain lock, so a
--        missing number is a removed event (ids come from a sequence and may skip on rollback).
-- key_id fingerprint of the HMAC key that signed the event (never the key itself); NULL marks
--        an event written before this migration with the unkeyed SHA-256 formula.
--
-- Existing events are NOT re-chained: the key lives outside the database (academy.audit.hmac-key)
-- and a migration cannot see it, and rewriting history would defeat the point of the log. The
-- keyed epoch starts with the first event written after this migration; its HMAC covers the
-- last unkeyed event's hash (prev_hash), so the unkeyed part can no longer be rewritten either
-- without breaking the first keyed link. Verification refuses an unkeyed event after a keyed one.
ALTER TABLE audit_event ADD COLUMN seq BIGINT;
ALTER TABLE audit_event ADD COLUMN key_id VARCHAR(16);

ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
UPDATE audit_event a SET seq = n.rn
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM audit_event) n
 WHERE a.id = n.id;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete;

ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX audit_event_seq_unique ON audit_event (seq);
