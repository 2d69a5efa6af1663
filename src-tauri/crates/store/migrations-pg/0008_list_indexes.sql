-- Indexes for the screens' lists at scale. See ../migrations/0008. The expression must be
-- the one the query layer writes for the state filter.
CREATE INDEX evidence_by_facts ON evidence
    (source_missing, (reviewed_version >= latest_version), review_due);
