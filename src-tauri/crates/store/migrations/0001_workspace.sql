-- The workspace itself and the company profile (foundation).
CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE company_profile (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    company_name   TEXT NOT NULL DEFAULT '',
    participant_id TEXT,
    enx_contact    TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT 'system' CHECK (language IN ('system', 'en', 'de'))
) STRICT;

INSERT INTO company_profile (id) VALUES (1);
