// Locations with their TISAX labels: the list (expired labels stay, marked), the form that
// adds one, and per location the form that corrects it (every field, each label row edited
// or removed), a renewed label, and deleting it (refused while a scope uses it).

import * as api from '../api/commands.js';
import { formatDate } from '../lib/countdown.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import { isoDate, labelState } from '../lib/scope_rules.js';
import { confirmButton, field, markFields, show, showFailure, statusLine, textInput } from './form.js';

// `adding` keeps the form open after an add, for entering several locations in a row;
// `editing` is the id of the location whose edit form is open.
const view = { adding: false, editing: null };

export async function render(app, panel) {
  const list = await api.locations();
  panel.replaceChildren(table(app, panel, list), form(app, panel, list.length === 0 || view.adding));
}

function table(app, panel, list) {
  const { t, lang } = app;
  if (!list.length) return el('p', { class: 'hint', id: 'locations-empty' }, t('scope.locations_empty'));
  const today = isoDate(new Date());
  const date = (iso) => formatDate(iso, lang);
  return el(
    'table',
    { class: 'grid', id: 'locations-table' },
    el('thead', {}, el('tr', {}, ['scope.location_name', 'scope.tisax_scope_id', 'scope.labels', 'scope.cs_activities', 'scope.actions'].map((k) => el('th', { scope: 'col' }, t(k))))),
    el(
      'tbody',
      {},
      list.map((l) =>
        el(
          'tr',
          { dataset: { location: l.name } },
          el('td', {}, el('strong', {}, l.name), l.address ? el('div', { class: 'hint' }, l.address) : null),
          el('td', {}, l.tisax_scope_id ?? '–'),
          el(
            'td',
            {},
            el(
              'ul',
              { class: 'labels' },
              l.labels.map((label) => {
                const state = labelState(label.expires, today, app.vocabulary.rules.label_expiry_warning_days);
                return el(
                  'li',
                  { class: `label-${state}` },
                  `${label.label} (AL${label.level}) `,
                  el('span', { class: `badge ${state}` }, t(`scope.label_${state}`, { date: date(label.expires) })),
                );
              }),
            ),
          ),
          el('td', {}, t(l.cs_activities ? 'scope.yes' : 'scope.no')),
          el('td', {}, editForm(app, panel, l), renewForm(app, panel, l), removeLocation(app, panel, l)),
        ),
      ),
    ),
  );
}

/** The level a label implies (the vocabulary lists them in the labels' order). */
function impliedLevel(app, label) {
  const index = app.vocabulary.tisax_labels.indexOf(label);
  return String(app.vocabulary.tisax_label_levels?.[index] ?? '');
}

/**
 * One label row: label, level (filled in from the label, which implies it), expiry and a
 * Remove button. `value` is a stored label to correct. Reads back with `.value()`.
 */
function labelRow(app, value, onRemove) {
  const { t } = app;
  const first = value?.label ?? app.vocabulary.tisax_labels[0];
  const label = el('select', { class: 'label-name', 'aria-label': t('scope.label') }, app.vocabulary.tisax_labels.map((l) => el('option', { value: l, selected: l === first }, l)));
  const level = el(
    'select',
    { class: 'label-level', 'aria-label': t('scope.level') },
    ['1', '2', '3'].map((l) => el('option', { value: l, selected: l === String(value?.level ?? impliedLevel(app, first)) }, `AL${l}`)),
  );
  label.addEventListener('change', () => (level.value = impliedLevel(app, label.value)));
  const expires = el('input', { type: 'date', class: 'label-expires', 'aria-label': t('scope.expires'), value: value?.expires ?? '' });
  const row = el('div', { class: 'label-row' }, label, level, expires);
  if (onRemove) {
    row.append(el('button', { type: 'button', class: 'link', dataset: { removeLabelRow: '' }, 'aria-label': t('scope.remove_label_row'), onclick: () => onRemove(row) }, t('scope.remove_label')));
  }
  row.value = () => ({ label: label.value, level: level.value, expires: expires.value });
  return row;
}

/**
 * The label rows of a form: every row is sent, one without an expiry date too (the backend
 * refuses it naming the row, rather than the form dropping it).
 */
function labelRows(app, initial = []) {
  const { t } = app;
  const rows = el('div', { class: 'label-rows' });
  const remove = (row) => row.remove();
  const add = (value) => rows.append(labelRow(app, value, remove));
  initial.forEach(add);
  const set = el(
    'fieldset',
    { class: 'checks', dataset: { field: 'labels' } },
    el('legend', {}, t('scope.labels')),
    rows,
    el('button', { type: 'button', dataset: { action: 'add-label-row' }, onclick: () => add() }, t('scope.add_label')),
    el('p', { class: 'field-error', 'aria-live': 'polite' }),
  );
  set.values = () => [...rows.children].map((row) => row.value());
  return set;
}

