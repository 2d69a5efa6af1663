-- The workspace itself and the company profile (foundation). See ../migrations/0001.
CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE company_profile (
    id             BIGINT PRIMARY KEY CHECK (id = 1),
    company_name   TEXT NOT NULL DEFAULT '',
    participant_id TEXT,
    enx_contact    TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT 'system' CHECK (language IN ('system', 'en', 'de'))
);

INSERT INTO company_profile (id) VALUES (1);
