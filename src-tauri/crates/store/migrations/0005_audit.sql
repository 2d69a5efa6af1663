-- The audit lifecycle: audits of a scope with their phases and results per control question,
-- findings, corrective actions with their evidence, and the auditor's decision.

CREATE TABLE audit (
    id                 INTEGER PRIMARY KEY,
    scope_id           INTEGER NOT NULL REFERENCES scope (id) ON DELETE CASCADE,
    kind               TEXT NOT NULL CHECK (kind IN ('initial', 'cap', 'follow-up')),
    provider           TEXT NOT NULL DEFAULT '',
    lead_auditor       TEXT NOT NULL DEFAULT '',
    opening_meeting    TEXT CHECK (opening_meeting GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    closing_meeting    TEXT NOT NULL CHECK (closing_meeting GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- The initial audit's three phases: organisational check, sampling, sample check.
    phase_organisation TEXT NOT NULL DEFAULT 'open' CHECK (phase_organisation IN ('open', 'in-progress', 'done')),
    phase_sampling     TEXT NOT NULL DEFAULT 'open' CHECK (phase_sampling IN ('open', 'in-progress', 'done')),
    phase_sample_check TEXT NOT NULL DEFAULT 'open' CHECK (phase_sample_check IN ('open', 'in-progress', 'done')),
    -- Initial: the team failed it despite a conditional pass. CAP: the report confirms the
    -- plan. Follow-up: every non-conformity is confirmed resolved.
    decision           INTEGER NOT NULL DEFAULT 0 CHECK (decision IN (0, 1)),
    decision_reason    TEXT NOT NULL DEFAULT '',
    CHECK (opening_meeting IS NULL OR opening_meeting <= closing_meeting),
    CHECK (kind <> 'initial' OR decision = 0 OR length(trim(decision_reason)) > 0)
) STRICT;

CREATE TABLE audit_result (
    audit_id             INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,
    question_id          TEXT NOT NULL,
    result               TEXT NOT NULL CHECK (result IN ('conform', 'minor', 'major', 'na')),
    findings_description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (audit_id, question_id)
) STRICT;

CREATE TABLE finding (
    id                   INTEGER PRIMARY KEY,
    audit_id             INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,
    question_id          TEXT NOT NULL,
    protection_object_id INTEGER REFERENCES protection_object (id) ON DELETE SET NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('major', 'minor', 'observation', 'improvement')),
    description          TEXT NOT NULL CHECK (length(trim(description)) > 0)
) STRICT;

CREATE TABLE corrective_action (
    id            INTEGER PRIMARY KEY,
    finding_id    INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    description   TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner         TEXT NOT NULL DEFAULT '',
    department    TEXT NOT NULL DEFAULT '',
    due           TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    justification TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'verified'))
) STRICT;

CREATE TABLE corrective_action_evidence (
    action_id   INTEGER NOT NULL REFERENCES corrective_action (id) ON DELETE CASCADE,
    evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, evidence_id)
) STRICT;
