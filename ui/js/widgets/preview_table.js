// The before/after table a workbook import shows before it is applied: one row per change,
// the question as the row's header, and the change as "before → after".

import { el } from '../lib/dom.js';

/** The "before → after" cell; empty values show as `empty` (a hint). */
export function changeCell(before, after, empty) {
  const shown = (value) => (value === null || value === undefined || value === '' ? el('span', { class: 'hint' }, empty) : value);
  return el('td', { class: 'change' }, el('span', { class: 'before' }, shown(before)), ' → ', el('span', { class: 'after' }, shown(after)));
}

/**
 * The table `#id` (null when `rows` is empty): `headers` are the column titles, `row(item)`
 * gives `{ dataset, question, cells }` where `cells` follow the question's header cell.
 */
export function previewTable({ id, headers, rows, row }) {
  if (!rows.length) return null;
  return el(
    'table',
    { class: 'grid compact', id },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      rows.map((item) => {
        const { dataset, question, cells } = row(item);
        return el('tr', { dataset }, el('th', { scope: 'row' }, question), ...cells);
      }),
    ),
  );
}

/** The rows the import skipped, under a heading of `level`, or null when none were. */
export function skippedList({ id, skipped, t, level = 'h3' }) {
  if (!skipped.length) return null;
  return el(
    'div',
    {},
    el(level, {}, t('mapping.import_skipped', { count: skipped.length })),
    el('ul', { id, class: 'outcomes' }, skipped.map((s) => el('li', { class: 'failed', dataset: { row: s.row } }, t('mapping.import_row', { row: s.row }), ' ', s.message))),
  );
}
