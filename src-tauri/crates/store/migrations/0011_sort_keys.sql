-- The order people read titles and owners in (core's `natural_cmp`: case and accents
-- ignored, numbers by value), stored beside each text as its key (core's `natural_key`, its
-- codes in UTF-8's scheme, so that comparing the bytes compares the keys). Store writes
-- a key with its text; rows made before this migration get theirs when the workspace opens
-- (`evidence::fill_sort_keys`). A list sorts by the key on both engines: PostgreSQL has no
-- `natural_order` collation, and an indexed key spares SQLite a call into Rust per comparison.
ALTER TABLE evidence ADD COLUMN title_key BLOB;
ALTER TABLE evidence ADD COLUMN owner_key BLOB;

CREATE INDEX evidence_by_title_key ON evidence (title_key);
CREATE INDEX evidence_by_owner_key ON evidence (owner_key);
