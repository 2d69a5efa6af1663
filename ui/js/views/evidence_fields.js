// Pieces both the vault's add form and an item's details use: the options of the work
// product, classification and scope selects, and the state badge.

import { el } from '../lib/dom.js';
import { scopeOptions as scopePickerOptions } from '../widgets/scope_picker.js';

/**
 * Select options for the ISO/SAE 21434 work products core knows (`app.vocabulary`), in clause
 * order: "Other document" first.
 */
export function typeOptions({ t, vocabulary }, selected = '') {
  return [
    el('option', { value: '', selected: !selected }, t('vault.type_other')),
    ...(vocabulary?.work_products ?? []).map((wp) => el('option', { value: wp, selected: wp === selected }, `${wp} — ${t(`wp.${wp}`)}`)),
  ];
}

/** Select options for core's classifications (`app.vocabulary`), most open first. */
export function classificationOptions({ t, vocabulary }, selected = 'internal') {
  return (vocabulary?.classifications ?? []).map((c) => el('option', { value: c, selected: c === selected }, t(`classification.${c}`)));
}

/** Select options for a link's scope ([{ id, name }], values the ids): "Every scope" ('') first. */
export function scopeOptions(t, scopes, selected = null) {
  return scopePickerOptions(scopes, selected, t('vault.every_scope'));
}

/** A state badge of an evidence item. */
export function stateBadge(t, state) {
  return el('span', { class: `badge state-${state}` }, t(`evidence_state.${state}`));
}

/** A state badge of a requirement or control question (covered, needs-review, missing). */
export function requirementBadge(t, state) {
  return el('span', { class: `badge state-${state}` }, t(`requirement_state.${state}`));
}
