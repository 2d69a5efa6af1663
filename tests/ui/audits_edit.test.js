// Unit tests of the results table's and the corrections' pure helpers in ui/js/lib/audits.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capBadgeKey, changedResults, removeFindingQuestion, resultForKey, resultProblems, rowAfterKey } from '../../ui/js/lib/audits.js';

test('keys set results: c conform, m minor, M major, n or Delete none; others nothing', () => {
  assert.equal(resultForKey('c'), 'conform');
  assert.equal(resultForKey('m'), 'minor');
  assert.equal(resultForKey('M'), 'major', 'the capital is major, not minor');
  assert.equal(resultForKey('n'), '');
  assert.equal(resultForKey('Delete'), '');
  assert.equal(resultForKey('x'), undefined);
  assert.equal(resultForKey('C'), undefined, 'only the listed keys');
});

test('arrows move one row and stop at the ends; Home and End jump', () => {
  assert.equal(rowAfterKey(0, 'ArrowDown', 3), 1);
  assert.equal(rowAfterKey(2, 'ArrowDown', 3), 2);
  assert.equal(rowAfterKey(0, 'ArrowUp', 3), 0);
  assert.equal(rowAfterKey(1, 'End', 3), 2);
  assert.equal(rowAfterKey(2, 'Home', 3), 0);
  assert.equal(rowAfterKey(1, 'c', 3), 1);
});

test('only rows that differ from what is saved are sent', () => {
  const rows = [
    { question: '1.1', saved: { result: 'conform', findings_description: '' }, result: 'conform', findings_description: '' },
    { question: '1.2', saved: null, result: 'minor', findings_description: '' },
    { question: '1.3', saved: { result: 'major', findings_description: 'a' }, result: 'major', findings_description: 'b' },
    { question: '1.4', saved: { result: 'minor', findings_description: '' }, result: '', findings_description: '' },
  ];
  assert.deepEqual(changedResults(rows), [
    { question: '1.2', result: 'minor', findings_description: '' },
    { question: '1.3', result: 'major', findings_description: 'b' },
    { question: '1.4', result: '', findings_description: '' },
  ]);
});

test('problems are grouped by the question in their field, whose id holds dots', () => {
  const problems = resultProblems([
    { field: 'results.1.1.result', message: 'A' },
    { field: 'results.3.1.findings_description', message: 'B' },
    { field: 'results.1.1.result', message: 'C' },
    { field: 'other', message: 'D' },
  ]);
  assert.deepEqual([...problems], [['1.1', ['A', 'C']], ['3.1', ['B']]]);
});

test('a CAP audit says whether the plan is confirmed; other audits their overall result', () => {
  assert.equal(capBadgeKey({ kind: 'cap', decision: true }), 'audits_ui.plan_confirmed');
  assert.equal(capBadgeKey({ kind: 'cap', decision: false }), 'audits_ui.plan_unconfirmed');
  assert.equal(capBadgeKey({ kind: 'initial', decision: false }), null);
});

test('removing a finding asks only when actions would go with it, naming how many', () => {
  assert.equal(removeFindingQuestion(0), null);
  assert.deepEqual(removeFindingQuestion(2), { key: 'audits_ui.remove_finding_confirm', args: { count: 2 } });
});