/** The fields of a location, empty or filled with `location`; `.input()` reads them back. */
function locationFields(app, prefix, location) {
  const { t } = app;
  const inputs = {
    name: textInput(`${prefix}_name`, location?.name ?? ''),
    address: textInput(`${prefix}_address`, location?.address ?? ''),
    tisax: textInput(`${prefix}_tisax_scope_id`, location?.tisax_scope_id ?? ''),
    notes: textInput(`${prefix}_notes`, location?.notes ?? ''),
  };
  const cs = el('input', { type: 'checkbox', id: `${prefix}_cs_activities`, checked: location ? location.cs_activities : true });
  const labels = labelRows(app, location?.labels ?? []);
  const nodes = [
    field('name', t('scope.location_name'), inputs.name),
    field('address', t('scope.address'), inputs.address),
    field('tisax_scope_id', t('scope.tisax_scope_id'), inputs.tisax, t('scope.tisax_scope_id_hint')),
    labels,
    el('label', { class: 'inline' }, cs, t('scope.cs_activities_label')),
    field('notes', t('scope.notes'), inputs.notes),
  ];
  const input = () => ({
    name: inputs.name.value,
    address: inputs.address.value,
    tisax_scope_id: inputs.tisax.value,
    cs_activities: cs.checked,
    notes: inputs.notes.value,
    labels: labels.values(),
  });
  return { nodes, input };
}

function form(app, panel, open) {
  const { t } = app;
  const status = statusLine('location-status');
  const fields = locationFields(app, 'location');
  const formNode = el(
    'form',
    { class: 'form', novalidate: true, id: 'location-form' },
    ...fields.nodes,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', dataset: { action: 'location-add' } }, t('scope.add_location')), status),
  );
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.addLocation(fields.input());
      view.adding = true;
      await render(app, panel);
    } catch (error) {
      markFields(formNode, error);
      show(status, error.message, 'error');
    }
  });
  const details = el('details', { class: 'panel', open }, el('summary', {}, t('scope.add_location')), formNode);
  details.addEventListener('toggle', () => (view.adding = details.open));
  return details;
}

/** Corrects a location: every field, and its labels (a row changed, removed or added). */
function editForm(app, panel, location) {
  const { t } = app;
  const status = statusLine(`location-edit-status-${location.id}`);
  const fields = locationFields(app, `edit_location_${location.id}`, location);
  const formNode = el(
    'form',
    { class: 'form', novalidate: true, dataset: { editLocation: location.name } },
    ...fields.nodes,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', dataset: { action: 'location-save' } }, t('settings.save')), status),
  );
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.updateLocation(location.id, fields.input(), location.revision);
      view.editing = null;
      await render(app, panel);
    } catch (error) {
      markFields(formNode, error);
      // Reloaded, the form stays open with what the other person saved.
      showFailure(status, error, () => render(app, panel), t);
    }
  });
  const details = el('details', { class: 'inline-form', open: view.editing === location.id }, el('summary', { dataset: { action: 'location-edit' } }, t('scope.edit')), formNode);
  details.addEventListener('toggle', () => {
    if (details.open) view.editing = location.id;
    else if (view.editing === location.id) view.editing = null;
  });
  return details;
}

/** Adds a renewed label to a location; the earlier ones stay as history. */
function renewForm(app, panel, location) {
  const { t } = app;
  const row = labelRow(app, null, null);
  const error = el('p', { class: 'field-error', 'aria-live': 'polite' });
  const add = el('button', { type: 'button', dataset: { renew: location.name } }, t('scope.add_label_to'));
  add.addEventListener('click', async () => {
    try {
      await api.addLocationLabel(location.id, row.value());
      await render(app, panel);
    } catch (e) {
      error.textContent = [...fieldMessages(e).values()].join(' ') || e.message;
    }
  });
  return el('details', { class: 'inline-form', dataset: { renewLabel: location.name } }, el('summary', {}, t('scope.renew_label')), row, add, error);
}

/**
 * Deletes a location. One that a scope uses cannot go: instead of a delete button the row
 * names those scopes and how to free it.
 */
function removeLocation(app, panel, location) {
  const { t } = app;
  if (location.used_by.length) {
    return el('p', { class: 'hint', dataset: { locationInUse: location.name } }, t('scope.location_used_by', { scopes: location.used_by.join(', ') }));
  }
  const error = el('p', { class: 'field-error', 'aria-live': 'polite' });
  const button = confirmButton(t('scope.delete'), t('scope.really_delete'), async () => {
    try {
      await api.removeLocation(location.id);
      await render(app, panel);
    } catch (e) {
      error.textContent = [...fieldMessages(e).values()].join(' ') || e.message;
    }
  }, { removeLocation: location.name });
  return el('div', {}, button, error);
}
