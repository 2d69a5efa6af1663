// Unit tests of ui/js/lib/evidence_table.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  splitPaths,
  splitTargets,
  sortEvidence,
  nextSort,
  summariseOutcomes,
  progressFraction,
  shortHash,
  formatSize,
} from '../../ui/js/lib/evidence_table.js';

const item = (id, fields) => ({
  id,
  title: `Item ${id}`,
  work_product: null,
  owner: '',
  classification: 'internal',
  review_due: null,
  version: 1,
  state: 'current',
  links: [],
  link_details: [],
  ...fields,
});

const list = [
  item(1, { title: 'Security policy', work_product: 'WP-05-01', owner: 'Anna', review_due: '2027-05-01', version: 2, links: ['1.1.a'] }),
  item(2, { title: 'tara ECU', work_product: 'WP-09-02', owner: '', state: 'changed', classification: 'confidential', links: ['3.1', '3.2'] }),
  item(3, { title: 'Awareness slides', owner: 'Bernd', review_due: '2027-01-15', state: 'missing', classification: 'public' }),
  item(4, { title: 'Item 10', state: 'review-due', work_product: 'WP-10-01' }),
];

test('typed paths are one per line, and targets split on commas and spaces', () => {
  assert.deepEqual(splitPaths(' /a/b.pdf \n\n/c d/e.xlsx\r\n/a/b.pdf'), ['/a/b.pdf', '/c d/e.xlsx'], 'spaces inside a path stay');
  assert.deepEqual(splitTargets('1.1.a, 3.1;  5.2.b 1.1.a'), ['1.1.a', '3.1', '5.2.b']);
  assert.deepEqual(splitTargets('  '), []);
});

test('sorting by title ignores case and reads numbers as numbers', () => {
  const titles = sortEvidence([...list, item(5, { title: 'Item 9' })], 'title').map((i) => i.title);
  assert.deepEqual(titles, ['Awareness slides', 'Item 9', 'Item 10', 'Security policy', 'tara ECU']);
  assert.deepEqual(sortEvidence(list, 'title', 'desc').map((i) => i.id), [2, 1, 4, 3]);
});

test('items without an owner or review date go last in either direction', () => {
  assert.deepEqual(sortEvidence(list, 'owner', 'asc').map((i) => i.id), [1, 3, 2, 4]);
  assert.deepEqual(sortEvidence(list, 'owner', 'desc').map((i) => i.id), [3, 1, 2, 4]);
  assert.deepEqual(sortEvidence(list, 'review_due', 'asc').map((i) => i.id), [3, 1, 2, 4]);
});

test('state sorts the most urgent first, classification from public up, links by count', () => {
  // Core's orders, as the vocabulary sends them.
  const vocabulary = {
    evidence_states: ['missing', 'changed', 'review-due', 'current'],
    classifications: ['public', 'internal', 'confidential', 'strictly-confidential'],
  };
  assert.deepEqual(sortEvidence(list, 'state', 'asc', vocabulary).map((i) => i.state), ['missing', 'changed', 'review-due', 'current']);
  assert.deepEqual(sortEvidence(list, 'state', 'desc', vocabulary).map((i) => i.state), ['current', 'review-due', 'changed', 'missing']);
  assert.deepEqual(sortEvidence(list, 'classification', 'asc', vocabulary).map((i) => i.id), [3, 1, 4, 2]);
  assert.deepEqual(sortEvidence(list, 'links', 'desc').map((i) => i.id), [2, 1, 3, 4]);
  assert.deepEqual(sortEvidence(list, 'type').map((i) => i.id), [1, 2, 4, 3], 'by work product, none last');
});

test('clicking the sorted column flips it, another column starts ascending', () => {
  assert.deepEqual(nextSort({ key: 'title', dir: 'asc' }, 'title'), { key: 'title', dir: 'desc' });
  assert.deepEqual(nextSort({ key: 'title', dir: 'desc' }, 'title'), { key: 'title', dir: 'asc' });
  assert.deepEqual(nextSort({ key: 'title', dir: 'desc' }, 'state'), { key: 'state', dir: 'asc' });
});

test('an addition is summarised by outcome, listing what was not added', () => {
  const summary = summariseOutcomes([
    { path: '/a', outcome: 'added', id: 7 },
    { path: '/b', outcome: 'already_evidence', id: 2, message: '/b is evidence #2 already' },
    { path: '/c', outcome: 'failed', message: '/c cannot be read' },
    { path: '/d', outcome: 'added', id: 8 },
  ]);
  assert.equal(summary.added, 2);
  assert.equal(summary.already, 1);
  assert.equal(summary.failed, 1);
  assert.deepEqual(summary.problems.map((p) => p.path), ['/b', '/c']);
});

test('progress goes by bytes when there are any, else by files', () => {
  assert.equal(progressFraction({ files_done: 1, files_total: 4, bytes_done: 750, bytes_total: 1000 }), 0.75);
  assert.equal(progressFraction({ files_done: 3, files_total: 4, bytes_done: 0, bytes_total: 0 }), 0.75);
  assert.equal(progressFraction({ files_done: 0, files_total: 0, bytes_done: 0, bytes_total: 0 }), null);
  assert.equal(progressFraction(null), null);
});

test('hashes are shortened and sizes read in binary units', () => {
  assert.equal(shortHash('c82fc52c78bf8154d4dd7d8766c422ab'), 'c82fc52c78bf');
  assert.equal(formatSize(7, 'en'), '7 bytes');
  assert.equal(formatSize(7, 'de'), '7 Byte');
  assert.equal(formatSize(1536, 'en'), '1.5 kB');
  assert.equal(formatSize(5 * 1024 * 1024, 'en'), '5 MB');
  assert.equal(formatSize(1536, 'de'), '1,5 kB');
});
