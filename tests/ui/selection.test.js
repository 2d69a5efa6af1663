// Unit tests of ui/js/lib/selection.js: ticking rows, shift-click ranges, and "every item the
// filter keeps" sent as the query, not as the rows loaded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clear, emptySelection, isTicked, selectAllMatching, selectedCount, selectionPayload, tick, tickPage } from '../../ui/js/lib/selection.js';

const page = [11, 12, 13, 14, 15];

test('a shift-click ticks every row between the last click and this one, either way', () => {
  const s = emptySelection();
  tick(s, page, 12, true);
  tick(s, page, 15, true, true);
  assert.deepEqual(selectionPayload(s, {}), { ids: [12, 13, 14, 15] });
  tick(s, page, 13, false, true);
  assert.deepEqual(selectionPayload(s, {}), { ids: [12] }, 'from 15 back to 13: the three unticked');
  tick(s, page, 99, true, true);
  assert.deepEqual(selectionPayload(s, {}), { ids: [12, 99] }, 'a row off the page is ticked alone');
});

test('every matching item is sent as the filter without paging or sort, counted by the total', () => {
  const s = emptySelection();
  tickPage(s, page, true);
  assert.equal(selectedCount(s, 20000), 5);
  selectAllMatching(s);
  assert.equal(selectedCount(s, 20000), 20000, 'the query\'s count, not the 100 rows loaded');
  assert.ok(isTicked(s, 999), 'every row shows ticked, on every page');
  const query = { filter: 'tara', state: 'current', work_product: '', classification: '', linked: null, sort: 'title', direction: 'asc', offset: 200, limit: 100 };
  assert.deepEqual(selectionPayload(s, query), { filter: { filter: 'tara', state: 'current', work_product: '', classification: '', linked: null } });
});

test('unticking a row of "every match" goes back to the page\'s rows; clearing empties', () => {
  const s = selectAllMatching(emptySelection());
  tick(s, page, 13, false);
  assert.deepEqual(selectionPayload(s, {}), { ids: [11, 12, 14, 15] });
  tickPage(s, page, false);
  assert.equal(selectedCount(s, 50), 0);
  selectAllMatching(s);
  tickPage(s, page, false);
  assert.equal(selectedCount(s, 50), 0, 'unticking the page while all are chosen clears');
  tick(s, page, 11, true);
  clear(s);
  assert.equal(selectedCount(s, 50), 0);
});
