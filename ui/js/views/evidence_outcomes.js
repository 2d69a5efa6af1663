// What the vault reports about files: the items a rescan found changed, missing or failed
// (each a link to the item), and the choice offered for a new file with the content of an
// item whose source is missing (relocate that item, or add the file as a new one).

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';

/**
 * The list of items a scan `report` names (report.items: [{ id, title, outcome, message }]);
 * `open(id)` opens one below the table.
 */
export function scanItemsList({ t }, report, open) {
  const items = report?.items ?? [];
  return el(
    'ul',
    { id: 'evidence-scan-items', class: 'outcomes scan-items', hidden: items.length === 0 },
    items.map((item) =>
      el(
        'li',
        { class: item.outcome, dataset: { evidenceId: item.id, outcome: item.outcome } },
        t(`scan_items.${item.outcome}`),
        ' ',
        el('a', { href: `#/evidence?id=${item.id}`, class: 'scan-item-link', onclick: (event) => { event.preventDefault(); open(item.id); } }, item.title || `#${item.id}`),
        item.message ? el('span', { class: 'hint' }, ` ${item.message}`) : null,
      ),
    ),
  );
}

/**
 * The buttons under a `same_as_missing` outcome: relocate item `outcome.id` to the file, or
 * add the file as a new item (`addAsNew(path)`); `done(text)` reports a relocation.
 */
export function twinChoice({ t }, outcome, { addAsNew, done, failed }) {
  return el(
    'span',
    { class: 'actions twin-choice' },
    el(
      'button',
      {
        type: 'button',
        class: 'primary',
        dataset: { relocateTo: outcome.path, relocateItem: outcome.id },
        onclick: async () => {
          try {
            await api.relocateEvidence(outcome.id, outcome.path);
            await done(t('files.relocated_item', { title: outcome.title }));
          } catch (error) {
            failed(error);
          }
        },
      },
      t('files.relocate_item', { title: outcome.title }),
    ),
    el('button', { type: 'button', dataset: { addAsNew: outcome.path }, onclick: () => addAsNew(outcome.path) }, t('files.add_as_new')),
  );
}
