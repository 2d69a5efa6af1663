// A file or folder path field with its Choose button. The path can always be typed (or
// pasted): the native dialog the button opens is a convenience, and a window the WebDriver
// of the end-to-end tests cannot drive.

import { el } from '../lib/dom.js';

/** A text input for a path: no spell checking, no autocompletion. */
export function pathInput(id, value = '', name = undefined) {
  return el('input', { type: 'text', id, name, value, class: 'path', autocomplete: 'off', spellcheck: false });
}

/**
 * A Choose button: `pick()` opens the native dialog and resolves to the chosen path (or
 * null); the path goes into `input`, then `onPicked(path)` runs. A failure goes to
 * `onError(error)`.
 */
export function chooseButton({ id, text, pick, input, onPicked = () => {}, onError, className, dataset }) {
  return el(
    'button',
    {
      type: 'button',
      id,
      class: className,
      dataset,
      onclick: async () => {
        try {
          const picked = await pick();
          if (!picked) return;
          input.value = picked;
          await onPicked(picked);
        } catch (error) {
          onError(error);
        }
      },
    },
    text,
  );
}

/**
 * The field: label, input and button in one row, an optional hint, and the error slot that
 * `markFields` (views/form.js) fills when the backend names field `name`. Without `name` the
 * field has no error slot.
 */
export function pathField({ name, input, label, choose, hint }) {
  const id = input.id;
  if (name) {
    input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  }
  return el(
    'div',
    { class: 'field', dataset: name ? { field: name } : undefined },
    el('label', { for: id }, label),
    el('div', { class: 'input-row' }, input, choose),
    hint ? el('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    name ? el('p', { id: `${id}-error`, class: 'field-error', 'aria-live': 'polite' }) : null,
  );
}
