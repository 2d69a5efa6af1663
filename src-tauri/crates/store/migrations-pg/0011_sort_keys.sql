-- As ../migrations/0010_sort_keys.sql: the natural sort keys of evidence titles and owners
-- (core's `natural_key` in UTF-8's scheme; BYTEA compares by bytes, as SQLite's BLOB).
ALTER TABLE evidence ADD COLUMN title_key BYTEA;
ALTER TABLE evidence ADD COLUMN owner_key BYTEA;

CREATE INDEX evidence_by_title_key ON evidence (title_key);
CREATE INDEX evidence_by_owner_key ON evidence (owner_key);
