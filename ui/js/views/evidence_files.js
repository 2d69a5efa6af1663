// An evidence item's files: open the newest (or any stored) version with the OS's default
// program, show where the source lives, and point the item at its source's new place when
// it moved ("Locate…" opens the file dialog; the path can be typed too). The backend resolves
// every path from the item's and version's ids; only a relocation sends a path.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { markFields, show, statusLine } from './form.js';
import { chooseButton, pathField, pathInput } from '../widgets/path_field.js';

/** The row of file actions and the relocation field of `item`; `on.changed()` reloads. */
export function fileActions(app, item, on) {
  const { t } = app;
  const status = statusLine('detail-files-status');
  const open = el('button', { type: 'button', id: 'detail-open', onclick: () => openVersion(app, item.id, null, status) }, t('files.open'));
  const where = el('p', { class: 'source-path', id: 'detail-source-shown', hidden: true });
  const reveal = el(
    'button',
    {
      type: 'button',
      id: 'detail-reveal',
      disabled: item.state === 'missing',
      title: item.state === 'missing' ? t('files.reveal_missing') : null,
      onclick: async () => {
        try {
          const path = await api.revealEvidence(item.id);
          where.hidden = false;
          where.textContent = t('files.source_is', { path });
          show(status, '');
        } catch (error) {
          show(status, error.message, 'error');
        }
      },
    },
    t('files.reveal'),
  );
  const path = pathInput('detail-relocate-path', '', 'path');
  const form = el('form', { id: 'detail-relocate-form', class: 'form wide', novalidate: true });
  const relocate = async () => {
    markFields(form, null);
    try {
      const done = await api.relocateEvidence(item.id, path.value.trim());
      await on.changed();
      const line = document.getElementById('detail-files-status') ?? status;
      show(line, done.new_version ? t('files.relocated_changed', { version: done.new_version }) : t('files.relocated'), 'ok');
    } catch (error) {
      markFields(form, error);
      show(status, error.message, 'error');
    }
  };
  const locate = chooseButton({
    id: 'detail-locate',
    text: t('files.locate'),
    pick: api.pickRelocateFile,
    input: path,
    onPicked: relocate,
    onError: (error) => show(status, error.message, 'error'),
  });
  form.append(
    pathField({ name: 'path', input: path, label: t('files.relocate_path'), choose: locate, hint: t('files.relocate_hint') }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'detail-relocate' }, t('files.relocate'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    relocate();
  });
  return el(
    'div',
    { class: 'file-actions', id: 'detail-files' },
    el('div', { class: 'actions' }, open, reveal, status),
    where,
    el('details', { id: 'detail-relocate-panel', open: item.state === 'missing' }, el('summary', {}, t('files.relocate_heading')), form),
  );
}

/** A version row's Open button. */
export function openVersionButton(app, itemId, version) {
  const { t } = app;
  return el(
    'button',
    {
      type: 'button',
      class: 'link-button',
      dataset: { openVersion: version },
      'aria-label': t('files.open_version', { version }),
      onclick: () => openVersion(app, itemId, version, document.getElementById('detail-files-status')),
    },
    t('files.open_short'),
  );
}

async function openVersion({ t }, id, version, status) {
  try {
    await api.openEvidence(id, version);
    if (status) show(status, t('files.opened'), 'ok');
  } catch (error) {
    if (status) show(status, error.message, 'error');
  }
}
