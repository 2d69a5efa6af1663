// A table of results per control question, filled from the keyboard: a row per question with
// a result and a text, the arrow keys (Home, End) move between rows in the result column, and
// c (conform), m (minor), M (major) or n (none) set the focused row's result. What changed is
// marked and counted; one button saves every change at once through `save`, which refuses
// all or nothing (its problems are shown on their rows). Used by an audit's results and by
// the self-assessment.

import { el } from '../lib/dom.js';
import { changedResults, resultForKey, resultProblems, rowAfterKey } from '../lib/audits.js';
import { show, statusLine } from '../views/form.js';

/**
 * `id`: the table's id (the button is `${id}-save`, the status `${id}-status`, the count
 * `${id}-changed`); `rowId(question)`: the prefix of a row's controls' ids; `rows`: [{ id,
 * text, result, description }]; `choices`: the results offered; `labels`: message keys {
 * question, result, description, resultOf, descriptionOf, save, keys, changed, refused };
 * `classes`: { select, text }; `prefix`: the field prefix of the backend's problems
 * (`results`, `assessments`); `save(changed)`: saves [{ question, result, description }],
 * resolving when saved (the caller then redraws what shows the results); `labelledBy`: the
 * id of the heading that names the table.
 */
export function resultsTable({ t, id, rowId, rows, choices, labels, classes, prefix, save, labelledBy = null }) {
  const built = rows.map((q) => resultRow(t, q, choices, labels, classes, rowId));
  const status = statusLine(`${id}-status`);
  const button = el('button', { type: 'button', class: 'primary', id: `${id}-save` }, t(labels.save));
  const count = el('span', { class: 'hint', id: `${id}-changed` });
  const changed = () => changedResults(built.map((r) => r.state()));
  const refresh = () => {
    const list = changed();
    count.textContent = list.length ? t(labels.changed, { count: list.length }) : '';
    button.disabled = !list.length;
  };
  const table = el(
    'table',
    { class: 'grid audit-results results-table', id, 'aria-labelledby': labelledBy, 'aria-describedby': `${id}-keys` },
    el('thead', {}, el('tr', {}, [labels.question, labels.result, labels.description].map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, built.map((r) => r.element)),
  );
  table.addEventListener('input', refresh);
  table.addEventListener('change', refresh);
  // Arrows move between rows in the result column (a text keeps its own arrows); letters set
  // the focused row's result.
  table.addEventListener('keydown', (event) => {
    const select = event.target.closest?.(`select.${classes.select}`);
    if (!select || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = built.findIndex((r) => r.select === select);
    if (['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      built[rowAfterKey(index, event.key, built.length)].select.focus();
      return;
    }
    const result = resultForKey(event.key);
    if (result === undefined || (result && !choices.includes(result))) return;
    event.preventDefault();
    select.value = result;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  button.addEventListener('click', async () => {
    const list = changed();
    if (!list.length) return;
    button.disabled = true;
    for (const r of built) r.problems([]);
    try {
      await save(list);
    } catch (error) {
      const fields = (error.fields ?? []).map((f) => ({ ...f, field: f.field.replace(`${prefix}.`, 'results.') }));
      const problems = resultProblems(fields);
      let first = null;
      for (const r of built) {
        const own = problems.get(r.question) ?? [];
        r.problems(own);
        if (own.length && !first) first = r;
      }
      show(status, problems.size ? t(labels.refused, { count: problems.size }) : error.message, 'error');
      first?.select.focus();
      button.disabled = false;
    }
  });
  refresh();
  return el(
    'div',
    { class: 'results-table-box' },
    el('p', { class: 'hint', id: `${id}-keys` }, t(labels.keys)),
    table,
    el('div', { class: 'actions' }, button, count, status),
  );
}

/** One question's row: { element, select, question, state(), problems(list) }. */
function resultRow(t, q, choices, labels, classes, rowId) {
  const base = rowId(q.id);
  const select = el(
    'select',
    { class: classes.select, id: `${base}-result`, 'aria-label': t(labels.resultOf, { id: q.id }) },
    el('option', { value: '' }, t('audits_ui.result_none')),
    choices.map((r) => el('option', { value: r, selected: q.result === r }, t(`assess_result.${r}`))),
  );
  const text = el('textarea', { class: classes.text, id: `${base}-${classes.textSuffix}`, rows: 1, 'aria-label': t(labels.descriptionOf, { id: q.id }) });
  text.value = q.description ?? '';
  const error = el('p', { class: 'field-error', id: `${base}-error`, 'aria-live': 'polite' });
  for (const input of [select, text]) input.setAttribute('aria-describedby', error.id);
  const saved = { result: q.result ?? '', findings_description: q.description ?? '' };
  const element = el(
    'tr',
    { dataset: { question: q.id, result: q.result ?? '' } },
    el(
      'th',
      { scope: 'row', class: 'question-cell' },
      el('div', { class: 'question-label' }, el('span', { class: 'qid' }, q.id), el('span', { class: 'qtext' }, q.text ?? '')),
    ),
    el('td', {}, select),
    el('td', {}, text, error),
  );
  const mark = () => {
    element.dataset.result = select.value;
    element.classList.toggle('changed', select.value !== saved.result || text.value !== saved.findings_description);
  };
  select.addEventListener('change', mark);
  text.addEventListener('input', mark);
  return {
    element,
    select,
    question: q.id,
    state: () => ({ question: q.id, saved, result: select.value, findings_description: text.value }),
    problems: (messages) => {
      error.textContent = messages.join(' ');
      select.setAttribute('aria-invalid', messages.length ? 'true' : 'false');
    },
  };
}
