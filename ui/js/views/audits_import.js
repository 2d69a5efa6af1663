// Takes over the audit provider's filled ENX workbook into an audit: first a preview of every
// result that would change and every measure that would become a finding with a corrective
// action, then, on request, the same changes applied.

import * as api from '../api/commands.js';
import { el, replaceShown } from '../lib/dom.js';
import { importChangeCount } from '../lib/audits.js';
import { changeCell, previewTable, skippedList } from '../widgets/preview_table.js';
import { workbookImport } from '../widgets/workbook_import.js';

// Whether the panel was open, kept across the redraw after applying.
const view = { open: false };

/** The collapsible import panel of audit `detail` (see audits_detail.js). */
export function importPanel(detail) {
  const { app, view: audit } = detail;
  const { t } = app;
  const results = el('div', { id: 'audit-import-results' });
  const form = workbookImport({
    t,
    ids: { path: 'audit-workbook-path', choose: 'audit-workbook-choose', preview: 'audit-import-preview', apply: 'audit-import-apply', status: 'audit-import-status' },
    label: t('audits_ui.import_file'),
    request: (path, apply) => api.importAuditWorkbook(audit.id, path, apply),
    previewed: (outcome) => {
      drawOutcome(app, results, outcome);
      const count = importChangeCount(outcome);
      return count
        ? { text: t('audits_ui.import_previewed', { results: outcome.results.length, measures: outcome.measures.length }), canApply: true }
        : { text: t('mapping.import_nothing'), kind: 'ok', canApply: false };
    },
    applied: (outcome) => {
      view.open = true;
      detail.redrawAll({ id: 'audit-import-status', text: t('audits_ui.import_applied', { results: outcome.results.length, measures: outcome.measures.length }) });
    },
  });
  const panel = el(
    'details',
    { class: 'panel', id: 'audit-import', open: view.open },
    el('summary', {}, t('audits_ui.import_heading')),
    el('p', { class: 'hint' }, t('audits_ui.import_hint')),
    form.field,
    form.actions,
    results,
  );
  panel.addEventListener('toggle', () => (view.open = panel.open));
  return panel;
}

function drawOutcome(app, host, outcome) {
  const { t } = app;
  const result = (r) => (r ? t(`assess_result.${r}`) : null);
  replaceShown(
    host,
    previewTable({
      id: 'audit-import-changes',
      headers: ['mapping.import_question', 'mapping.import_change', 'audits_ui.col_findings'].map((k) => t(k)),
      rows: outcome.results,
      row: (c) => ({
        dataset: { question: c.question, result: c.after },
        question: c.question,
        cells: [
          changeCell(result(c.before), result(c.after), t('mapping.import_empty')),
          el('td', {}, c.findings_description || el('span', { class: 'hint' }, t('mapping.import_empty'))),
        ],
      }),
    }),
    outcome.measures.length
      ? el(
          'div',
          {},
          el('h4', {}, t('audits_ui.import_measures', { count: outcome.measures.length })),
          el('p', { class: 'hint' }, t('audits_ui.import_measures_hint')),
          el('ul', { id: 'audit-import-measures', class: 'outcomes' }, outcome.measures.map((m) => el('li', { dataset: { question: m.question } }, el('span', { class: 'qid' }, m.question), m.text))),
        )
      : null,
    skippedList({ id: 'audit-import-skipped', skipped: outcome.skipped, t, level: 'h4' }),
  );
}
