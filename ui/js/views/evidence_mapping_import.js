// The requirements tab's import of a filled ENX workbook's self-assessment columns: a preview
// of every change (before → after), then taking them over in one transaction.

import * as api from '../api/commands.js';
import { el, replaceShown } from '../lib/dom.js';
import { show } from './form.js';
import { changeCell, previewTable, skippedList } from '../widgets/preview_table.js';
import { workbookImport } from '../widgets/workbook_import.js';

/**
 * The panel that takes over a filled ENX workbook's self-assessment for `scope` ({ id, name }):
 * preview, then apply. `state` keeps { importOpen, importStatus } across redraws; `redraw`
 * draws the tab again after an apply.
 */
export function importPanel(app, { scope, state, redraw }) {
  const { t } = app;
  const results = el('div', { id: 'assess-import-results' });
  const form = workbookImport({
    t,
    ids: { path: 'assess-workbook-path', choose: 'assess-workbook-choose', preview: 'assess-preview', apply: 'assess-apply', status: 'assess-import-status' },
    label: t('mapping.import_file'),
    request: (path, apply) => api.importAssessment(scope.id, path, apply),
    previewed: (outcome) => {
      drawImport(app, results, outcome);
      const count = outcome.changes.length;
      return count
        ? { text: t('mapping.import_previewed', { count }), canApply: true }
        : { text: t('mapping.import_nothing'), kind: 'ok', canApply: false };
    },
    applied: async (outcome) => {
      state.importOpen = true;
      state.importStatus = t('mapping.import_applied', { count: outcome.changes.length });
      await redraw();
    },
  });
  const status = form.status;
  if (state.importStatus) {
    show(status, state.importStatus, 'ok');
    state.importStatus = null;
  }
  const panel = el(
    'details',
    { class: 'panel', id: 'assess-import', open: state.importOpen },
    el('summary', {}, t('mapping.import_heading', { scope: scope.name })),
    el('p', { class: 'hint' }, t('mapping.import_hint')),
    form.field,
    form.actions,
    results,
  );
  panel.addEventListener('toggle', () => {
    state.importOpen = panel.open;
  });
  return panel;
}

function drawImport(app, host, outcome) {
  const { t } = app;
  const value = (field, text) => (text && field === 'result' ? t(`assess_result.${text}`) : text);
  replaceShown(
    host,
    previewTable({
      id: 'assess-changes',
      headers: ['mapping.import_question', 'mapping.import_field', 'mapping.import_change'].map((k) => t(k)),
      rows: outcome.changes,
      row: (c) => ({
        dataset: { question: c.question, field: c.field },
        question: c.question,
        cells: [
          el('td', {}, t(`mapping.import_field_${c.field}`)),
          changeCell(value(c.field, c.before), value(c.field, c.after), t('mapping.import_empty')),
        ],
      }),
    }),
    skippedList({ id: 'assess-skipped', skipped: outcome.skipped, t }),
  );
}
