// Correcting what an audit holds: a finding's question, type, text and protection object; a
// corrective action's every field and its evidence; removing either. Each form asks the
// backend's check while the user types (the same check the save makes), so a refusal or a
// warning shows before anything is saved. A finding with actions is removed only after a
// confirm step that names how many actions go with it.

import * as api from '../api/commands.js';
import { el } from '../lib/dom.js';
import { removeFindingQuestion } from '../lib/audits.js';
import { debounce } from '../lib/paging.js';
import { actionFields } from './action_fields.js';
import { confirmButton, field, markFields, show, showFailure, statusLine } from './form.js';

/**
 * Runs the backend's check of the action `read()` gives (`id`: the action being changed, or
 * null) a moment after the last keystroke, and shows its problems in `form`'s field slots
 * (without moving the focus) and its warnings in `warnings`. The text of what will be done is
 * marked only once it was typed in (a date typed first should not blame the empty text).
 * Returns the function to call on input.
 */
export function liveActionCheck(form, read, id, warnings) {
  const touched = new Set();
  form.addEventListener('input', (event) => {
    const name = event.target.closest?.('[data-field]')?.dataset.field;
    if (name) touched.add(name);
  });
  const run = debounce(async () => {
    let answer;
    try {
      answer = await api.checkAction(read(), id);
    } catch {
      return; // A finding removed meanwhile: the save says so.
    }
    const byField = new Map();
    for (const { field: name, message } of answer.errors) {
      if (name === 'text' && !touched.has(name)) continue;
      byField.set(name, [...(byField.get(name) ?? []), message]);
    }
    for (const wrapper of form.querySelectorAll('[data-field]')) {
      const list = byField.get(wrapper.dataset.field) ?? [];
      const slot = wrapper.querySelector('.field-error');
      if (slot) slot.textContent = list.join(' ');
      for (const input of wrapper.querySelectorAll('input, select, textarea')) input.setAttribute('aria-invalid', list.length ? 'true' : 'false');
    }
    warnings.replaceChildren(...answer.warnings.map((w) => el('li', {}, w)));
  }, 200);
  return run;
}

/** The folded form that changes corrective action `action`; `done(flash)` redraws after a save. */
export function actionEditPanel(detail, action, titles, done) {
  const { app, scope } = detail;
  const { t } = app;
  const details = el('details', { class: 'inline-form action-edit-panel' }, el('summary', {}, t('audits_ui.edit_action')));
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('form')) details.append(actionEditForm(detail, scope, action, titles, done));
  });
  const status = statusLine(`action-remove-status-${action.id}`);
  const remove = confirmButton(t('audits_ui.remove_action'), t('audits_ui.remove_action_confirm'), async () => {
    try {
      await api.removeAction(action.id);
      await done({ text: t('audits_ui.action_removed') });
    } catch (error) {
      show(status, error.message, 'error');
    }
  }, { actionRemove: action.id });
  remove.classList.add('action-remove');
  return el('div', { class: 'action-edit-box' }, details, remove, status);
}

function actionEditForm(detail, scope, action, titles, done) {
  const { app } = detail;
  const { t } = app;
  const id = (part) => `action-edit-${part}-${action.id}`;
  const chosen = action.evidence.map((e) => ({ id: e, title: titles.get(e) ?? `#${e}` }));
  const fields = actionFields({ t, id, scope: scope.id, finding: action.finding_id, action, chosen });
  const { text, justification, read } = fields;
  const status = el(
    'select',
    { class: 'action-edit-status', id: id('status'), name: 'status' },
    app.vocabulary.action_statuses.map((s) => el('option', { value: s, selected: s === action.status }, t(`action_status.${s}`))),
  );
  const warnings = el('ul', { class: 'action-warnings', 'aria-live': 'polite' });
  const line = statusLine(id('status-line'));
  const save = el('button', { type: 'submit', class: 'primary action-save' }, t('settings.save'));
  const form = el(
    'form',
    { class: 'form wide action-edit-form', novalidate: true, dataset: { actionId: action.id } },
    field('text', t('audits_ui.action_text'), text),
    fields.grid(field('status', t('audits_ui.action_status'), status)),
    field('justification', t('audits_ui.action_justification'), justification),
    warnings,
    fields.evidenceField(),
    el('div', { class: 'actions' }, save, line),
  );
  const check = liveActionCheck(form, read, action.id, warnings);
  form.addEventListener('input', check);
  form.addEventListener('change', check);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    check.cancel();
    markFields(form, null);
    save.disabled = true;
    try {
      const answer = await api.editAction(action.id, read(), status.value, action.revision);
      await done({ text: t('audits_ui.action_changed'), warnings: answer.warnings, focus: `li[data-action-id="${action.id}"] .action-status` });
    } catch (error) {
      markFields(form, error);
      showFailure(line, error, () => done({ text: t('form.reloaded'), focus: `li[data-action-id="${action.id}"]` }), t);
      save.disabled = false;
    }
  });
  return form;
}

