// Every message the UI asks for exists in English and German: the keys written out in
// ui/js, and the keys the screens build from states, kinds and columns.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueOf } from './catalogue.js';
import { SORTABLE } from '../../ui/js/lib/evidence_table.js';
import { predictedKey } from '../../ui/js/lib/readiness.js';
import { LABEL_KINDS } from '../../ui/js/lib/labels.js';

// The words the backend's vocabulary sends (`csmsdesk-cli vocabulary --json`; the workspace
// test the_vocabulary_carries_cores_lists_the_limits_and_the_rules_in_force pins its shape):
// the UI draws each with a message, so each needs one.
const ACTION_STATUSES = ['open', 'in-progress', 'done', 'verified'];
const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'strictly-confidential'];
const EVIDENCE_STATES = ['missing', 'changed', 'review-due', 'current'];
const REQUIREMENT_STATES = ['missing', 'needs-review', 'covered'];
// ISO/SAE 21434's work products per clause: WP-05-01 … WP-15-08.
const WORK_PRODUCTS = Object.entries({ '05': 5, '06': 4, '07': 1, '08': 6, '09': 7, 10: 7, 11: 1, 12: 1, 13: 1, 14: 1, 15: 8 }).flatMap(
  ([clause, count]) => Array.from({ length: count }, (_, i) => `WP-${String(clause).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`),
);
const AUDIT_KINDS = ['initial', 'cap', 'follow-up'];
const FINDING_TYPES = ['major', 'minor', 'observation', 'improvement'];
const OVERALL_RESULTS = ['PASS', 'CONDITIONAL-PASS', 'FAIL', 'INCOMPLETE'];
const PHASES = ['organisation', 'sampling', 'sample-check'];
const PHASE_STATES = ['open', 'in-progress', 'done'];
const OBJECTIVES = ['development', 'production', 'operations-maintenance'];
const DEADLINE_KINDS = ['vcs-label', 'renewal', 'tisax-label', 'corrective-action', 'follow-up-audit', 'evidence-review', 'planned-audit'];
const DEADLINE_COLUMNS = ['due', 'countdown', 'kind', 'what', 'scope', 'owner'];
const LABEL_RULE_KEYS = ['labels.permanent_months', 'labels.temporary_months', 'labels.renewal_reminder_months', 'actions.free_months', 'actions.justified_months', 'actions.max_months'];
import { PACKAGE_LEVELS, PUBLICATION_LEVELS, levelKey } from '../../ui/js/lib/export.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The call-site keys of one language: a key is known when its Fluent id is ('.' → '-'). */
function catalogue(lang) {
  const { has, ids } = catalogueOf(lang);
  return { has, ids };
}

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

const en = catalogue('en');
const de = catalogue('de');
// A namespace is the part of a key before its first dot, the Fluent id's before its first '-'.
const namespaces = new Set([...en.ids].map((id) => id.split('-')[0]));

/** Quoted strings in the UI code that look like message keys ('vault.add', 'scan.done', …). */
function writtenKeys() {
  const keys = new Set();
  for (const file of sources(join(root, 'ui/js'))) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([a-z_]+\.[A-Za-z0-9_.-]+)'/g)) {
      // The label rules are named like keys ('labels.permanent_months') but are settings.
      if (namespaces.has(key.split('.')[0]) && !key.endsWith('.js') && !LABEL_RULE_KEYS.includes(key)) keys.add(key);
    }
  }
  return keys;
}

const builtKeys = [
  ...EVIDENCE_STATES.flatMap((s) => [`evidence_state.${s}`, `evidence_state.${s}_hint`]),
  ...REQUIREMENT_STATES.map((s) => `requirement_state.${s}`),
  ...CLASSIFICATIONS.map((c) => `classification.${c}`),
  ...['none', 'conform', 'minor', 'major', 'na'].map((r) => `assess_result.${r}`),
  ...['PASS', 'CONDITIONAL-PASS', 'FAIL', 'INCOMPLETE'].flatMap((r) => [`predicted.${predictedKey(r)}`, `predicted.${predictedKey(r)}_hint`]),
  ...SORTABLE.map((c) => `vault.col_${c}`),
  ...['vault', 'requirements'].map((tab) => `evidence_ui.tab_${tab}`),
  ...['result', 'implementation', 'reference_documentation'].map((f) => `mapping.import_field_${f}`),
  ...WORK_PRODUCTS.map((wp) => `wp.${wp}`),
  ...AUDIT_KINDS.map((k) => `audit_kind.${k}`),
  ...PHASES.flatMap((p) => [`audit_phase.${p}`, `audit_phase.${p}_hint`]),
  ...PHASE_STATES.map((s) => `phase_state.${s}`),
  ...FINDING_TYPES.map((f) => `finding_type.${f}`),
  ...ACTION_STATUSES.map((s) => `action_status.${s}`),
  ...OVERALL_RESULTS.map((r) => `predicted.${predictedKey(r)}`),
  ...LABEL_KINDS.map((k) => `label_kind.${k}`),
  ...OBJECTIVES.map((o) => `scope.objective_${o}`),
  ...DEADLINE_KINDS.map((k) => `deadline.kind.${k}`),
  ...DEADLINE_COLUMNS.map((c) => `deadlines_ui.col_${c}`),
  ...PACKAGE_LEVELS.flatMap((l) => [`export_ui.level_${levelKey(l)}`, `export_ui.level_${levelKey(l)}_hint`]),
  ...PUBLICATION_LEVELS.map((l) => `export_ui.share_level_${levelKey(l)}`),
  ...['partner', 'participant_id', 'level', 'date', 'scope', 'generated', 'path', 'sha256'].map((c) => `export_ui.col_${c}`),
];

test('every key written in the UI code is in both catalogues', () => {
  const keys = writtenKeys();
  assert.ok(keys.has('vault.add') && keys.has('scan.done'), 'the scan finds the keys of the evidence UI');
  assert.deepEqual([...keys].filter((k) => !en.has(k)), [], 'missing in en.ftl');
  assert.deepEqual([...keys].filter((k) => !de.has(k)), [], 'missing in de.ftl');
});

test('every key built from a state, column or result is in both catalogues', () => {
  assert.deepEqual(builtKeys.filter((k) => !en.has(k)), [], 'missing in en.ftl');
  assert.deepEqual(builtKeys.filter((k) => !de.has(k)), [], 'missing in de.ftl');
});
