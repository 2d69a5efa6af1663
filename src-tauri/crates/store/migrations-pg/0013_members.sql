-- Members with roles (issue 20, pg/team.rs). The History screen filters the journal by the
-- person who made a change: entries by user, newest first.
CREATE INDEX IF NOT EXISTS journal_by_user ON journal ("user", seq);

-- The journal is written by its triggers with the
-- rights of the schema's owner (SECURITY DEFINER), so that an editor is granted rights on the
-- workspace's rows and none on the journal or its head, and cannot add, change or remove an
-- entry even with psql. Entries still name the member who connected: session_user is not
-- changed by SECURITY DEFINER. Each table's row function gets the same from
-- pg::journal::refresh_triggers, which runs after this migration.
ALTER FUNCTION journal_seal() SECURITY DEFINER SET search_path = csmsdesk;
ALTER FUNCTION journal_head_at_commit() SECURITY DEFINER SET search_path = csmsdesk;
