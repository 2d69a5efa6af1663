-- The journal: one entry per changed row of every other table, chained by SHA-256.
--
-- Each table's AFTER INSERT/UPDATE/DELETE triggers (made by `journal::refresh_triggers` from
-- the schema, after every migration) add an entry; `journal_seal` links it to the head and
-- hashes it with the connection function `journal_hash` (core::journal::entry_hash), so an
-- entry is sealed in the same transaction as the change it records. A connection that lacks
-- the journal functions (another SQLite tool) cannot change a journalled table at all.
CREATE TABLE journal (
    -- AUTOINCREMENT: a number is never reused, so a deleted entry leaves a gap.
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    user      TEXT NOT NULL,
    source    TEXT NOT NULL,
    tbl       TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row_key   TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT,
    hash      TEXT
) STRICT;

CREATE INDEX journal_by_table ON journal (tbl, seq);

-- The newest entry's number and hash, so cutting off the end of the journal is seen.
CREATE TABLE journal_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER journal_seal AFTER INSERT ON journal
BEGIN
    UPDATE journal
       SET prev_hash = coalesce((SELECT hash FROM journal_head WHERE id = 1), ''),
           hash = journal_hash(coalesce((SELECT hash FROM journal_head WHERE id = 1), ''),
                               NEW.at, NEW.user, NEW.source, NEW.tbl, NEW.op, NEW.row_key,
                               NEW.before, NEW.after)
     WHERE seq = NEW.seq;
    INSERT INTO journal_head (id, seq, hash)
    VALUES (1, NEW.seq, (SELECT hash FROM journal WHERE seq = NEW.seq))
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
END;

-- Sealed entries are never changed or removed by CSMS Desk; these refuse a casual attempt.
CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
WHEN OLD.hash IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;

CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;
