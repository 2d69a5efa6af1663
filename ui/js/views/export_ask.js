// The questions the export screen asks before a package is written, in the form itself (no
// modal): a partner level above what the scope is published or shared at, and linked evidence
// with unreviewed changes (the last reviewed version, which is the default, the newest, or
// stop). Each question answers with the value of the button pressed; Escape stops.

import { el } from '../lib/dom.js';

/**
 * Shows a question in `host` and resolves with the `value` of the choice pressed (the first
 * choice has the focus; Escape answers `null`). `choices`: [{ id, label, value, primary }].
 */
export function ask(host, { id, title, text, items = [], choices }) {
  return new Promise((resolve) => {
    const done = (value) => {
      host.replaceChildren();
      host.hidden = true;
      resolve(value);
    };
    const buttons = choices.map((c) =>
      el('button', { type: 'button', id: c.id, class: c.primary ? 'primary' : '', onclick: () => done(c.value) }, c.label),
    );
    const box = el(
      'div',
      { id, class: 'export-ask', role: 'alertdialog', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
      el('h3', { id: `${id}-title` }, title),
      el('p', { id: `${id}-text` }, text),
      items.length ? el('ul', {}, items.map((item) => el('li', {}, item))) : null,
      el('div', { class: 'actions' }, buttons),
    );
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        done(null);
      }
    });
    host.hidden = false;
    host.replaceChildren(box);
    buttons[0]?.focus();
  });
}

/** Asks about a partner level above the scope's sharing: true to write it anyway. */
export function askAbove(host, t, text) {
  return ask(host, {
    id: 'export-above',
    title: t('export_ui.above_title'),
    text,
    choices: [
      { id: 'export-above-stop', label: t('export_ui.versions_stop'), value: false, primary: true },
      { id: 'export-above-confirm', label: t('export_ui.above_confirm'), value: true },
    ],
  }).then((value) => value === true);
}

/** Asks which version of evidence with unreviewed changes to include: 'reviewed', 'newest' or null (stop). */
export function askVersions(host, t, unreviewed) {
  return ask(host, {
    id: 'export-unreviewed',
    title: t('export_ui.unreviewed_title'),
    text: t('export_ui.unreviewed_intro', { count: unreviewed.length }),
    items: unreviewed.map((u) =>
      t('export_ui.unreviewed_item', { title: u.title, latest: u.latest_version, reviewed: u.reviewed_version }),
    ),
    choices: [
      { id: 'export-versions-reviewed', label: t('export_ui.versions_reviewed'), value: 'reviewed', primary: true },
      { id: 'export-versions-newest', label: t('export_ui.versions_newest'), value: 'newest' },
      { id: 'export-versions-stop', label: t('export_ui.versions_stop'), value: null },
    ],
  });
}
