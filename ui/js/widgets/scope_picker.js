// The scope picker: a <select> of the workspace's scopes (each option's value its id, its
// text its name), optionally led by an "any scope" choice with the empty value.

import { el } from '../lib/dom.js';
import { idFromParam } from '../lib/routes.js';

/**
 * `<option>`s for `scopes` ([{ id, name }]) with the one of id `selected` (a number or its
 * text) chosen; `empty` (a text) adds a first '' option, chosen when no scope is.
 */
export function scopeOptions(scopes, selected = null, empty = null) {
  const chosen = idFromParam(selected);
  return [
    empty === null ? null : el('option', { value: '', selected: chosen === null }, empty),
    ...scopes.map((s) => el('option', { value: String(s.id), selected: s.id === chosen }, s.name)),
  ].filter(Boolean);
}

/**
 * The select `#id` (form name `name`, default `scope`) of `scopes`; `onChange(id)` runs when
 * the user picks another, with the scope's id (null for the empty choice).
 */
export function scopePicker({ id, scopes = [], selected = null, empty = null, name = 'scope', onChange, label }) {
  const select = el('select', { id, name, 'aria-label': label }, scopeOptions(scopes, selected, empty));
  if (onChange) select.addEventListener('change', () => onChange(idFromParam(select.value)));
  return select;
}
