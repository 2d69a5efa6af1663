-- The journal's head is written once per transaction instead of once per entry.
--
-- 0007's journal_seal updated the one row journal_head for every entry. Inside one transaction
-- every version of that row stays visible to the transaction's own scans, so each seal walked
-- a longer chain: quadratic (a bulk change of 40,000 entries took 11 s, 300,000 did not end).
-- Now the first seal of a transaction reads the head from journal_head (locking the row, as
-- before), every later one from the transaction-local setting csmsdesk.head
-- ('<seq>:<hash>', which a rolled-back savepoint undoes with its entries), and a deferred
-- constraint trigger writes journal_head at commit, for the transaction's newest entry only.
-- The chain, the numbers and the hashes are exactly those of 0007.

CREATE OR REPLACE FUNCTION journal_seal() RETURNS trigger
LANGUAGE plpgsql SET search_path = csmsdesk AS $$
DECLARE
    prev_seq BIGINT;
    prev     TEXT;
    held     TEXT := nullif(current_setting('csmsdesk.head', true), '');
BEGIN
    -- One append at a time until the appending transaction ends (see 0007).
    PERFORM pg_advisory_xact_lock(4851323475626165320);
    IF held IS NULL THEN
        SELECT seq, hash INTO prev_seq, prev FROM journal_head WHERE id = 1 FOR UPDATE;
    ELSE
        prev_seq := split_part(held, ':', 1)::bigint;
        prev := split_part(held, ':', 2);
    END IF;
    NEW.seq := coalesce(prev_seq, 0) + 1;
    NEW.prev_hash := coalesce(prev, '');
    NEW.hash := encode(sha256(convert_to(
        journal_field(NEW.prev_hash) || journal_field(NEW.at) || journal_field(NEW."user")
        || journal_field(NEW.source) || journal_field(NEW.tbl) || journal_field(NEW.op)
        || journal_field(NEW.row_key) || journal_field(NEW.before) || journal_field(NEW.after),
        'UTF8')), 'hex');
    PERFORM set_config('csmsdesk.head', NEW.seq || ':' || NEW.hash, true);
    RETURN NEW;
END;
$$;

-- At commit, for each entry of the transaction: only the newest writes the head.
CREATE FUNCTION journal_head_at_commit() RETURNS trigger
LANGUAGE plpgsql SET search_path = csmsdesk AS $$
BEGIN
    IF NEW.seq = split_part(current_setting('csmsdesk.head', true), ':', 1)::bigint THEN
        INSERT INTO journal_head (id, seq, hash) VALUES (1, NEW.seq, NEW.hash)
        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_head_at_commit AFTER INSERT ON journal
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION journal_head_at_commit();
