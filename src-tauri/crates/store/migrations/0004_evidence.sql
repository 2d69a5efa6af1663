-- Evidence: documents in the content-addressed vault with their versions, their links to
-- requirements or whole control questions, the self-assessment per question, and the daily
-- readiness record of each scope.

CREATE TABLE evidence (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    -- An ISO/SAE 21434 work product (WP-09-02), or NULL for other documents.
    work_product     TEXT CHECK (work_product GLOB 'WP-[0-9][0-9]-[0-9][0-9]'),
    owner            TEXT NOT NULL DEFAULT '',
    classification   TEXT NOT NULL DEFAULT 'internal'
                     CHECK (classification IN ('public', 'internal', 'confidential', 'strictly-confidential')),
    review_due       TEXT CHECK (review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- The source file as the OS names it (bytes: names need not be UTF-8).
    source_path      BLOB NOT NULL,
    -- The source's size and modification time at the last scan: the fast path of a rescan.
    source_size      INTEGER NOT NULL,
    source_mtime_ns  INTEGER NOT NULL,
    source_missing   INTEGER NOT NULL DEFAULT 0 CHECK (source_missing IN (0, 1)),
    -- The newest version, and the one someone reviewed (adding a file counts as reviewing
    -- it): the item needs review while they differ.
    latest_version   INTEGER NOT NULL DEFAULT 1,
    reviewed_version INTEGER NOT NULL DEFAULT 1,
    added_at         TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX evidence_by_source ON evidence (source_path);

-- Every content an evidence item has had; the blob is `vault/<first two hex>/<sha256>`.
CREATE TABLE evidence_version (
    evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    file_name   TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (evidence_id, version)
) STRICT;

CREATE INDEX evidence_version_by_sha256 ON evidence_version (sha256);

-- Evidence ↔ requirement (1.1.a) or whole control question (1.1) of one catalogue; for every
-- scope or one, for the whole organisation or one protection object.
CREATE TABLE evidence_link (
    id                   INTEGER PRIMARY KEY,
    evidence_id          INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    catalogue_id         INTEGER NOT NULL REFERENCES catalogue (id),
    target_id            TEXT NOT NULL,
    scope_id             INTEGER REFERENCES scope (id) ON DELETE CASCADE,
    protection_object_id INTEGER REFERENCES protection_object (id) ON DELETE CASCADE,
    note                 TEXT NOT NULL DEFAULT '',
    -- Copies of the evidence item's freshness facts, kept in step by the triggers below, so
    -- that readiness can ask "is there current evidence for this target?" with an index seek
    -- instead of joining every link (200,000 links must answer in milliseconds).
    source_missing       INTEGER NOT NULL DEFAULT 0,
    latest_reviewed      INTEGER NOT NULL DEFAULT 1,
    review_due           TEXT
) STRICT;

CREATE UNIQUE INDEX evidence_link_unique ON evidence_link
    (evidence_id, catalogue_id, target_id, ifnull(scope_id, 0), ifnull(protection_object_id, 0));
CREATE INDEX evidence_link_by_target ON evidence_link
    (catalogue_id, target_id, source_missing, latest_reviewed, scope_id, review_due);
CREATE INDEX evidence_link_by_evidence ON evidence_link (evidence_id);

CREATE TRIGGER evidence_link_facts_on_insert AFTER INSERT ON evidence_link
BEGIN
    UPDATE evidence_link SET
        source_missing  = (SELECT source_missing FROM evidence WHERE id = NEW.evidence_id),
        latest_reviewed = (SELECT reviewed_version >= latest_version FROM evidence WHERE id = NEW.evidence_id),
        review_due      = (SELECT review_due FROM evidence WHERE id = NEW.evidence_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER evidence_link_facts_on_change
AFTER UPDATE OF source_missing, latest_version, reviewed_version, review_due ON evidence
BEGIN
    UPDATE evidence_link SET
        source_missing  = NEW.source_missing,
        latest_reviewed = NEW.reviewed_version >= NEW.latest_version,
        review_due      = NEW.review_due
    WHERE evidence_id = NEW.id;
END;

-- The supplier's own assessment per control question, in the workbook's columns.
CREATE TABLE scope_assessment (
    scope_id                INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    question_id             TEXT NOT NULL,
    result                  TEXT CHECK (result IN ('conform', 'minor', 'major', 'na')),
    implementation          TEXT NOT NULL DEFAULT '',
    reference_documentation TEXT NOT NULL DEFAULT '',
    updated_at              TEXT NOT NULL,
    PRIMARY KEY (scope_id, question_id)
) STRICT;

-- Readiness as it was on a day, for the dashboard's trend.
CREATE TABLE readiness_history (
    scope_id     INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    covered      INTEGER NOT NULL,
    needs_review INTEGER NOT NULL,
    missing      INTEGER NOT NULL,
    PRIMARY KEY (scope_id, day)
) STRICT;
