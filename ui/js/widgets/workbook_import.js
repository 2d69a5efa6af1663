// Taking over a filled ENX workbook in two steps: Preview reads it and shows what would change
// (nothing is written), Apply makes exactly those changes. Apply is offered only after a
// preview of the same path that found something; editing the path withdraws it.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { show, statusLine } from '../views/form.js';
import { chooseButton, pathField, pathInput } from './path_field.js';

/**
 * The path field (with Browse, which previews at once), the Preview and Apply buttons and
 * the status line. `ids` = { path, choose, preview, apply, status }. `request(path, apply)`
 * calls the backend; `previewed(outcome)` draws the preview and answers the status
 * `{ text, kind, canApply }`; `applied(outcome)` redraws after applying.
 */
export function workbookImport({ t, ids, label, request, previewed, applied }) {
  const path = pathInput(ids.path);
  const status = statusLine(ids.status);
  const preview = el('button', { type: 'button', id: ids.preview }, t('mapping.import_preview'));
  const apply = el('button', { type: 'button', class: 'primary', id: ids.apply, disabled: true }, t('mapping.import_apply'));
  let previewedPath = null;
  const run = async (doApply) => {
    preview.disabled = true;
    apply.disabled = true;
    show(status, t(doApply ? 'mapping.import_applying' : 'mapping.import_reading'));
    try {
      const outcome = await request(path.value.trim(), doApply);
      if (doApply) {
        await applied(outcome);
        return;
      }
      previewedPath = path.value.trim();
      const shown = previewed(outcome);
      show(status, shown.text, shown.kind ?? '');
      apply.disabled = !shown.canApply;
    } catch (error) {
      show(status, error.message, 'error');
    } finally {
      preview.disabled = false;
    }
  };
  preview.addEventListener('click', () => run(false));
  apply.addEventListener('click', () => {
    if (previewedPath === path.value.trim()) run(true);
  });
  path.addEventListener('input', () => (apply.disabled = true));
  const choose = chooseButton({
    id: ids.choose,
    text: t('catalogue.browse'),
    pick: api.pickCatalogueFile,
    input: path,
    onPicked: () => run(false),
    onError: (error) => show(status, error.message, 'error'),
  });
  return {
    status,
    field: pathField({ input: path, label, choose }),
    actions: el('div', { class: 'actions' }, preview, apply, status),
  };
}
