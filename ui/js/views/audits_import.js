// Takes over the audit provider's filled ENX workbook into an audit: first a preview of every
// result that would change and every measure that would become a finding with a corrective
// action, then, on request, the same changes applied.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { importChangeCount } from '../lib/audits.js';
import { show, statusLine } from './form.js';
import { chooseButton, pathField, pathInput } from '../widgets/path_field.js';
import { changeCell, previewTable, skippedList } from '../widgets/preview_table.js';

// Whether the panel was open, kept across the redraw after applying.
const view = { open: false };

/** The collapsible import panel of audit `detail` (see audits_detail.js). */
export function importPanel(detail) {
  const { app, view: audit } = detail;
  const { t } = app;
  const path = pathInput('audit-workbook-path');
  const status = statusLine('audit-import-status');
  const results = el('div', { id: 'audit-import-results' });
  const preview = el('button', { type: 'button', id: 'audit-import-preview' }, t('mapping.import_preview'));
  const apply = el('button', { type: 'button', class: 'primary', id: 'audit-import-apply', disabled: true }, t('mapping.import_apply'));
  let previewed = null;
  const run = async (doApply) => {
    preview.disabled = true;
    apply.disabled = true;
    show(status, t(doApply ? 'mapping.import_applying' : 'mapping.import_reading'));
    try {
      const outcome = await api.importAuditWorkbook(audit.id, path.value.trim(), doApply);
      const count = importChangeCount(outcome);
      if (doApply) {
        view.open = true;
        detail.redrawAll({ id: 'audit-import-status', text: t('audits_ui.import_applied', { results: outcome.results.length, measures: outcome.measures.length }) });
        return;
      }
      previewed = path.value.trim();
      drawOutcome(app, results, outcome);
      show(status, count ? t('audits_ui.import_previewed', { results: outcome.results.length, measures: outcome.measures.length }) : t('mapping.import_nothing'), count ? '' : 'ok');
      apply.disabled = !count;
    } catch (error) {
      show(status, error.message, 'error');
    } finally {
      preview.disabled = false;
    }
  };
  preview.addEventListener('click', () => run(false));
  apply.addEventListener('click', () => {
    if (previewed === path.value.trim()) run(true);
  });
  path.addEventListener('input', () => (apply.disabled = true));
  const choose = chooseButton({
    id: 'audit-workbook-choose',
    text: t('catalogue.browse'),
    pick: api.pickCatalogueFile,
    input: path,
    onPicked: () => run(false),
    onError: (error) => show(status, error.message, 'error'),
  });
  const panel = el(
    'details',
    { class: 'panel', id: 'audit-import', open: view.open },
    el('summary', {}, t('audits_ui.import_heading')),
    el('p', { class: 'hint' }, t('audits_ui.import_hint')),
    pathField({ input: path, label: t('audits_ui.import_file'), choose }),
    el('div', { class: 'actions' }, preview, apply, status),
    results,
  );
  panel.addEventListener('toggle', () => (view.open = panel.open));
  return panel;
}

function drawOutcome(app, host, outcome) {
  const { t } = app;
  const result = (r) => (r ? t(`assess_result.${r}`) : null);
  host.replaceChildren(
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
