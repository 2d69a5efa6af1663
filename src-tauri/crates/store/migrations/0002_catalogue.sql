-- Catalogues imported from ENX VCS Audit Criteria Catalogue workbooks. Several versions may
-- live side by side; an older version stays, read-only, for history (`superseded_by`).
CREATE TABLE catalogue (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    version       TEXT NOT NULL,
    source_file   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL UNIQUE CHECK (length(source_sha256) = 64),
    imported_at   TEXT NOT NULL,
    superseded_by INTEGER REFERENCES catalogue (id)
) STRICT;

CREATE TABLE catalogue_chapter (
    catalogue_id INTEGER NOT NULL REFERENCES catalogue (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    title        TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (catalogue_id, id)
) STRICT;

-- The chapter rows of the ISO/PAS 5112 order (VCS = na in the workbook).
CREATE TABLE catalogue_group_5112 (
    catalogue_id INTEGER NOT NULL REFERENCES catalogue (id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    title        TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (catalogue_id, id)
) STRICT;

CREATE TABLE control_question (
    catalogue_id INTEGER NOT NULL,
    id           TEXT NOT NULL,
    chapter_id   TEXT NOT NULL,
    id_5112      TEXT NOT NULL,
    text         TEXT NOT NULL,
    objective    TEXT NOT NULL,
    position     INTEGER NOT NULL,
    source_row   INTEGER NOT NULL,
    PRIMARY KEY (catalogue_id, id),
    FOREIGN KEY (catalogue_id, chapter_id)
        REFERENCES catalogue_chapter (catalogue_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE requirement (
    catalogue_id        INTEGER NOT NULL,
    id                  TEXT NOT NULL,
    question_id         TEXT NOT NULL,
    id_5112             TEXT NOT NULL,
    must_text           TEXT NOT NULL,
    must_references     TEXT NOT NULL,
    should_text         TEXT NOT NULL,
    should_references   TEXT NOT NULL,
    further_information TEXT NOT NULL,
    possible_evidence   TEXT NOT NULL,
    position            INTEGER NOT NULL,
    source_row          INTEGER NOT NULL,
    PRIMARY KEY (catalogue_id, id),
    FOREIGN KEY (catalogue_id, question_id)
        REFERENCES control_question (catalogue_id, id) ON DELETE CASCADE
) STRICT;

-- Bracketed tags of the must, should and possible-evidence cells, parsed for search.
CREATE TABLE requirement_reference (
    catalogue_id   INTEGER NOT NULL,
    requirement_id TEXT NOT NULL,
    field          TEXT NOT NULL CHECK (field IN ('must', 'should', 'evidence')),
    position       INTEGER NOT NULL,
    tag            TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('RQ', 'RC', 'PM', 'WP', 'other')),
    clause         INTEGER,
    PRIMARY KEY (catalogue_id, requirement_id, field, position),
    FOREIGN KEY (catalogue_id, requirement_id)
        REFERENCES requirement (catalogue_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX requirement_reference_by_tag ON requirement_reference (tag COLLATE NOCASE);
