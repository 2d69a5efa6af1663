-- Indexes for the screens' lists at scale (tens of thousands of evidence items).
--
-- The vault's state filter asks for items by their freshness facts, spelled exactly as
-- `evidence::query::state_condition` spells them (SQLite uses an index on an expression only
-- for the same expression): the rare states (missing, changed, review due), which are the
-- ones a user looks for, become a seek instead of a pass over every item. The review date
-- last, so that "review due by a day" is a range of the index.
--
-- Not indexed: the work product and the classification (a handful of values, each kept by a
-- large share of the items, where a pass is as quick as a seek) and the text filter (words
-- anywhere in a title or path, which no B-tree index can find).
CREATE INDEX evidence_by_facts ON evidence
    (source_missing, (reviewed_version >= latest_version), review_due);
