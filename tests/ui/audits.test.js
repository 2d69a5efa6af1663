// Unit tests of ui/js/lib/audits.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
// The vocabulary the backend sends (vocabulary.audit_kinds, .phases, .audit_results).
const AUDIT_KINDS = ['initial', 'cap', 'follow-up'];
const PHASES = ['organisation', 'sampling', 'sample-check'];
const AUDIT_RESULTS = ['conform', 'minor', 'major'];

import {
  DECISION_HINT_KEYS,
  DECISION_KEYS,
  DECISION_REASON_KEYS,
  KIND_EXPLAIN_KEYS,
  actionsByFinding,
  importChangeCount,
  phasesOf,
  pickAudit,
  resultTally,
  splitQuestions,
  suggestedQuestion,
} from '../../ui/js/lib/audits.js';

const audits = [{ id: 1, audit: { kind: 'initial' } }, { id: 2, audit: { kind: 'cap' } }, { id: 3, audit: { kind: 'follow-up' } }];

test('the audit shown is the one asked for, else the latest, else none', () => {
  assert.equal(pickAudit(audits, '2').id, 2, 'the hash gives the id as text');
  assert.equal(pickAudit(audits, 2).id, 2);
  assert.equal(pickAudit(audits, undefined).id, 3, 'the list is ordered by closing meeting: the last is the latest');
  assert.equal(pickAudit(audits, '99').id, 3, 'an unknown id falls back to the latest');
  assert.equal(pickAudit([], '1'), null);
});

const questions = [
  { id: '1.1', applicable: true, result: 'minor' },
  { id: '1.2', applicable: true, result: 'conform' },
  { id: '5.1', applicable: true, result: null },
  { id: '6.2', applicable: false, result: null },
  { id: '9.2', applicable: true, result: 'major' },
];

test('questions split into those that take a result and those NA in the scope', () => {
  const { applicable, na } = splitQuestions(questions);
  assert.deepEqual(applicable.map((q) => q.id), ['1.1', '1.2', '5.1', '9.2']);
  assert.deepEqual(na.map((q) => q.id), ['6.2']);
});

test('the tally counts applicable questions only, including 9.2 to 9.4', () => {
  assert.deepEqual(resultTally(questions, AUDIT_RESULTS), { total: 4, done: 3, conform: 1, minor: 1, major: 1 });
  assert.deepEqual(resultTally([], AUDIT_RESULTS), { total: 0, done: 0, conform: 0, minor: 0, major: 0 });
});

test('corrective actions are grouped under their finding in the given order', () => {
  const groups = actionsByFinding([
    { id: 1, finding_id: 7 },
    { id: 2, finding_id: 8 },
    { id: 3, finding_id: 7 },
  ]);
  assert.deepEqual(groups.get(7).map((a) => a.id), [1, 3]);
  assert.deepEqual(groups.get(8).map((a) => a.id), [2]);
  assert.equal(groups.get(9), undefined);
});

test('phases go to the backend in the order organisation, sampling, sample check', () => {
  assert.deepEqual(phasesOf({ phases: { sampling: 'done', organisation: 'in-progress', 'sample-check': 'open' } }, PHASES), ['in-progress', 'done', 'open']);
  assert.deepEqual(phasesOf({}, PHASES), ['open', 'open', 'open'], 'missing phases count as open');
});

test('every kind of audit has its decision wording, hint, reason label and explanation', () => {
  for (const kind of AUDIT_KINDS) {
    for (const keys of [DECISION_KEYS, DECISION_HINT_KEYS, DECISION_REASON_KEYS, KIND_EXPLAIN_KEYS]) {
      assert.ok(keys[kind], `${kind} has a key`);
    }
  }
});

test('a provider workbook brings results and measures as changes', () => {
  assert.equal(importChangeCount({ results: [{}, {}], measures: [{}], skipped: [{}] }), 3, 'skipped rows are no changes');
  assert.equal(importChangeCount({ results: [], measures: [] }), 0);
  assert.equal(importChangeCount(null), 0);
});

test('a new finding suggests the first non-conformity without a finding', () => {
  assert.equal(suggestedQuestion(questions, []), '1.1');
  assert.equal(suggestedQuestion(questions, [{ question: '1.1' }]), '9.2');
  assert.equal(suggestedQuestion(questions, [{ question: '1.1' }, { question: '9.2' }]), '1.1', 'all have findings: the first non-conformity');
  assert.equal(suggestedQuestion([{ id: '2.1', applicable: true, result: 'conform' }], []), '2.1', 'no non-conformity: the first question');
  assert.equal(suggestedQuestion([], []), '');
});
