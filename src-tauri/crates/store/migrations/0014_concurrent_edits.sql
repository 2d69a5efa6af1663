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

-- Evidence sources on several desks (src/evidence/sources.rs): the computer that recorded an
-- item's source path. A scan from another computer that cannot reach the path's folder says
-- so instead of calling the source missing. NULL: recorded before, on the one desk there was.
ALTER TABLE evidence ADD COLUMN source_desk TEXT;

-- Member changes (pg/team.rs): a role given or taken on a server is a grant, not a row; each
-- is also written here, so that the journal names who changed which member, and when. A
-- workspace folder has no members and keeps the table empty.
CREATE TABLE member_change (
    id     INTEGER PRIMARY KEY,
    member TEXT NOT NULL,
    -- The role given; NULL when the member was removed.
    role   TEXT CHECK (role IN ('viewer', 'editor', 'admin')),
    change TEXT NOT NULL CHECK (change IN ('added', 'moved', 'removed'))
) STRICT;
