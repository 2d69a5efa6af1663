-- The journal: one entry per changed row of every other table, chained by SHA-256. See
-- ../migrations/0007.
--
-- Each table's AFTER INSERT/UPDATE/DELETE trigger (made by `pg::journal::refresh_triggers`
-- from the schema, after every migration) adds an entry; `journal_seal` links it to the head
-- and hashes it with sha256() exactly as core::journal::entry_hash does, in the transaction of
-- the change. Appends queue on a transaction-level advisory lock, so concurrent transactions
-- never fork the chain. Whoever connects, psql included, is journalled: the user is the
-- authenticated role (session_user), the source what the client set, else its
-- application_name.
CREATE TABLE journal (
    -- Numbered by journal_seal, under its lock, as the head's number + 1: numbers follow
    -- the chain (an identity's number is drawn before the lock, so a slower transaction
    -- would seal a smaller number after a larger one), and, as SQLite's AUTOINCREMENT, a
    -- number is never reused.
    seq       BIGINT PRIMARY KEY,
    at        TEXT NOT NULL,
    "user"    TEXT NOT NULL,
    source    TEXT NOT NULL,
    tbl       TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row_key   TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT,
    hash      TEXT
);

CREATE INDEX journal_by_table ON journal (tbl, seq);

CREATE TABLE journal_head (
    id   BIGINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);

-- core::journal::entry_hash's framing of one field: `<bytes>:<text>;`, or `-;` for NULL.
CREATE FUNCTION journal_field(v TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN '-;'
                ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v || ';' END
$$;

-- What is writing: set per session by CSMS Desk (`csmsdesk.source`), else the client's name.
CREATE FUNCTION journal_source() RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('csmsdesk.source', true), ''),
                    'sql: ' || coalesce(nullif(current_setting('application_name', true), ''), 'unnamed client'))
$$;

-- SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now').
CREATE FUNCTION journal_now() RETURNS TEXT
LANGUAGE sql VOLATILE AS $$
    SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION journal_seal() RETURNS trigger
LANGUAGE plpgsql SET search_path = csmsdesk AS $$
DECLARE
    prev_seq BIGINT;
    prev     TEXT;
BEGIN
    -- One append at a time until the appending transaction ends: the next one reads the
    -- head this one wrote (each statement of a READ COMMITTED function sees what committed
    -- before it; a REPEATABLE READ writer fails on the row lock instead of forking).
    PERFORM pg_advisory_xact_lock(4851323475626165320);
    SELECT seq, hash INTO prev_seq, prev FROM journal_head WHERE id = 1 FOR UPDATE;
    NEW.seq := coalesce(prev_seq, 0) + 1;
    NEW.prev_hash := coalesce(prev, '');
    NEW.hash := encode(sha256(convert_to(
        journal_field(NEW.prev_hash) || journal_field(NEW.at) || journal_field(NEW."user")
        || journal_field(NEW.source) || journal_field(NEW.tbl) || journal_field(NEW.op)
        || journal_field(NEW.row_key) || journal_field(NEW.before) || journal_field(NEW.after),
        'UTF8')), 'hex');
    INSERT INTO journal_head (id, seq, hash) VALUES (1, NEW.seq, NEW.hash)
    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
    RETURN NEW;
END;
$$;

CREATE TRIGGER journal_seal BEFORE INSERT ON journal
FOR EACH ROW EXECUTE FUNCTION journal_seal();

-- Sealed entries are never changed or removed by CSMS Desk; these refuse a casual attempt
-- (issue 20's roles will also lack UPDATE and DELETE on the journal).
CREATE FUNCTION journal_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only';
END;
$$;

CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
FOR EACH ROW WHEN (OLD.hash IS NOT NULL) EXECUTE FUNCTION journal_append_only();

CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
FOR EACH ROW EXECUTE FUNCTION journal_append_only();

CREATE TRIGGER journal_append_only_truncate BEFORE TRUNCATE ON journal
FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
