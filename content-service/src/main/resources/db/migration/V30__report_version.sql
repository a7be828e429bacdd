-- Optimistic locking: every write of a report row bumps its version, the ETag of the report resource, so that a
-- write based on an older read is refused (412 with If-Match, 409 for a race) instead of overwriting silently.
ALTER TABLE report ADD COLUMN version bigint NOT NULL DEFAULT 0;
