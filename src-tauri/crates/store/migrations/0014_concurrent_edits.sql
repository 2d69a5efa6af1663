-- Concurrent edits (issue 20). Optimistic concurrency (src/revision.rs): the revision of each
-- record a form edits whole, with who saved that revision and when. A record without a row
-- here is at revision 0.
-- Not journalled: the change it counts is journalled in the record's own table.
CREATE TABLE IF NOT EXISTS row_revision (
    tbl      TEXT NOT NULL,
    id       INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    by_user  TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (tbl, id)
) STRICT, WITHOUT ROWID;
