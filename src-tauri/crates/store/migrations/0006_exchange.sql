-- Exchange: the packages exported (their SHA-256, for the history), each scope's publication
-- level and the participants it is shared with.

CREATE TABLE package_export (
    id           INTEGER PRIMARY KEY,
    scope_id     INTEGER REFERENCES scope (id) ON DELETE SET NULL,
    level        TEXT NOT NULL,
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    generated_at TEXT NOT NULL
) STRICT;

CREATE TABLE scope_publication (
    scope_id INTEGER PRIMARY KEY REFERENCES scope (id) ON DELETE CASCADE,
    level    TEXT NOT NULL CHECK (level IN ('do-not-share', 'A', 'A+labels', 'A+labels+B'))
) STRICT;

CREATE TABLE scope_sharing (
    id             INTEGER PRIMARY KEY,
    scope_id       INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    partner        TEXT NOT NULL CHECK (length(trim(partner)) > 0),
    participant_id TEXT NOT NULL,
    level          TEXT NOT NULL CHECK (level IN ('A', 'A+labels', 'A+labels+B')),
    shared_on      TEXT NOT NULL CHECK (shared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
