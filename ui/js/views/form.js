// Form pieces shared by the screens: labelled fields with a hint and an inline error slot,
// marking fields from a CommandError, and status lines.

import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';

/** A labelled input; `name` is the field name the backend reports problems for. */
export function field(name, label, input, hint) {
  input.id ||= name;
  input.name ||= name;
  const hintId = hint ? `${input.id}-hint` : null;
  input.setAttribute('aria-describedby', [hintId, `${input.id}-error`].filter(Boolean).join(' '));
  return el(
    'div',
    { class: 'field', dataset: { field: name } },
    el('label', { for: input.id }, label),
    input,
    hint ? el('p', { id: hintId, class: 'hint' }, hint) : null,
    el('p', { id: `${input.id}-error`, class: 'field-error', 'aria-live': 'polite' }),
  );
}

export function textInput(name, value = '', props = {}) {
  return el('input', { id: name, name, type: 'text', value, autocomplete: 'off', ...props });
}

/**
 * Shows each field's message from `error` in its slot (matching `data-field`, or the first
 * part of `labels.0`), marks those fields invalid and clears the others; focuses the first.
 */
export function markFields(container, error) {
  const messages = error ? fieldMessages(error) : new Map();
  const byField = new Map();
  for (const [name, message] of messages) {
    const key = name.split('.')[0];
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  for (const wrapper of container.querySelectorAll('[data-field]')) {
    const list = byField.get(wrapper.dataset.field) ?? [];
    const slot = wrapper.querySelector('.field-error');
    if (slot) slot.textContent = list.join(' ');
    for (const input of wrapper.querySelectorAll('input, select, textarea')) {
      input.setAttribute('aria-invalid', list.length ? 'true' : 'false');
    }
  }
  container.querySelector('[aria-invalid="true"]')?.focus();
}

/** A status line that screen readers announce. */
export function statusLine(id) {
  return el('p', { id, class: 'status', role: 'status' });
}

/** Shows `text` in a status line as `kind` ('', 'ok', 'warn' or 'error'); other classes stay. */
export function show(line, text, kind = '') {
  line.textContent = text;
  line.classList.remove('ok', 'warn', 'error');
  line.classList.add('status');
  if (kind) line.classList.add(kind);
}

/**
 * Shows why a save failed in `line`. When someone else saved the record since the form read
 * it (`changed`: the message names who and when), a Reload button next to it runs `reload`,
 * which draws the record as it is now; nothing of this form's change was saved.
 */
export function showFailure(line, error, reload, t) {
  show(line, error.message, 'error');
  if (error.code !== 'changed') return;
  line.append(
    ' ',
    el('button', { type: 'button', class: 'reload-record', dataset: { action: 'reload-record' }, onclick: () => reload() }, t('form.reload')),
  );
}

/** A group of labelled checkboxes; returns the fieldset with `.values()`. */
export function checkboxes(name, legend, options, checked = []) {
  const set = el(
    'fieldset',
    { class: 'checks', dataset: { field: name } },
    el('legend', {}, legend),
    options.map(({ value, label }) =>
      el('label', {}, el('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), ' ', label),
    ),
    el('p', { class: 'field-error', 'aria-live': 'polite' }),
  );
  set.values = () => [...set.querySelectorAll('input:checked')].map((i) => i.value);
  return set;
}

/**
 * A delete button that asks once more: the first press turns it into "Really delete?",
 * the second runs `action`; it falls back after a few seconds.
 */
export function confirmButton(label, confirmLabel, action, dataset = {}) {
  const button = el('button', { type: 'button', class: 'danger', dataset }, label);
  let armed = null;
  button.addEventListener('click', async () => {
    if (!armed) {
      button.textContent = confirmLabel;
      button.classList.add('armed');
      armed = setTimeout(() => {
        armed = null;
        button.textContent = label;
        button.classList.remove('armed');
      }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    button.disabled = true;
    try {
      await action();
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