/**
 * Edit and remove for finding `finding` with `actions` actions. `done(flash)` redraws after a
 * change. Removing one with actions asks first, naming how many go with it.
 */
export function findingTools(detail, finding, actions, done) {
  const { app, view, objects } = detail;
  const { t } = app;
  const details = el('details', { class: 'inline-form finding-edit-panel' }, el('summary', {}, t('audits_ui.edit_finding')));
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('form')) details.append(findingEditForm(detail, view, objects, finding, done));
  });
  const status = statusLine(`finding-remove-status-${finding.id}`);
  const question = removeFindingQuestion(actions);
  const remove = async () => {
    try {
      await api.removeFinding(finding.id, actions > 0);
      await done({ text: t('audits_ui.finding_removed') });
    } catch (error) {
      show(status, error.message, 'error');
    }
  };
  const button = confirmButton(
    t('audits_ui.remove_finding'),
    question ? t(question.key, question.args) : t('audits_ui.remove_finding_confirm_empty'),
    remove,
    { findingRemove: finding.id },
  );
  button.classList.add('finding-remove');
  return el('div', { class: 'finding-tools' }, details, button, status);
}

function findingEditForm(detail, view, objects, finding, done) {
  const { t } = detail.app;
  const id = (part) => `finding-edit-${part}-${finding.id}`;
  const question = el(
    'select',
    { id: id('question'), name: 'question' },
    view.questions.filter((q) => q.applicable).map((q) => el('option', { value: q.id, selected: q.id === finding.question }, q.id)),
  );
  const type = el(
    'select',
    { id: id('type'), name: 'type', class: 'finding-edit-type' },
    detail.app.vocabulary.finding_types.map((k) => el('option', { value: k, selected: k === finding.type }, t(`finding_type.${k}`))),
  );
  const text = el('textarea', { id: id('text'), name: 'text', rows: 2, class: 'finding-edit-text' });
  text.value = finding.text;
  const object = el(
    'select',
    { id: id('object'), name: 'protection_object' },
    el('option', { value: '' }, t('audits_ui.no_object')),
    objects.map((o) => el('option', { value: String(o.id), selected: o.id === finding.protection_object_id }, o.name)),
  );
  const line = statusLine(id('status'));
  const save = el('button', { type: 'submit', class: 'primary finding-save' }, t('settings.save'));
  const form = el(
    'form',
    { class: 'form wide finding-edit-form', novalidate: true },
    el(
      'div',
      { class: 'form-grid' },
      field('question', t('audits_ui.finding_question'), question),
      field('type', t('audits_ui.finding_type'), type),
      field('protection_object', t('audits_ui.finding_object'), object),
    ),
    field('text', t('audits_ui.finding_text'), text),
    el('div', { class: 'actions' }, save, line),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    markFields(form, null);
    try {
      await api.editFinding(
        finding.id,
        { question: question.value, kind: type.value, text: text.value, protection_object: object.value },
        finding.revision,
      );
      await done({ text: t('audits_ui.finding_changed'), focus: `li[data-finding-id="${finding.id}"]` });
    } catch (error) {
      markFields(form, error);
      showFailure(line, error, () => done({ text: t('form.reloaded'), focus: `li[data-finding-id="${finding.id}"]` }), t);
    }
  });
  return form;
}
