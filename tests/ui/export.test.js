import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PACKAGE_LEVELS,
  PUBLICATION_LEVELS,
  SHARING_LEVELS,
  exportSteps,
  levelKey,
  percent,
  shortSha,
  sortHistory,
} from '../../ui/js/lib/export.js';

test('levels are the ones the backend takes', () => {
  assert.deepEqual(PACKAGE_LEVELS, ['full', 'A', 'A+labels', 'A+labels+B']);
  assert.deepEqual(SHARING_LEVELS, ['A', 'A+labels', 'A+labels+B']);
  assert.deepEqual(PUBLICATION_LEVELS, ['do-not-share', 'A', 'A+labels', 'A+labels+B']);
});

test('levelKey turns a level into a message key part', () => {
  assert.equal(levelKey('full'), 'full');
  assert.equal(levelKey('A'), 'a');
  assert.equal(levelKey('A+labels'), 'a_labels');
  assert.equal(levelKey('A+labels+B'), 'a_labels_b');
  assert.equal(levelKey('do-not-share'), 'do_not_share');
  assert.equal(levelKey(null), '');
  const keys = PUBLICATION_LEVELS.map(levelKey);
  assert.equal(new Set(keys).size, keys.length, 'distinct levels give distinct keys');
});

test('shortSha cuts long hashes and keeps short text', () => {
  const sha = 'a'.repeat(64);
  assert.equal(shortSha(sha), `${'a'.repeat(12)}…`);
  assert.equal(shortSha(sha, 8), `${'a'.repeat(8)}…`);
  assert.equal(shortSha('abc'), 'abc');
  assert.equal(shortSha(undefined), '');
});

test('percent rounds and clamps a fraction', () => {
  assert.equal(percent(0), 0);
  assert.equal(percent(0.456), 46);
  assert.equal(percent(1), 100);
  assert.equal(percent(1.2), 100);
  assert.equal(percent(-0.1), 0);
  assert.equal(percent(null), null);
  assert.equal(percent('x'), null);
});

test('sortHistory puts the newest first and leaves the list alone', () => {
  const list = [
    { path: '/b.zip', generated_at: '2026-01-01T10:00:00Z' },
    { path: '/c.zip', generated_at: '2026-03-01T10:00:00Z' },
    { path: '/a.zip', generated_at: '2026-01-01T10:00:00Z' },
  ];
  assert.deepEqual(sortHistory(list).map((e) => e.path), ['/c.zip', '/a.zip', '/b.zip']);
  assert.equal(list[0].path, '/b.zip');
  assert.deepEqual(sortHistory(), []);
});


test('exportSteps asks about the partner level first, then the evidence versions, and only when needed', () => {
  assert.deepEqual(exportSteps({ unreviewed: [], above_shared: null }), []);
  assert.deepEqual(exportSteps({ unreviewed: [{ id: 1 }], above_shared: null }), ['versions']);
  assert.deepEqual(exportSteps({ unreviewed: [], above_shared: 'A package at level A …' }), ['above']);
  assert.deepEqual(exportSteps({ unreviewed: [{ id: 1 }], above_shared: 'x' }), ['above', 'versions']);
  assert.deepEqual(exportSteps(undefined), [], 'no answer asks nothing');
});
