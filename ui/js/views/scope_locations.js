// Locations with their TISAX labels: the list (expired labels stay, marked) and the form.

import * as api from '../api/commands.js';
import { formatDate } from '../lib/countdown.js';
import { el } from '../lib/dom.js';
import { fieldMessages } from '../lib/errors.js';
import { isoDate, labelState } from '../lib/scope_rules.js';
import { confirmButton, field, markFields, show, statusLine, textInput } from './form.js';

// `adding` keeps the form open after an add, for entering several locations in a row.
const view = { adding: false };

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
          el('td', {}, renewForm(app, panel, l), removeLocation(app, panel, l)),
        ),
      ),
    ),
  );
}

function labelRow(app, index) {
  const { t } = app;
  return el(
    'div',
    { class: 'label-row', dataset: { field: `labels` } },
    el('select', { name: `label_${index}`, 'aria-label': t('scope.label') }, app.vocabulary.tisax_labels.map((l) => el('option', { value: l }, l))),
    el('select', { name: `level_${index}`, 'aria-label': t('scope.level') }, ['1', '2', '3'].map((l) => el('option', { value: l, selected: l === '2' }, `AL${l}`))),
    el('input', { type: 'date', name: `expires_${index}`, 'aria-label': t('scope.expires'), required: true }),
  );
}

function form(app, panel, open) {
  const { t } = app;
  const labels = el('div', { class: 'label-rows' });
  let rows = 0;
  const addRow = () => labels.append(labelRow(app, rows++));
  addRow();
  const status = statusLine('location-status');
  const cs = el('input', { type: 'checkbox', id: 'cs_activities', name: 'cs_activities', checked: true });
  const formNode = el(
    'form',
    { class: 'form', novalidate: true, id: 'location-form' },
    field('name', t('scope.location_name'), textInput('location_name')),
    field('address', t('scope.address'), textInput('location_address')),
    field('tisax_scope_id', t('scope.tisax_scope_id'), textInput('location_tisax_scope_id'), t('scope.tisax_scope_id_hint')),
    el(
      'fieldset',
      { class: 'checks', dataset: { field: 'labels' } },
      el('legend', {}, t('scope.labels')),
      labels,
      el('button', { type: 'button', onclick: addRow }, t('scope.add_label')),
      el('p', { class: 'field-error', 'aria-live': 'polite' }),
    ),
    el('label', { class: 'inline' }, cs, t('scope.cs_activities_label')),
    field('notes', t('scope.notes'), textInput('location_notes')),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', dataset: { action: 'location-add' } }, t('scope.add_location')), status),
  );
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(formNode);
    const location = {
      name: data.get('location_name'),
      address: data.get('location_address'),
      tisax_scope_id: data.get('location_tisax_scope_id'),
      cs_activities: cs.checked,
      notes: data.get('location_notes'),
      labels: [...Array(rows).keys()]
        .filter((i) => data.get(`expires_${i}`))
        .map((i) => ({ label: data.get(`label_${i}`), level: data.get(`level_${i}`), expires: data.get(`expires_${i}`) })),
    };
    try {
      await api.addLocation(location);
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

/** Adds a renewed label to a location; the earlier ones stay as history. */
function renewForm(app, panel, location) {
  const { t } = app;
  const row = labelRow(app, 0);
  const error = el('p', { class: 'field-error', 'aria-live': 'polite' });
  const add = el('button', { type: 'button', dataset: { renew: location.name } }, t('scope.add_label_to'));
  add.addEventListener('click', async () => {
    const value = (name) => row.querySelector(`[name="${name}_0"]`).value;
    try {
      await api.addLocationLabel(location.id, { label: value('label'), level: value('level'), expires: value('expires') });
      await render(app, panel);
    } catch (e) {
      error.textContent = [...fieldMessages(e).values()].join(' ') || e.message;
    }
  });
  return el('details', { class: 'inline-form' }, el('summary', {}, t('scope.renew_label')), row, add, error);
}

function removeLocation(app, panel, location) {
  const { t } = app;
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
