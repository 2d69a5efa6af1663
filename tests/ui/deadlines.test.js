// Unit tests of ui/js/lib/deadlines.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backendFilter, deadlineSummary, filterFromParams, parseWithin, sortDeadlines } from '../../ui/js/lib/deadlines.js';

// The longest look ahead the backend takes, as the vocabulary sends it (limits.within_days.max).
const MAX_WITHIN_DAYS = 3650;

test('"within" is empty for all, a whole number of days, or wrong', () => {
  assert.equal(parseWithin(''), null);
  assert.equal(parseWithin('  '), null);
  assert.equal(parseWithin(undefined), null);
  assert.equal(parseWithin('30'), 30);
  assert.equal(parseWithin(' 0 '), 0, 'zero days: due today or overdue');
  assert.equal(parseWithin(String(MAX_WITHIN_DAYS), MAX_WITHIN_DAYS), MAX_WITHIN_DAYS);
  assert.equal(parseWithin(String(MAX_WITHIN_DAYS + 1), MAX_WITHIN_DAYS), undefined, 'the backend refuses longer looks');
  assert.equal(parseWithin('-1'), undefined);
  assert.equal(parseWithin('2.5'), undefined);
  assert.equal(parseWithin('soon'), undefined);
});

test('the filter comes from the hash, dropping unknown kinds and bad numbers', () => {
  assert.deepEqual(filterFromParams({ kind: 'renewal', scope: '2', owner: 'Anna', within: '30' }), { kind: 'renewal', scope: '2', owner: 'Anna', within: '30' });
  assert.deepEqual(filterFromParams({ kind: 'audit', within: 'x' }), { kind: '', scope: '', owner: '', within: '' });
  assert.deepEqual(filterFromParams({ within: '3651' }, MAX_WITHIN_DAYS).within, '', 'beyond the backend\'s limit');
  assert.deepEqual(filterFromParams(), { kind: '', scope: '', owner: '', within: '' });
});

const scopes = [
  { id: 1, name: 'Body' },
  { id: 2, name: 'ECU' },
];

test('the backend gets kinds as a list, the scope by id, trimmed texts and within_days or null', () => {
  assert.deepEqual(backendFilter({ kind: 'corrective-action', scope: '2', owner: 'Anna ', within: '14' }, scopes), {
    kinds: ['corrective-action'],
    scope: 2,
    owner: 'Anna',
    within_days: 14,
  });
  assert.deepEqual(backendFilter({ kind: '', scope: '', owner: '', within: '' }, scopes), { kinds: [], scope: null, owner: '', within_days: null });
});

test('a scope id the workspace does not hold filters nothing, as the picker then shows every scope', () => {
  assert.equal(backendFilter({ kind: '', scope: '9', owner: '', within: '' }, scopes).scope, null);
  assert.equal(backendFilter({ kind: '', scope: 'ECU', owner: '', within: '' }, scopes).scope, null, 'a name from an older link is no id');
  assert.equal(backendFilter({ kind: '', scope: '2', owner: '', within: '' }).scope, null, 'without the scopes, no scope to send');
});

const d = (key, days_left, fields = {}) => ({ key, days_left, due: `d${days_left}`, kind: 'renewal', kind_name: 'Renewal', what: key, scope: null, owner: null, overdue: days_left < 0, ...fields });
const list = [
  d('b', 95, { kind_name: 'VCS label', scope: 'ECU', what: 'Label expires' }),
  d('a', -86, { kind_name: 'Corrective action', scope: 'ECU', owner: 'Anna', what: 'Review the policy' }),
  d('c', 67, { kind_name: 'TISAX label', what: 'TISAX label expires' }),
  d('e', 95, { kind_name: 'Follow-up audit', scope: 'Body', what: 'Follow-up' }),
];

test('by due date, overdue ones come first, ties by key', () => {
  assert.deepEqual(sortDeadlines(list).map((x) => x.key), ['a', 'c', 'b', 'e']);
  assert.deepEqual(sortDeadlines(list, 'due', 'desc').map((x) => x.key), ['e', 'b', 'c', 'a']);
  assert.deepEqual(sortDeadlines(list, 'countdown').map((x) => x.key), ['a', 'c', 'b', 'e'], 'the countdown sorts as the due date');
});

test('by kind and by what, alphabetically in the shown words', () => {
  assert.deepEqual(sortDeadlines(list, 'kind').map((x) => x.kind_name), ['Corrective action', 'Follow-up audit', 'TISAX label', 'VCS label']);
  assert.deepEqual(sortDeadlines(list, 'what', 'desc').map((x) => x.key), ['c', 'a', 'b', 'e']);
});

test('by scope or owner, deadlines without one come last in either direction', () => {
  assert.deepEqual(sortDeadlines(list, 'scope').map((x) => x.key), ['e', 'a', 'b', 'c']);
  assert.deepEqual(sortDeadlines(list, 'scope', 'desc').map((x) => x.key), ['b', 'a', 'e', 'c']);
  assert.deepEqual(sortDeadlines(list, 'owner').map((x) => x.key)[0], 'a');
  assert.deepEqual(sortDeadlines(list, 'owner', 'desc').map((x) => x.key)[0], 'a');
});

test('sorting leaves the list it was given alone', () => {
  const before = list.map((x) => x.key);
  sortDeadlines(list, 'kind', 'desc');
  assert.deepEqual(list.map((x) => x.key), before);
});

test('the summary counts overdue ones and those due soon, apart', () => {
  assert.deepEqual(deadlineSummary(list, 90), { total: 4, overdue: 1, soon: 1 });
  assert.deepEqual(deadlineSummary([], 90), { total: 0, overdue: 0, soon: 0 });
});
