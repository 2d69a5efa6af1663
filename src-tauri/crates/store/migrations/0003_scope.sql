-- What is audited: locations with TISAX labels, VCS scopes with objectives and
-- applicability, protection objects and their sampling; and the editable rule settings.

-- Rules marked [assumed] in docs/DOMAIN.md, editable per workspace (key → text).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE location (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    address        TEXT NOT NULL DEFAULT '',
    tisax_scope_id TEXT,
    cs_activities  INTEGER NOT NULL DEFAULT 1 CHECK (cs_activities IN (0, 1)),
    notes          TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE location_label (
    id          INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    label       TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    expires     TEXT NOT NULL CHECK (expires GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

CREATE TABLE scope (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    enx_scope_id       TEXT,
    catalogue_id       INTEGER REFERENCES catalogue (id),
    planned_audit_date TEXT,
    audit_provider     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE scope_location (
    scope_id    INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    location_id INTEGER NOT NULL REFERENCES location (id),
    PRIMARY KEY (scope_id, location_id)
) STRICT;

CREATE TABLE scope_objective (
    scope_id  INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    objective TEXT NOT NULL CHECK (objective IN ('development', 'production', 'operations-maintenance')),
    PRIMARY KEY (scope_id, objective)
) STRICT;

-- The user's own applicability decisions; the matrix gives the rest. NA needs a reason.
CREATE TABLE scope_question (
    scope_id      INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    applicable    INTEGER NOT NULL CHECK (applicable IN (0, 1)),
    justification TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scope_id, question_id),
    CHECK (applicable = 1 OR length(trim(justification)) > 0)
) STRICT;

-- A recorded deviation from a should-requirement, with its justification.
CREATE TABLE scope_deviation (
    scope_id       INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    requirement_id TEXT NOT NULL,
    justification  TEXT NOT NULL CHECK (length(trim(justification)) > 0),
    PRIMARY KEY (scope_id, requirement_id)
) STRICT;

CREATE TABLE protection_object (
    id                     INTEGER PRIMARY KEY,
    scope_id               INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    name                   TEXT NOT NULL COLLATE NOCASE,
    item                   TEXT NOT NULL DEFAULT '',
    customer               TEXT NOT NULL DEFAULT '',
    partner_participant_id TEXT,
    confidentiality        INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality IN (0, 1)),
    integrity              INTEGER NOT NULL DEFAULT 0 CHECK (integrity IN (0, 1)),
    availability           INTEGER NOT NULL DEFAULT 0 CHECK (availability IN (0, 1)),
    lifecycle_phases       TEXT NOT NULL DEFAULT '',
    UNIQUE (scope_id, name)
) STRICT;

CREATE TABLE protection_object_objective (
    protection_object_id INTEGER NOT NULL REFERENCES protection_object (id) ON DELETE CASCADE,
    objective            TEXT NOT NULL CHECK (objective IN ('development', 'production', 'operations-maintenance')),
    PRIMARY KEY (protection_object_id, objective)
) STRICT;

CREATE TABLE protection_object_location (
    protection_object_id INTEGER NOT NULL REFERENCES protection_object (id) ON DELETE CASCADE,
    location_id          INTEGER NOT NULL REFERENCES location (id),
    PRIMARY KEY (protection_object_id, location_id)
) STRICT;

-- The chosen sample per objective, and per sampled object and question the sample check.
CREATE TABLE sample (
    scope_id             INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    objective            TEXT NOT NULL,
    protection_object_id INTEGER NOT NULL REFERENCES protection_object (id) ON DELETE CASCADE,
    PRIMARY KEY (scope_id, objective, protection_object_id)
) STRICT;

CREATE TABLE sample_check (
    protection_object_id INTEGER NOT NULL REFERENCES protection_object (id) ON DELETE CASCADE,
    question_id          TEXT NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('open', 'consistent', 'deviation')),
    note                 TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (protection_object_id, question_id)
) STRICT;
