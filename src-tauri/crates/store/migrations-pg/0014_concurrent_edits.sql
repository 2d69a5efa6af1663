-- Concurrent edits (issue 20). Optimistic concurrency (src/revision.rs): the revision of each
-- record a form edits whole, with who saved that revision and when. A record without a row
-- here is at revision 0.
-- Not journalled: the change it counts is journalled in the record's own table. Editors write
-- it through the schema's default privileges (pg/team.rs), viewers read it.
CREATE TABLE IF NOT EXISTS row_revision (
    tbl      TEXT NOT NULL,
    id       BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    by_user  TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (tbl, id)
);

-- Live updates (issue 20, pg/live.rs): every transaction that journals a change tells the
-- desks listening on channel csmsdesk_changes, once, at its commit, with the number of its
-- newest entry. The notification's sender pid lets a desk skip its own changes.
CREATE OR REPLACE FUNCTION journal_head_at_commit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = csmsdesk AS $$
BEGIN
    IF NEW.seq = split_part(current_setting('csmsdesk.head', true), ':', 1)::bigint THEN
        INSERT INTO journal_head (id, seq, hash) VALUES (1, NEW.seq, NEW.hash)
        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
        PERFORM pg_notify('csmsdesk_changes', NEW.seq::text);
    END IF;
    RETURN NULL;
END;
$$;

-- Evidence sources on several desks (src/evidence/sources.rs): the computer that recorded an
-- item's source path. A scan from another computer that cannot reach the path's folder says
-- so instead of calling the source missing. NULL: recorded before, on the one desk there was.
ALTER TABLE evidence ADD COLUMN IF NOT EXISTS source_desk TEXT;
