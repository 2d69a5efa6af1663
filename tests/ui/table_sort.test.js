import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ariaSort, nextSort, sortMark } from '../../ui/js/lib/table_sort.js';

test('only the sorted column announces a direction to screen readers', () => {
  const sort = { key: 'due', dir: 'asc' };
  assert.equal(ariaSort(sort, 'due'), 'ascending');
  assert.equal(ariaSort({ key: 'due', dir: 'desc' }, 'due'), 'descending');
  assert.equal(ariaSort(sort, 'title'), 'none');
});

test('only the sorted column shows an arrow, pointing the way it sorts', () => {
  assert.equal(sortMark({ key: 'due', dir: 'asc' }, 'due'), ' ▲');
  assert.equal(sortMark({ key: 'due', dir: 'desc' }, 'due'), ' ▼');
  assert.equal(sortMark({ key: 'due', dir: 'asc' }, 'owner'), '');
  assert.equal(sortMark(null, 'owner'), '', 'no sort yet marks nothing');
});

test('clicking the sorted column again turns it round; another column starts ascending', () => {
  assert.deepEqual(nextSort({ key: 'due', dir: 'asc' }, 'due'), { key: 'due', dir: 'desc' });
  assert.equal(nextSort({ key: 'due', dir: 'desc' }, 'owner').key, 'owner');
});
