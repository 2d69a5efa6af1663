// The vault's findings panel: groups of items with the same content and items linked to
// nothing (the first few of each; the backend counts the rest, evidence_findings).

import { el } from '../lib/dom.js';

/** The duplicate groups shown at most; the rest are counted. */
export const SHOWN_DUPLICATE_GROUPS = 10;
/** The orphans asked for and shown at most; the rest are counted (and can fill the table). */
export const SHOWN_ORPHANS = 20;

/**
 * The panel for `findings`, or null when there is nothing to look at. `open(item)` shows an
 * item; `showOrphans()` filters the table to the items linked to nothing.
 */
export function findingsPanel(t, findings, { open, showOrphans }) {
  if (!findings.duplicates.length && !findings.orphan_count) return null;
  const item = (entry) =>
    el('button', { type: 'button', class: 'link-button', dataset: { openEvidence: entry.id }, onclick: () => open(entry.id) }, entry.title);
  const more = (count) => (count > 0 ? el('li', { class: 'hint findings-more' }, t('vault.orphans_more', { count })) : null);
  return el(
    'div',
    { class: 'panel findings', id: 'evidence-findings' },
    el('h2', {}, t('vault.findings')),
    findings.duplicates.length
      ? el(
          'div',
          { id: 'evidence-duplicates' },
          el('h3', {}, t('evidence.duplicates'), ' ', el('span', { class: 'hint' }, t('vault.duplicates_hint'))),
          el(
            'ul',
            {},
            findings.duplicates.slice(0, SHOWN_DUPLICATE_GROUPS).map((group) => el('li', {}, group.flatMap((entry, i) => [i ? ' = ' : null, item(entry)]))),
            more(findings.duplicates.length - SHOWN_DUPLICATE_GROUPS),
          ),
        )
      : null,
    findings.orphan_count
      ? el(
          'div',
          { id: 'evidence-orphans' },
          el('h3', {}, t('evidence.orphans'), ' ', el('span', { class: 'hint' }, t('vault.orphans_hint'))),
          el('ul', { class: 'inline-list' }, findings.orphans.slice(0, SHOWN_ORPHANS).map((entry) => el('li', {}, item(entry))), more(findings.orphan_count - findings.orphans.length)),
          el('button', { type: 'button', id: 'evidence-show-orphans', onclick: showOrphans }, t('vault.orphans_show')),
        )
      : null,
  );
}
