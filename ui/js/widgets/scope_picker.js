// The scope picker: a <select> of the workspace's scopes, optionally led by an "any scope"
// choice with the empty value.

import { el } from '../lib/dom.js';

/** `<option>`s for `scopes` with `selected` chosen; `empty` (a text) adds a first '' option. */
export function scopeOptions(scopes, selected = '', empty = null) {
  return [
    empty === null ? null : el('option', { value: '', selected: !selected }, empty),
    ...scopes.map((s) => el('option', { value: s.name, selected: s.name === selected }, s.name)),
  ].filter(Boolean);
}

/**
 * The select `#id` (form name `name`, default `scope`) of `scopes`; `onChange(value)` runs
 * when the user picks another.
 */
export function scopePicker({ id, scopes = [], selected = '', empty = null, name = 'scope', onChange, label }) {
  const select = el('select', { id, name, 'aria-label': label }, scopeOptions(scopes, selected, empty));
  if (onChange) select.addEventListener('change', () => onChange(select.value));
  return select;
}
