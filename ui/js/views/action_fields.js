// The fields of a corrective action, written once for the form that adds one to a finding
// (audits_findings.js) and the form that changes one (audits_edit.js): text, owner,
// department, due date, justification and the evidence picker, with the classes both forms
// and their tests name, and `read()` giving the record the backend checks and saves.

import { el } from '../lib/dom.js';
import { evidencePicker } from '../widgets/evidence_picker.js';
import { field, textInput } from './form.js';

/**
 * The inputs of an action. `id(part)` names each element; `action` holds the values to start
 * from (none for a new action) and `chosen` its evidence ({ id, title }); `scope` and
 * `finding` are the ids `read()` sends.
 */
export function actionFields({ t, id, scope, finding, action = null, chosen = [] }) {
  const text = el('textarea', { class: 'action-text', id: id('text'), name: 'text', rows: 2 });
  text.value = action?.text ?? '';
  const owner = textInput('owner', action?.owner ?? '', { class: 'action-owner', id: id('owner') });
  const department = textInput('department', action?.department ?? '', { class: 'action-department', id: id('department') });
  const due = el('input', { type: 'date', class: 'action-due', id: id('due'), name: 'due', value: action?.due ?? '' });
  const justification = el('textarea', { class: 'action-justification', id: id('justification'), name: 'justification', rows: 2 });
  justification.value = action?.justification ?? '';
  const picker = evidencePicker({ t, id: id('evidence'), chosen });
  const read = () => ({
    scope,
    finding,
    description: text.value,
    owner: owner.value,
    department: department.value,
    due: due.value,
    justification: justification.value,
    evidence: picker.ids(),
  });
  /** The picker with its label and error line; `hint` (text) is said below it and read with it. */
  const evidenceField = (hint = null) => {
    const hintId = id('evidence-hint');
    if (hint) picker.input.setAttribute('aria-describedby', `${hintId} ${picker.input.getAttribute('aria-describedby') ?? ''}`.trim());
    return el(
      'div',
      { class: 'field', dataset: { field: 'evidence' } },
      el('label', { for: picker.input.id }, t('audits_ui.action_evidence')),
      picker.element,
      hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
      el('p', { class: 'field-error', 'aria-live': 'polite' }),
    );
  };
  /** Owner, department and due date side by side, and `more` (another field) after them. */
  const grid = (...more) =>
    el(
      'div',
      { class: 'form-grid' },
      field('owner', t('audits_ui.action_owner'), owner),
      field('department', t('audits_ui.action_department'), department),
      field('due', t('audits_ui.action_due'), due),
      ...more,
    );
  return { text, owner, department, due, justification, picker, read, evidenceField, grid };
}
