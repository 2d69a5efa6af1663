// Sortable table headers as pure functions of the sort ({ key, dir: 'asc'|'desc' }); the
// header cells themselves are built by widgets/sortable_header.js.

import { nextSort } from './evidence_table.js';

export { nextSort };

/** The value of `aria-sort` for column `key` under `sort` ({ key, dir }). */
export function ariaSort(sort, key) {
  if (sort?.key !== key) return 'none';
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

/** The arrow after a sorted column's title ('' for the others). */
export function sortMark(sort, key) {
  if (sort?.key !== key) return '';
  return sort.dir === 'asc' ? ' ▲' : ' ▼';
}
