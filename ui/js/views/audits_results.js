// The auditor's results of one audit as one table (widgets/results_table.js): a row per
// applicable question, filled by keyboard, saved with one button in one transaction. After
// the save the whole screen is drawn again, so every panel (overall result, tally, the labels
// and what comes next) tells what is saved.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { splitQuestions } from '../lib/audits.js';
import { resultsTable } from '../widgets/results_table.js';

/** The results table of audit `detail` (see audits_detail.js) with its save button. */
export function resultsSection(detail) {
  const { app, view } = detail;
  const { t } = app;
  const { applicable } = splitQuestions(view.questions);
  if (!applicable.length) return el('p', { class: 'hint', id: 'audit-results' }, t('audits_ui.nothing_applies'));
  return resultsTable({
    t,
    id: 'audit-results',
    rowId: (q) => `audit-q-${q}`,
    rows: applicable.map((q) => ({ id: q.id, text: detail.questionText.get(q.id) ?? '', result: q.result, description: q.findings_description })),
    // NA is not a result of an applicable question (the scope makes a question NA).
    choices: app.vocabulary.audit_results.filter((r) => r !== 'na'),
    labels: {
      question: 'audits_ui.col_question',
      result: 'audits_ui.col_result',
      description: 'audits_ui.col_findings',
      resultOf: 'audits_ui.result_of',
      descriptionOf: 'audits_ui.findings_of',
      save: 'audits_ui.save_results',
      keys: 'audits_ui.results_keys',
      changed: 'audits_ui.results_changed',
      refused: 'audits_ui.results_refused',
    },
    classes: { select: 'audit-result', text: 'audit-findings', textSuffix: 'findings' },
    prefix: 'results',
    labelledBy: 'audit-results-heading',
    save: async (changed) => {
      await api.setAuditResults(view.id, changed);
      detail.redrawAll({ id: 'audit-results-status', text: t('audits_ui.results_saved', { count: changed.length }) });
    },
  });
}
