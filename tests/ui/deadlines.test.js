// Unit tests of ui/js/lib/deadlines.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backendFilter, filterFromParams, parseWithin } from '../../ui/js/lib/deadlines.js';

// A fixture copy of the vocabulary's deadline_kinds (core's DeadlineKind).
const KINDS = ['vcs-label', 'renewal', 'tisax-label', 'corrective-action', 'follow-up-audit', 'evidence-review', 'planned-audit'];

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
  assert.deepEqual(filterFromParams({ kind: 'renewal', scope: '2', owner: 'Anna', within: '30' }, Infinity, KINDS), { kind: 'renewal', scope: '2', owner: 'Anna', within: '30' });
  assert.deepEqual(filterFromParams({ kind: 'audit', within: 'x' }, Infinity, KINDS), { kind: '', scope: '', owner: '', within: '' });
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
