// The header cells of a sortable table: one button per column that sorts by it (again:
// the other way), with `aria-sort` and an arrow on the sorted column.

import { el } from '../lib/dom.js';
import { ariaSort, nextSort, sortMark } from '../lib/table_sort.js';

/**
 * `<th>` cells for `columns` under `sort` ({ key, dir }). `label(key)` is a column's title,
 * `cellClass(key)` its class (or null). A click calls `onSort(newSort)`, which redraws the
 * table, then focuses the same column's button inside `host` again.
 */
export function sortableHeader({ columns, sort, label, onSort, host, cellClass = () => null }) {
  return columns.map((key) =>
    el(
      'th',
      { scope: 'col', 'aria-sort': ariaSort(sort, key), class: cellClass(key) },
      el(
        'button',
        {
          type: 'button',
          class: 'sort',
          dataset: { sort: key },
          onclick: () => {
            onSort(nextSort(sort, key));
            host.querySelector(`[data-sort="${key}"]`)?.focus();
          },
        },
        label(key),
        el('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sortMark(sort, key)),
      ),
    ),
  );
}
