// The auditor's results of one audit as one table: a row per applicable question with its
// result and description of findings, moved through with the arrow keys and filled by typing
// c (conform), m (minor), M (major) or n (none), saved with one button in one transaction.
// After the save the whole screen is drawn again, so every panel (overall result, tally, the
// labels and what comes next) tells what is saved.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { changedResults, resultForKey, resultProblems, rowAfterKey, splitQuestions } from '../lib/audits.js';
import { show, statusLine } from './form.js';

/** The results table of audit `detail` (see audits_detail.js) with its save button. */
export function resultsSection(detail) {
  const { app, view } = detail;
  const { t } = app;
  const { applicable } = splitQuestions(view.questions);
  if (!applicable.length) return el('p', { class: 'hint', id: 'audit-results' }, t('audits_ui.nothing_applies'));
  // What a select offers: the results an audit gives. NA is not one of them for an applicable
  // question (the scope makes a question NA), so it is not offered.
  const choices = app.vocabulary.audit_results.filter((r) => r !== 'na');
  const rows = applicable.map((q) => resultRow(detail, q, choices));
  const status = statusLine('audit-results-status');
  const save = el('button', { type: 'button', class: 'primary', id: 'audit-results-save' }, t('audits_ui.save_results'));
  const count = el('span', { class: 'hint', id: 'audit-results-changed' });
  const refresh = () => {
    const changed = changedResults(rows.map((r) => r.state()));
    count.textContent = changed.length ? t('audits_ui.results_changed', { count: changed.length }) : '';
    save.disabled = !changed.length;
  };
  const table = el(
    'table',
    { class: 'grid audit-results', id: 'audit-results', 'aria-labelledby': 'audit-results-heading', 'aria-describedby': 'audit-results-keys' },
    el(
      'thead',
      {},
      el('tr', {}, ['audits_ui.col_question', 'audits_ui.col_result', 'audits_ui.col_findings'].map((k) => el('th', { scope: 'col' }, t(k)))),
    ),
    el('tbody', {}, rows.map((r) => r.element)),
  );
  table.addEventListener('input', refresh);
  table.addEventListener('change', refresh);
  // Arrows move between rows (in the result column; a text keeps its own arrows), letters
  // set the focused row's result.
  table.addEventListener('keydown', (event) => {
    const select = event.target.closest?.('select.audit-result');
    if (!select || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = rows.findIndex((r) => r.select === select);
    const next = rowAfterKey(index, event.key, rows.length);
    if (next !== index || ['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      rows[next].select.focus();
      return;
    }
    const result = resultForKey(event.key);
    if (result === undefined || (result && !choices.includes(result))) return;
    event.preventDefault();
    select.value = result;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  save.addEventListener('click', async () => {
    const changed = changedResults(rows.map((r) => r.state()));
    if (!changed.length) return;
    save.disabled = true;
    for (const r of rows) r.problems([]);
    try {
      await api.setAuditResults(view.id, changed);
      detail.redrawAll({ id: 'audit-results-status', text: t('audits_ui.results_saved', { count: changed.length }) });
    } catch (error) {
      const problems = resultProblems(error.fields ?? []);
      let first = null;
      for (const r of rows) {
        const own = problems.get(r.question) ?? [];
        r.problems(own);
        if (own.length && !first) first = r;
      }
      show(status, problems.size ? t('audits_ui.results_refused', { count: problems.size }) : error.message, 'error');
      first?.select.focus();
      save.disabled = false;
    }
  });
  refresh();
  return el(
    'div',
    { class: 'audit-results-box' },
    el('p', { class: 'hint', id: 'audit-results-keys' }, t('audits_ui.results_keys')),
    table,
    el('div', { class: 'actions' }, save, count, status),
  );
}

/** One question's row: { element, select, question, state(), problems(list) }. */
function resultRow(detail, q, choices) {
  const { t } = detail.app;
  const base = `audit-q-${q.id}`;
  const select = el(
    'select',
    { class: 'audit-result', id: `${base}-result`, 'aria-label': t('audits_ui.result_of', { id: q.id }) },
    el('option', { value: '' }, t('audits_ui.result_none')),
    choices.map((r) => el('option', { value: r, selected: q.result === r }, t(`assess_result.${r}`))),
  );
  const findings = el('textarea', { class: 'audit-findings', id: `${base}-findings`, rows: 1, 'aria-label': t('audits_ui.findings_of', { id: q.id }) });
  findings.value = q.findings_description ?? '';
  const error = el('p', { class: 'field-error', id: `${base}-error`, 'aria-live': 'polite' });
  for (const input of [select, findings]) input.setAttribute('aria-describedby', error.id);
  const saved = { result: q.result ?? '', findings_description: q.findings_description ?? '' };
  const element = el(
    'tr',
    { dataset: { question: q.id, result: q.result ?? '' } },
    el(
      'th',
      { scope: 'row', class: 'question-cell' },
      el('div', { class: 'question-label' }, el('span', { class: 'qid' }, q.id), el('span', { class: 'qtext' }, detail.questionText.get(q.id) ?? '')),
    ),
    el('td', {}, select),
    el('td', {}, findings, error),
  );
  const mark = () => {
    element.dataset.result = select.value;
    element.classList.toggle('changed', select.value !== saved.result || findings.value !== saved.findings_description);
  };
  select.addEventListener('change', mark);
  findings.addEventListener('input', mark);
  return {
    element,
    select,
    question: q.id,
    state: () => ({ question: q.id, saved, result: select.value, findings_description: findings.value }),
    problems: (messages) => {
      error.textContent = messages.join(' ');
      select.setAttribute('aria-invalid', messages.length ? 'true' : 'false');
    },
  };
}
