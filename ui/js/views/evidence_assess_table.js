// The requirements tab's self-assessment of every applicable question at once: the results
// table (widgets/results_table.js) with the implementation description as its text, saved
// with one button in one transaction; the tab is then drawn again so that every question
// block and the predicted result show what is saved.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { resultsTable } from '../widgets/results_table.js';

/** The folded panel; `redraw(flash)` draws the tab again after a save. */
export function assessTablePanel(app, scope, readiness, redraw) {
  const { t } = app;
  const applicable = readiness.questions.filter((q) => q.applicable);
  if (!applicable.length) return null;
  const details = el('details', { class: 'panel', id: 'assess-table-panel' }, el('summary', {}, t('mapping.assess_all')));
  // Built when first opened: most visits look at requirements, not at every result.
  details.addEventListener('toggle', () => {
    if (!details.open || details.querySelector('table')) return;
    details.append(
      resultsTable({
        t,
        id: 'assess-table',
        rowId: (q) => `assess-all-${q}`,
        rows: applicable.map((q) => ({ id: q.id, text: q.text, result: q.result, description: q.implementation })),
        // NA is the scope's applicability, not a result typed here.
        choices: app.vocabulary.audit_results.filter((r) => r !== 'na'),
        labels: {
          question: 'audits_ui.col_question',
          result: 'mapping.assess_result',
          description: 'mapping.assess_implementation',
          resultOf: 'audits_ui.result_of',
          descriptionOf: 'mapping.assess_implementation_of',
          save: 'audits_ui.save_results',
          keys: 'audits_ui.results_keys',
          changed: 'audits_ui.results_changed',
          refused: 'audits_ui.results_refused',
        },
        classes: { select: 'assess-all-result', text: 'assess-all-implementation', textSuffix: 'implementation' },
        prefix: 'assessments',
        save: async (changed) => {
          await api.assessMany(
            scope.id,
            changed.map((c) => ({ question: c.question, result: c.result, implementation: c.findings_description })),
          );
          await redraw(t('audits_ui.results_saved', { count: changed.length }));
        },
      }),
    );
  });
  return details;
}
